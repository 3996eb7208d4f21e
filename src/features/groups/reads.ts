// The groups area's live reads: the class's students, the current piece with its objectives and open needs, the
// active groups, keep-apart pairs and recent sessions. One live query, so the builder re-renders as marks land.
import { useLiveQueryFor } from '../../db/live';
import { db } from '../../db/db';
import { listStudents } from '../../db/hooks';
import type { Group, GroupSession, KeepApart, Note, Objective, Piece, Student } from '../../shared/records';
import { openNeeds } from '../../domain/marks';
import { WEEK_MS } from '../../domain/pulls';
import { currentPiece } from '../../domain/pieces';
import { useChosenPieceId } from '../../session/chosenPiece';
import type { RunState } from './runState';

export interface GroupsData {
  students: Student[];
  piece: Piece | null;
  objectives: Objective[];
  /** Open needs (X without a later check) on the current piece, by student. */
  needs: Map<string, string[]>;
  /** Groups in use (not dissolved), in order. */
  groups: LiveGroup[];
  keepApart: KeepApart[];
  /** Recorded sessions of the last six weeks, newest first. */
  sessions: GroupSession[];
}

/** A group as the area uses it: locks always present. */
export type LiveGroup = Group & { lockedIds: string[] };

/** Rows written before locks existed have no lockedIds; locks only name current members. */
export function normalizeGroup(g: Group): LiveGroup {
  const members = Array.isArray(g.memberIds) ? g.memberIds : [];
  const locked = Array.isArray(g.lockedIds) ? g.lockedIds.filter((id) => members.includes(id)) : [];
  return { ...g, memberIds: members, lockedIds: locked, schedule: Array.isArray(g.schedule) ? g.schedule : [] };
}

/** The class's current piece: the one chosen on the clipboard if it is still live, else the most recent by start date. */
export async function readCurrentPiece(classId: string, chosenId?: string | null): Promise<Piece | null> {
  return currentPiece(await db.pieces.where('classId').equals(classId).toArray(), chosenId);
}

export async function activeGroups(classId: string): Promise<LiveGroup[]> {
  const rows = await db.groups.where('classId').equals(classId).toArray();
  return rows
    .filter((g) => !g.deleted && !g.dissolved)
    .map(normalizeGroup)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export async function classSessions(classId: string, since: number): Promise<GroupSession[]> {
  const rows = await db.groupSessions.where('[classId+at]').between([classId, since], [classId, Infinity]).reverse().toArray();
  return rows.filter((s) => !s.deleted);
}

export async function loadGroupsData(classId: string, now: number, chosenPieceId: string | null = null): Promise<GroupsData> {
  const [students, piece, groups, keepApartRows, sessions] = await Promise.all([
    listStudents(classId),
    readCurrentPiece(classId, chosenPieceId),
    activeGroups(classId),
    db.keepApart.where('classId').equals(classId).toArray(),
    classSessions(classId, now - 6 * WEEK_MS),
  ]);
  let objectives: Objective[] = [];
  let needs = new Map<string, string[]>();
  if (piece) {
    const [objRows, marks] = await Promise.all([
      db.objectives.where('pieceId').equals(piece.id).toArray(),
      db.marks.where('[pieceId+at]').between([piece.id, -Infinity], [piece.id, Infinity]).toArray(),
    ]);
    objectives = objRows.filter((o) => !o.deleted).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    needs = openNeeds(marks);
  }
  return { students, piece, objectives, needs, groups, keepApart: keepApartRows.filter((k) => !k.deleted), sessions };
}

/** The day the area was opened: recent-session windows move only when the page is reopened, which is enough. */
const OPENED_AT = Date.now();

export function useGroupsData(classId: string | null | undefined): GroupsData | undefined {
  const chosen = useChosenPieceId(classId);
  return useLiveQueryFor(classId, async () => (classId ? loadGroupsData(classId, OPENED_AT, chosen) : undefined), [chosen]);
}

/** One running group: its live row, members, focus text, piece and the notes written at the table. */
export interface RunData {
  group: LiveGroup | null;
  students: Map<string, Student>;
  focus: string | null;
  pieceId: string | null;
  notes: Map<string, Note>;
}

export function useRunData(groupId: string, run: RunState | null | undefined): RunData | undefined {
  const noteKey = run ? Object.values(run.noteIds).join(',') : '';
  return useLiveQueryFor(groupId, async () => {
    const raw = await db.groups.get(groupId);
    const group = raw && !raw.deleted ? normalizeGroup(raw) : null;
    if (!group) return { group: null, students: new Map(), focus: null, pieceId: null, notes: new Map() };
    const [studentRows, objective, piece, noteRows] = await Promise.all([
      db.students.bulkGet(group.memberIds),
      group.focusObjectiveId ? db.objectives.get(group.focusObjectiveId) : Promise.resolve(undefined),
      readCurrentPiece(group.classId),
      noteKey ? db.notes.bulkGet(noteKey.split(',')) : Promise.resolve([] as (Note | undefined)[]),
    ]);
    const students = new Map(studentRows.filter((s): s is Student => !!s && !s.deleted).map((s) => [s.id, s]));
    const notes = new Map<string, Note>();
    for (const n of noteRows) if (n && !n.deleted) notes.set(n.id, n);
    return { group, students, focus: objective && !objective.deleted ? objective.text : null, pieceId: group.pieceId ?? piece?.id ?? null, notes };
  }, [noteKey]);
}
