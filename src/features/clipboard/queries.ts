// The clipboard's reads. Each uses an index ([pieceId+at], [studentId+at], classId...) so it stays fast with a
// school year of taps and notes; deleted rows (tombstones, undone taps) are filtered out.
import type { CirculateDb } from '../../db/schema';
import type { Conference, Goal, GoalCheck, GroupSession, Mark, Note, Objective, Piece, Student } from '../../db/types';
import { sortStudents } from '../../db/hooks';
import { cellKey, latestMarks, parseTapId, type MarkLike } from '../../domain/marks';

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

/**
 * The rows for `wanted` tap ids (undefined where missing), where `ids` is the piece's [pieceId+at] index in order.
 * A cell's latest tap is nearly always in the piece's last days, so the newest of them come in one range read (one
 * request) when that range holds at most three rows per wanted tap; older stragglers are read one by one.
 */
async function readTaps(db: CirculateDb, pieceId: string, ids: readonly string[], wanted: readonly string[]): Promise<(Mark | undefined)[]> {
  const want = new Set(wanted);
  const positions: number[] = [];
  ids.forEach((id, i) => want.has(id) && positions.push(i));
  positions.reverse();
  let cut = -1;
  positions.forEach((p, k) => {
    if (ids.length - p <= 3 * (k + 1)) cut = k;
  });
  const byId = new Map<string, Mark>();
  const from = cut >= 0 ? parseTapId(ids[positions[cut]!]!) : null;
  if (from) for (const r of await db.marks.where('[pieceId+at]').between([pieceId, from.at], [pieceId, HIGH]).toArray()) byId.set(r.id, r);
  const rest = wanted.filter((id) => !byId.has(id));
  if (rest.length) (await db.marks.bulkGet(rest)).forEach((r) => r && byId.set(r.id, r));
  return wanted.map((id) => byId.get(id));
}

/**
 * The grid's state: the latest live tap per cell of a piece. It reads only the index's primary keys (a tap's id
 * carries its student, objective, value and time; see tapId), then whole rows only for the cells' latest taps, to
 * learn whether any was undone (a tombstone), stepping back past undone taps. Ids of another form are read in full.
 */
export async function pieceLatest(db: CirculateDb, pieceId: string): Promise<Map<string, MarkLike>> {
  return db.transaction('r', db.marks, async () => {
    const ids = (await db.marks.where('[pieceId+at]').between([pieceId, LOW], [pieceId, HIGH]).primaryKeys()) as string[];
    const taps: MarkLike[] = [];
    const other: string[] = [];
    for (const id of ids) {
      const t = parseTapId(id);
      if (t) taps.push(t);
      else other.push(id);
    }
    if (other.length) for (const r of await db.marks.bulkGet(other)) if (r && !r.deleted) taps.push(r);
    const byCell = new Map<string, MarkLike[]>();
    for (const t of taps) {
      const k = cellKey(t.studentId, t.objectiveId);
      const list = byCell.get(k);
      if (list) list.push(t);
      else byCell.set(k, [t]);
    }
    const latest = latestMarks(taps);
    const checked = new Set<string>(other);
    const dead = new Set<string>();
    let unchecked = [...latest.values()].map((m) => m.id!).filter((id) => !checked.has(id));
    // Only a cell whose latest tap was undone is worked out again, from that cell's own taps.
    while (unchecked.length) {
      const rows = await readTaps(db, pieceId, ids, unchecked);
      const redo: string[] = [];
      rows.forEach((r, i) => {
        const id = unchecked[i]!;
        checked.add(id);
        if (!r || r.deleted) {
          dead.add(id);
          const t = parseTapId(id);
          if (t) redo.push(cellKey(t.studentId, t.objectiveId));
        }
      });
      for (const k of redo) {
        const next = latestMarks(byCell.get(k)!.filter((t) => !dead.has(t.id!))).get(k);
        if (next) latest.set(k, next);
        else latest.delete(k);
      }
      unchecked = redo.map((k) => latest.get(k)?.id).filter((id): id is string => id !== undefined && !checked.has(id));
    }
    return latest;
  });
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
      // An empty note (opened, never written) is not part of the record.
      .filter((n) => !n.deleted && piece(n.pieceId) && (!objectiveId || n.objectiveIds.includes(objectiveId)) && (n.text.trim() !== '' || n.photoId !== null))
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
