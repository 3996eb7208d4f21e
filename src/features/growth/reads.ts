// The growth feature's reads: the class heatmap from each writer's timeline (one row per writer), and one writer's
// growth view from the checklist's cells (one row per piece and objective, never the year's taps) and ratings.
import { db } from '../../db/db';
import { sortStudents } from '../../db/hooks';
import { useLiveQueryFor } from '../../db/live';
import { classTimelines } from '../../db/growthReads';
import { collectEvidence, levelNames, traitOf, traitsIn, type Evidence, type TeachNext } from '../../domain/growth';
import { classView, type HeatLevel, type WriterTimeline } from '../../domain/growthTimeline';
import { OBJECTIVE_LIBRARY } from '../../domain/objectiveLibrary';
import type { Conference, Goal, GoalCheck, Note, Objective, Piece, Student } from '../../shared/records';

/** The traits in the objective library's order (the 6+1 traits, then the unit strands): the heatmap's columns. */
export const TRAIT_ORDER: readonly string[] = [...new Set(OBJECTIVE_LIBRARY.flatMap((s) => s.objectives.map((o) => o.trait)))];

export const LEVEL_NAMES_SETTING = 'levelNames';

export async function readLevelNames(): Promise<string[]> {
  const row = await db.settings.get(LEVEL_NAMES_SETTING);
  return levelNames(row && !row.deleted ? row.value : null);
}

interface Lookups {
  objectives: Map<string, Objective>;
  pieces: Map<string, Piece>;
  objectiveTrait: Map<string, string>;
}

async function classLookups(classId: string): Promise<Lookups> {
  const [objs, pieces] = await Promise.all([db.objectives.where('classId').equals(classId).toArray(), db.pieces.where('classId').equals(classId).toArray()]);
  const live = objs.filter((o) => !o.deleted);
  return {
    objectives: new Map(live.map((o) => [o.id, o])),
    pieces: new Map(pieces.filter((p) => !p.deleted).map((p) => [p.id, p])),
    objectiveTrait: new Map(live.map((o) => [o.id, traitOf(o)])),
  };
}

export interface ClassGrowth {
  students: Student[];
  traits: string[];
  /** The listed writers' timelines, in the class's order: the weekly trend counts them. */
  timelines: WriterTimeline[];
  cells: Map<string, HeatLevel>;
  next: TeachNext | null;
  levelNames: string[];
}

/** The class at a glance, from one small row per writer (src/db/growth.ts) rather than the class's every cell and
 * rating; a cell's evidence is read when the teacher taps it (readStudentGrowth). Only the listed writers count. */
export async function readClassGrowth(classId: string, now: number): Promise<ClassGrowth> {
  const [studentRows, rows, names] = await Promise.all([db.students.where('classId').equals(classId).toArray(), classTimelines(classId), readLevelNames()]);
  const students = sortStudents(studentRows.filter((s) => !s.deleted && !s.archived));
  const byStudent = new Map(rows.map((r) => [r.studentId, r]));
  const timelines = students.flatMap((s) => {
    const timeline = byStudent.get(s.id);
    return timeline ? [{ studentId: s.id, timeline }] : [];
  });
  const view = classView(timelines, now, TRAIT_ORDER);
  return { students, traits: view.traits, timelines, cells: view.cells, next: view.next, levelNames: names };
}

export function useClassGrowth(classId: string, now: number): ClassGrowth | undefined {
  return useLiveQueryFor(classId, () => readClassGrowth(classId, now), [now]);
}

export interface StudentGrowth {
  student: Student | null;
  evidence: Evidence[];
  traits: string[];
  notes: Note[];
  goals: Goal[];
  checks: GoalCheck[];
  conferences: Conference[];
  levelNames: string[];
  lookups: Lookups;
}

export async function readStudentGrowth(classId: string, studentId: string): Promise<StudentGrowth> {
  const range = [[studentId, -Infinity], [studentId, Infinity]] as const;
  const [student, lookups, cells, ratings, notes, goals, checks, conferences, names] = await Promise.all([
    db.students.get(studentId),
    classLookups(classId),
    db.cells.where('studentId').equals(studentId).toArray(),
    db.ratings.where('[studentId+at]').between(...range).toArray(),
    db.notes.where('[studentId+at]').between(...range).toArray(),
    db.goals.where('studentId').equals(studentId).toArray(),
    db.goalChecks.where('studentId').equals(studentId).toArray(),
    db.conferences.where('[studentId+at]').between(...range).toArray(),
    readLevelNames(),
  ]);
  const evidence = collectEvidence(cells, ratings, lookups.objectiveTrait);
  return {
    student: student && !student.deleted && student.classId === classId ? student : null,
    evidence,
    traits: traitsIn(evidence, TRAIT_ORDER),
    notes: notes.filter((n) => !n.deleted),
    goals: goals.filter((g) => !g.deleted).sort((a, b) => a.setAt - b.setAt),
    checks: checks.filter((c) => !c.deleted).sort((a, b) => a.at - b.at),
    conferences: conferences.filter((c) => !c.deleted),
    levelNames: names,
    lookups,
  };
}

export function useStudentGrowth(classId: string, studentId: string): StudentGrowth | undefined {
  return useLiveQueryFor(`${classId}|${studentId}`, () => readStudentGrowth(classId, studentId), []);
}

/** The notes behind a piece of evidence: for a checklist mark, the writer's notes on that piece naming an objective
 * of the trait; for a rating, notes naming the trait written that day. Newest first. */
export function evidenceNotes(e: Evidence, notes: readonly Note[], objectiveTrait: ReadonlyMap<string, string>): Note[] {
  const day = new Date(e.at).toDateString();
  return notes
    .filter((n) => {
      if (!n.objectiveIds.some((o) => objectiveTrait.get(o) === e.trait)) return false;
      return e.kind === 'mark' ? n.pieceId === e.pieceId : new Date(n.at).toDateString() === day;
    })
    .sort((a, b) => b.at - a.at);
}
