// Conference writes, all through the write path: starting and finishing a conference, goals and self-evaluations,
// the starter library and the day's reflection.
import { db } from '../../db/db';
import { create, remove, transact, update } from '../../db/write';
import type { ConferenceKind, SelfEvaluation, StarterStep } from '../../shared/records';
import { localDate } from '../../domain/conferences';
import { currentPiece } from '../../domain/pieces';
import { moveInOrder, SEED_STARTERS } from '../../domain/starters';

/** A conference opened again within this long, with nothing written yet, is the same conference (a double tap). */
const REUSE_MS = 15 * 60_000;

/**
 * Starts a conference with a student (or returns the empty one just started), linked to the piece in progress: the
 * one chosen on the clipboard (`chosenPieceId`) if it is still open, else the newest.
 */
export async function startConference(classId: string, studentId: string, now = Date.now(), chosenPieceId: string | null = null): Promise<string> {
  const recent = await db.conferences
    .where('[studentId+at]')
    .between([studentId, now - REUSE_MS], [studentId, now + 1], true, true)
    .toArray();
  const reusable = recent.find((c) => !c.deleted && !c.strengths && !c.trait && !c.nextStep && c.goalId === null);
  if (reusable) return reusable.id;
  const piece = currentPiece(await db.pieces.where('classId').equals(classId).toArray(), chosenPieceId);
  return create('conferences', {
    classId,
    studentId,
    kind: 'teacher',
    partnerId: null,
    pieceId: piece?.id ?? null,
    objectiveId: piece?.lensObjectiveId ?? null,
    strengths: '',
    trait: '',
    nextStep: '',
    at: now,
    minutes: 0,
    goalId: null,
  });
}

export function setKind(id: string, kind: ConferenceKind): Promise<void> {
  return update('conferences', id, kind === 'teacher' ? { kind, partnerId: null } : { kind });
}

export function setPartner(id: string, partnerId: string | null): Promise<void> {
  return update('conferences', id, { partnerId });
}

/** Linking a different piece drops an objective that belongs to the old one. */
export function setPiece(id: string, pieceId: string | null): Promise<void> {
  return update('conferences', id, { pieceId, objectiveId: null });
}

export function setObjective(id: string, objectiveId: string | null, pieceId?: string | null): Promise<void> {
  return update('conferences', id, pieceId === undefined ? { objectiveId } : { objectiveId, pieceId });
}

export function finishConference(id: string, minutes: number): Promise<void> {
  return update('conferences', id, { minutes: Math.max(0, Math.round(minutes)) });
}

export function discardConference(id: string): Promise<void> {
  return remove('conferences', id);
}

export interface GoalPick {
  trait: string;
  libraryId: string | null;
  strategy: string | null;
}

/** Sets the student's current goal from a conference (typed, or picked from the goal library with its strategy):
 * the previous open goals close, in the same transaction. */
export async function setGoal(conference: { id: string; classId: string; studentId: string }, text: string, now = Date.now(), pick?: GoalPick): Promise<string> {
  const clean = text.trim();
  if (!clean) throw new Error('Type the goal first.');
  return transact(
    async (w) => {
      const goals = await db.goals.where('studentId').equals(conference.studentId).toArray();
      for (const g of goals) if (!g.deleted && g.closedAt === null) await w.update('goals', g.id, { closedAt: now });
      const picked = pick ? { trait: pick.trait, libraryId: pick.libraryId, strategy: pick.strategy } : {};
      const id = await w.create('goals', { classId: conference.classId, studentId: conference.studentId, text: clean, setAt: now, conferenceId: conference.id, closedAt: null, ...picked });
      await w.update('conferences', conference.id, { goalId: id });
      return id;
    },
    ['goals', 'conferences'],
  );
}

export function addSelfEvaluation(goal: { id: string; classId: string; studentId: string }, value: SelfEvaluation, now = Date.now()): Promise<string> {
  return create('goalChecks', { classId: goal.classId, goalId: goal.id, studentId: goal.studentId, value, at: now });
}

/** Seeds the starter library on first use. Fixed ids and create-if-absent: a removed seed stays removed. */
export function ensureStarters(): Promise<number> {
  return transact(
    async (w) => {
      const existing = await db.starters.bulkGet(SEED_STARTERS.map((s) => s.id));
      let made = 0;
      for (const [i, s] of SEED_STARTERS.entries()) {
        if (existing[i]) continue;
        await w.create('starters', { step: s.step, text: s.text, order: s.order }, s.id);
        made++;
      }
      return made;
    },
    ['starters'],
  );
}

export async function addStarter(step: StarterStep, text: string): Promise<string> {
  const clean = text.trim();
  if (!clean) throw new Error('Type the starter first.');
  const same = (await db.starters.toArray()).filter((s) => !s.deleted && s.step === step);
  const order = same.reduce((m, s) => Math.max(m, s.order + 1), 0);
  return create('starters', { step, text: clean, order });
}

/** Moves a starter within its group (already in display order) and renumbers the group in one transaction. */
export function moveStarter(group: readonly { id: string }[], index: number, delta: -1 | 1): Promise<void> {
  const next = moveInOrder(group, index, delta);
  return transact(
    async (w) => {
      for (const { id, order } of next) await w.update('starters', id, { order });
    },
    ['starters'],
  );
}

export function removeStarter(id: string): Promise<void> {
  return remove('starters', id);
}

export function reflectionId(classId: string, date: string): string {
  return `reflection-${classId}-${date}`;
}

/** The day's reflection row, made once: a fixed id per class and day so two devices write into the same one. */
export function ensureReflection(classId: string, now = Date.now()): Promise<string> {
  const date = localDate(now);
  const id = reflectionId(classId, date);
  return transact(
    async (w) => {
      const row = await db.reflections.get(id);
      if (!row) await w.create('reflections', { classId, date, hard: '', wentWell: '' }, id);
      else if (row.deleted) await w.restore('reflections', id);
      return id;
    },
    ['reflections'],
  );
}
