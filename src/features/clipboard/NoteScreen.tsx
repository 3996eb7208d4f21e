// One note ("jot") about a student: text saved as typed (dictation works: it is a plain textarea), optional tags,
// the private switch, a photo of the student's page from the tablet camera, and voice memos.
import { db } from '../../db/db';
import { formatWhen } from '../../ui/dates';
import { useLiveQueryFor } from '../../db/live';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useStudent } from '../../db/hooks';
import { displayName } from '../../domain/names';
import { currentAuthor } from '../../db/write';
import { AutosaveField } from '../../ui/AutosaveField';
import { flushSave } from '../../db/autosave';
import { attachPhoto, CONTEXTS, deleteNote, detachPhoto, isEmptyNote, setNoteContext, setNotePrivate, toggleNoteObjective } from './noteActions';
import { PhotoThumb } from './PhotoThumb';
import { MemoSection } from '../memos/MemoSection';
import { pieceObjectives } from './reads';
import { useUndoToast } from './toast';
import { restore } from '../../db/write';

function goBack(navigate: ReturnType<typeof useNavigate>): void {
  const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
  if (idx > 0) navigate(-1);
  else navigate('/clipboard');
}

export function NoteScreen() {
  const { noteId = '' } = useParams();
  const navigate = useNavigate();
  const showToast = useUndoToast();
  const note = useLiveQueryFor(noteId, async () => (await db.notes.get(noteId)) ?? null, []);
  const student = useStudent(note?.studentId);
  const objectives = useLiveQueryFor(note?.pieceId, async () => (note?.pieceId ? pieceObjectives(db, note.pieceId) : []), []);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (note === undefined || student === undefined) return null;
  if (note === null || note.deleted) return <p className="card">This note was deleted. <Link to="/clipboard">Back to the checklist</Link></p>;
  const name = student ? displayName(student) : 'a student';
  const author = note._m.text?.by;
  return (
    <div className="stack clip-note">
      <div className="row">
        <h1 className="grow">Note: {name}</h1>
        <button
          type="button"
          className="primary"
          onClick={async () => {
            await flushSave('notes', note.id, 'text');
            const saved = await db.notes.get(note.id);
            // A note opened and left empty is not worth keeping (a memo, even one still recording, counts).
            if (saved && isEmptyNote(saved) && (await db.memos.where('ownerId').equals(note.id).count()) === 0) await deleteNote(note.id);
            goBack(navigate);
          }}
        >
          Done
        </button>
      </div>
      <p className="muted">
        {formatWhen(note.at, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' })}
        {author && author !== currentAuthor() && <> · written by {author}</>}
        {student && (
          <>
            {' · '}
            <Link to={`/clipboard/student/${student.id}`}>All about {name}</Link>
          </>
        )}
      </p>
      <AutosaveField multiline table="notes" recordId={note.id} field="text" value={note.text} label="Note" autoFocus rows={6} />
      <label className="row clip-private">
        <input type="checkbox" checked={note.private} onChange={(e) => void setNotePrivate(note.id, e.target.checked)} />
        <span>Private: stays on this device (never synced)</span>
      </label>
      <fieldset className="clip-tags">
        <legend>When</legend>
        <div className="row">
          {CONTEXTS.map((c) => (
            <button key={c.value} type="button" aria-pressed={note.context === c.value} onClick={() => void setNoteContext(note.id, note.context === c.value ? null : c.value)}>
              {c.label}
            </button>
          ))}
        </div>
      </fieldset>
      {objectives && objectives.length > 0 && (
        <fieldset className="clip-tags">
          <legend>Objectives</legend>
          <div className="row">
            {objectives.map((o) => (
              <button key={o.id} type="button" aria-pressed={note.objectiveIds.includes(o.id)} onClick={() => void toggleNoteObjective(note, o.id)}>
                {o.text}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <section aria-labelledby="photo-h" className="stack">
        <h2 id="photo-h">Photo of the page</h2>
        <PhotoThumb note={note} alt={`Photo of ${name}'s page`} large />
        <div className="row">
          <label className={`button${busy ? ' clip-busy' : ''}`}>
            {note.photo ? 'Retake photo' : 'Take or add a photo'}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              className="visually-hidden"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                setBusy(true);
                try {
                  await attachPhoto(note, file);
                  setPhotoError(null);
                } catch (err) {
                  setPhotoError(err instanceof Error && err.name === 'StorageFullError' ? err.message : 'That file could not be read as a photo. Choose a photo (JPEG or PNG) and try again.');
                } finally {
                  setBusy(false);
                }
              }}
            />
          </label>
          {note.photo && (
            <button type="button" className="danger" onClick={() => void detachPhoto(note)}>
              Remove photo
            </button>
          )}
        </div>
        {busy && <p role="status">Saving the photo...</p>}
        {photoError && (
          <p className="error" role="alert">
            {photoError}
          </p>
        )}
      </section>
      <MemoSection table="notes" ownerId={note.id} memos={note.memos ?? []} studentName={name} />
      <button
        type="button"
        className="danger clip-self-start"
        onClick={async () => {
          await deleteNote(note.id);
          showToast({ message: `Deleted the note about ${name}`, onUndo: () => void restore('notes', note.id) });
          goBack(navigate);
        }}
      >
        Delete note
      </button>
    </div>
  );
}
