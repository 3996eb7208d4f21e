// Notes ("jots"): created on the "Note" tap so the text can autosave from the first keystroke.
import { create, remove, update } from '../../db/write';
export { attachPhoto, detachPhoto } from '../../db/photos';
import type { Note, NoteContext } from '../../shared/records';

export function newNote(classId: string, studentId: string, pieceId: string | null): Promise<string> {
  return create('notes', {
    classId,
    studentId,
    pieceId,
    text: '',
    objectiveIds: [],
    context: null,
    private: false,
    at: Date.now(),
    printedAt: null,
    photoId: null,
    groupSessionId: null,
    conferenceId: null,
  });
}

export function isEmptyNote(n: Pick<Note, 'text' | 'photoId' | 'photo' | 'memos'>): boolean {
  return n.text.trim() === '' && n.photoId === null && !n.photo && !n.memos?.length;
}

export function setNoteContext(id: string, context: NoteContext | null): Promise<void> {
  return update('notes', id, { context });
}

export function toggleNoteObjective(note: Note, objectiveId: string): Promise<void> {
  const has = note.objectiveIds.includes(objectiveId);
  return update('notes', note.id, { objectiveIds: has ? note.objectiveIds.filter((o) => o !== objectiveId) : [...note.objectiveIds, objectiveId] });
}

export function setNotePrivate(id: string, value: boolean): Promise<void> {
  return update('notes', id, { private: value });
}

export function deleteNote(id: string): Promise<void> {
  return remove('notes', id);
}

export const CONTEXTS: readonly { value: NoteContext; label: string }[] = [
  { value: 'mini-lesson', label: 'Mini lesson' },
  { value: 'independent', label: 'Independent writing' },
  { value: 'guided-group', label: 'Guided group' },
  { value: 'conference', label: 'Conference' },
];
