// A student's evidence for report-comment drafts, and their drafts. Another teacher's private note is dropped here,
// before the draft builder (which also leaves out every private note) ever sees it.
import { db } from '../../db/db';
import { useLiveQueryFor } from '../../db/live';
import { currentAuthor } from '../../db/write';
import { draftSentences, type DraftSentence } from '../../domain/reportDraft';
import type { Conference, Goal, GoalCheck, Mark, Note, Objective, ReportDraft, Student } from '../../shared/records';
import { isOthersPrivateNote } from './searchDocs';

export interface DraftEvidenceData {
  student: Student;
  conferences: Conference[];
  notes: Note[];
  goals: Goal[];
  goalChecks: GoalCheck[];
  marks: Mark[];
  objectives: Map<string, Objective>;
}

export async function readDraftEvidence(studentId: string, me = currentAuthor()): Promise<DraftEvidenceData | null> {
  const student = await db.students.get(studentId);
  if (!student || student.deleted) return null;
  const range = [[studentId, -Infinity], [studentId, Infinity]] as const;
  const [conferences, notes, goals, goalChecks, marks, objectives] = await Promise.all([
    db.conferences.where('[studentId+at]').between(...range).toArray(),
    db.notes.where('[studentId+at]').between(...range).toArray(),
    db.goals.where('studentId').equals(studentId).toArray(),
    db.goalChecks.where('studentId').equals(studentId).toArray(),
    db.marks.where('[studentId+at]').between(...range).toArray(),
    db.objectives.where('classId').equals(student.classId).toArray(),
  ]);
  return {
    student,
    conferences,
    notes: notes.filter((n) => !isOthersPrivateNote(n, me)),
    goals,
    goalChecks,
    marks,
    objectives: new Map(objectives.filter((o) => !o.deleted).map((o) => [o.id, o])),
  };
}

const dayMs = (date: string, end: boolean) => new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`).getTime();

export function sentencesFor(data: DraftEvidenceData, from: string, to: string): DraftSentence[] {
  return draftSentences({
    firstName: data.student.firstName || data.student.lastName,
    from: dayMs(from, false),
    to: dayMs(to, true),
    conferences: data.conferences,
    notes: data.notes,
    goals: data.goals,
    goalChecks: data.goalChecks,
    marks: data.marks,
    objectiveText: (id) => data.objectives.get(id)?.text,
  });
}

/**
 * The indexes of a draft's sentences no longer backed by their evidence: a record since deleted, or a note made
 * private (by this teacher, or withdrawn by its author on another tablet, which removes it here). Their words may be
 * a private note's, so the draft must stop citing them.
 */
export function useUnbackedSentences(draft: ReportDraft): ReadonlySet<number> | undefined {
  return useLiveQueryFor(
    draft.id,
    async () => {
      const gone = new Set<number>();
      await Promise.all(
        draft.sentences.map(async (s, i) => {
          const rows = await Promise.all(s.evidence.map((e) => db.table<{ deleted: boolean; private?: boolean }, string>(e.kind).get(e.id)));
          if (rows.some((r, k) => !r || r.deleted || (s.evidence[k]!.kind === 'notes' && r.private === true))) gone.add(i);
        }),
      );
      return gone;
    },
    [draft.sentences],
  );
}

export function useStudentDrafts(studentId: string): ReportDraft[] | undefined {
  return useLiveQueryFor(studentId, async () => {
    const rows = await db.reportDrafts.where('studentId').equals(studentId).toArray();
    return rows.filter((d) => !d.deleted).sort((a, b) => b.createdAt - a.createdAt);
  }, []);
}

export function useStudentForDraft(studentId: string): Student | null | undefined {
  return useLiveQueryFor(studentId, async () => {
    const s = await db.students.get(studentId);
    return s && !s.deleted ? s : null;
  }, []);
}
