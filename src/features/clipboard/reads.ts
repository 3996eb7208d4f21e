// The clipboard's reads. Each uses an index ([pieceId+at], [studentId+at], classId...) so it stays fast with a
// school year of taps and notes; deleted rows (tombstones, undone taps) are filtered out.
import type { CirculateDb } from '../../db/schema';
import type { Conference, Goal, GoalCheck, GroupSession, Mark, Note, Objective, Piece, Student } from '../../shared/records';
import { sortStudents } from '../../db/hooks';
import { cellTap } from '../../db/cells';
import { cellKey, type MarkLike } from '../../domain/marks';
import { isEmptyNote } from './noteActions';

const LOW = -Infinity;
const HIGH = Infinity;

export async function classStudents(db: CirculateDb, classId: string): Promise<Student[]> {
  const rows = await db.students.where('classId').equals(classId).toArray();
  return sortStudents(rows.filter((s) => !s.deleted && !s.archived));
}

/** Pieces newest first (by start date). */
export async function classPieces(db: CirculateDb, classId: string, includeArchived = false): Promise<Piece[]> {
  const rows = await db.pieces.where('classId').equals(classId).toArray();
  return rows
    .filter((p) => !p.deleted && (includeArchived || !p.archived))
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id));
}

export async function pieceObjectives(db: CirculateDb, pieceId: string): Promise<Objective[]> {
  const rows = await db.objectives.where('pieceId').equals(pieceId).toArray();
  return rows.filter((o) => !o.deleted).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export async function classObjectives(db: CirculateDb, classId: string): Promise<Objective[]> {
  const rows = await db.objectives.where('classId').equals(classId).toArray();
  return rows.filter((o) => !o.deleted);
}

/** Every live tap on a piece, oldest first. */
export async function pieceMarks(db: CirculateDb, pieceId: string): Promise<Mark[]> {
  const rows = await db.marks.where('[pieceId+at]').between([pieceId, LOW], [pieceId, HIGH]).toArray();
  return rows.filter((m) => !m.deleted);
}

/** The grid's state: each cell's latest live tap, from the checklist's projection (one row per cell, see db/cells). */
export async function pieceLatest(db: CirculateDb, pieceId: string): Promise<Map<string, MarkLike>> {
  const cells = await db.cells.where('pieceId').equals(pieceId).toArray();
  return new Map(cells.map((c) => [cellKey(c.studentId, c.objectiveId), cellTap(c)]));
}

/**
 * When each student was last observed: their latest live tap, note or conference. One read transaction for all
 * students; per table it reads only the newest primary key of each student's [studentId+at] range (no row), then
 * those rows in one bulkGet to rule out tombstones; only a student whose newest row was deleted is walked back.
 */
export async function lastSeen(db: CirculateDb, studentIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // Read alike through the one shape they share (id, studentId, at, deleted).
  const tables = [db.marks, db.notes, db.conferences] as unknown as CirculateDb['conferences'][];
  await db.transaction('r', tables, () =>
    Promise.all(
      tables.map(async (table) => {
        const range = (sid: string) => table.where('[studentId+at]').between([sid, LOW], [sid, HIGH]).reverse();
        const newest = await Promise.all(studentIds.map(async (sid) => ((await range(sid).limit(1).primaryKeys()) as string[])[0]));
        const rows = await table.bulkGet(newest.filter((id): id is string => id !== undefined));
        const byId = new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r]));
        await Promise.all(
          studentIds.map(async (sid, i) => {
            const id = newest[i];
            if (id === undefined) return;
            let row = byId.get(id);
            if (!row || row.deleted) row = await range(sid).filter((r) => !r.deleted).first();
            if (row) out.set(sid, Math.max(out.get(sid) ?? -Infinity, row.at));
          }),
        );
      }),
    ),
  );
  return out;
}

export interface StudentRecords {
  marks: Mark[];
  notes: Note[];
  conferences: Conference[];
  sessions: GroupSession[];
  goals: Goal[];
  goalChecks: GoalCheck[];
}

export interface TimelineFilter {
  pieceId: string | null;
  objectiveId: string | null;
}

/**
 * The newest `limit` records of each kind for one student that pass the filter, newest first. Reading newest-first
 * with a limit keeps the student page fast however long the year has been.
 */
export async function studentRecords(db: CirculateDb, sid: string, filter: TimelineFilter, limit: number): Promise<StudentRecords> {
  const { pieceId, objectiveId } = filter;
  const range = [[sid, LOW], [sid, HIGH]] as const;
  const piece = (p: string | null) => !pieceId || p === pieceId;
  const [marks, notes, conferences, sessions, goals, goalChecks] = await Promise.all([
    db.marks
      .where('[studentId+at]')
      .between(...range)
      .reverse()
      .filter((m) => !m.deleted && piece(m.pieceId) && (!objectiveId || m.objectiveId === objectiveId))
      .limit(limit)
      .toArray(),
    db.notes
      .where('[studentId+at]')
      .between(...range)
      .reverse()
      // An empty note (opened, nothing written, photographed or recorded) is not part of the record.
      .filter((n) => !n.deleted && piece(n.pieceId) && (!objectiveId || n.objectiveIds.includes(objectiveId)) && !isEmptyNote(n))
      .limit(limit)
      .toArray(),
    db.conferences
      .where('[studentId+at]')
      .between(...range)
      .reverse()
      .filter((c) => !c.deleted && piece(c.pieceId) && (!objectiveId || c.objectiveId === objectiveId))
      .limit(limit)
      .toArray(),
    db.students.get(sid).then((student) =>
      student
        ? db.groupSessions
            .where('[classId+at]')
            .between([student.classId, LOW], [student.classId, HIGH])
            .reverse()
            .filter((g) => !g.deleted && g.attendeeIds.includes(sid) && !pieceId && (!objectiveId || g.focusObjectiveId === objectiveId))
            .limit(limit)
            .toArray()
        : [],
    ),
    pieceId || objectiveId ? Promise.resolve([]) : db.goals.where('studentId').equals(sid).filter((g) => !g.deleted).toArray(),
    pieceId || objectiveId ? Promise.resolve([]) : db.goalChecks.where('studentId').equals(sid).filter((g) => !g.deleted).toArray(),
  ]);
  return { marks, notes, conferences, sessions, goals, goalChecks };
}

/** One student's taps since a time (the current piece's span), for the needs still open. */
export async function studentMarksSince(db: CirculateDb, studentId: string, since: number): Promise<Mark[]> {
  const rows = await db.marks.where('[studentId+at]').between([studentId, since], [studentId, HIGH]).toArray();
  return rows.filter((m) => !m.deleted);
}
