// The student page's live data: the student, names for pieces, objectives and groups, the needs still open on the
// current piece, and the filtered timeline.
import { db } from '../../db/db';
import { useLiveQueryFor } from '../../db/live';
import type { CirculateDb } from '../../db/schema';
import type { Group, Objective, Piece, Student } from '../../shared/records';
import { openNeeds } from '../../domain/marks';
import { currentPiece } from '../../domain/pieces';
import { useChosenPieces } from '../../session/chosenPiece';
import { classObjectives, classPieces, lastSeen, studentMarksSince, studentRecords, type TimelineFilter } from './reads';
import { buildTimeline, type TimelineItem } from './timeline';

export interface Lookups {
  pieces: Map<string, Piece>;
  objectives: Map<string, Objective>;
  groups: Map<string, Group>;
  pieceList: Piece[];
}

export interface StudentRecord {
  student: Student | null;
  lookups: Lookups;
  seenAt: number | null;
  /** The class's current piece, and the objectives this student still needs on it (X with no check since). */
  piece: Piece | null;
  needs: string[];
}

const EMPTY: Lookups = { pieces: new Map(), objectives: new Map(), groups: new Map(), pieceList: [] };

/** The record, without the timeline; `chosen` is the piece chosen on this device per class. */
async function readRecord(db: CirculateDb, studentId: string, chosen: Record<string, string>): Promise<StudentRecord> {
  const student = (await db.students.get(studentId)) ?? null;
  if (!student || student.deleted) return { student: null, lookups: EMPTY, seenAt: null, piece: null, needs: [] };
  const [pieceList, objectives, groups, seen] = await Promise.all([
    classPieces(db, student.classId, true),
    classObjectives(db, student.classId),
    db.groups.where('classId').equals(student.classId).toArray(),
    lastSeen(db, [student.id]),
  ]);
  const piece = currentPiece(pieceList, chosen[student.classId]);
  const since = piece ? new Date(`${piece.startDate}T00:00:00`).getTime() : NaN;
  const marks = piece && !Number.isNaN(since) ? (await studentMarksSince(db, student.id, since)).filter((m) => m.pieceId === piece.id) : [];
  return {
    student,
    lookups: {
      pieceList,
      pieces: new Map(pieceList.map((p) => [p.id, p])),
      objectives: new Map(objectives.map((o) => [o.id, o])),
      groups: new Map(groups.map((g) => [g.id, g])),
    },
    seenAt: seen.get(student.id) ?? null,
    piece,
    needs: openNeeds(marks).get(student.id) ?? [],
  };
}

export interface Timeline {
  items: TimelineItem[];
  more: boolean;
}

/**
 * The whole page in one live query: the record and the filtered timeline are read side by side (the timeline needs
 * only the student id), and the page draws once when both are in rather than section by section.
 */
export function useStudentPage(studentId: string, filter: TimelineFilter, limit: number): (StudentRecord & { timeline: Timeline }) | undefined {
  const chosen = useChosenPieces((s) => s.pieceByClass);
  return useLiveQueryFor(studentId, async () => {
    const [record, records] = await Promise.all([readRecord(db, studentId, chosen), studentRecords(db, studentId, filter, limit + 1)]);
    return { ...record, timeline: buildTimeline(records, limit) };
  }, [db, chosen, filter.pieceId, filter.objectiveId, limit]);
}
