// What prints from the growth feature: a writer's one-page growth report for a parent conference (every trait's
// evidence, the current goal, recent conference points, cut to fit one page) and the goal cards for students' desks.
import { currentGoal, type GoalLike } from './conferences';
import { heatmap, levelKey, studentSeries, traitsIn, type Evidence, type Level, type Trend } from './growth';
import type { LibraryGoalLike } from './goalLibrary';
import { displayName } from './names';

/** What one page holds: beyond these the page would spill onto a second sheet. */
export const GROWTH_PAGE_LIMITS = { traits: 8, conferences: 3, text: 160, goalText: 140 } as const;

const SELF_CHECK: Record<string, string> = { 'not-yet': 'Not yet', starting: 'Starting to', yes: 'Yes, I can' };

/** A text cut to `max` characters at a word, with an ellipsis, so a long jot cannot push the page over. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

interface StudentLike {
  id: string;
  firstName: string;
  lastName: string;
}

interface PageGoal extends GoalLike {
  studentId: string;
  text: string;
  trait?: string | null;
  strategy?: string | null;
  libraryId?: string | null;
}

interface PageCheck {
  goalId: string;
  value: string;
  at: number;
  deleted: boolean;
}

interface PageConference {
  studentId: string;
  at: number;
  kind: string;
  trait: string;
  strengths: string;
  nextStep: string;
  deleted: boolean;
}

export interface GrowthPageTrait {
  trait: string;
  series: Evidence[];
  latest: Level;
  trend: Trend;
}

export interface GrowthPage {
  studentId: string;
  name: string;
  traits: GrowthPageTrait[];
  /** Traits with evidence that did not fit on the page. */
  moreTraits: number;
  goal: { text: string; trait: string | null; strategy: string | null; selfCheck: string | null } | null;
  conferences: { at: number; trait: string; strengths: string; nextStep: string }[];
  span: { from: number; to: number };
}

export interface GrowthPageInput {
  student: StudentLike;
  evidence: readonly Evidence[];
  traitOrder: readonly string[];
  goals: readonly PageGoal[];
  checks: readonly PageCheck[];
  conferences: readonly PageConference[];
  now: number;
}

export function buildGrowthPage({ student, evidence, traitOrder, goals, checks, conferences, now }: GrowthPageInput): GrowthPage {
  const mine = evidence.filter((e) => e.studentId === student.id);
  const series = studentSeries(mine, student.id);
  const cells = heatmap(mine, now);
  const all = traitsIn(mine, traitOrder);
  const traits = all.slice(0, GROWTH_PAGE_LIMITS.traits).map((trait) => {
    const cell = cells.get(levelKey(student.id, trait))!;
    return { trait, series: series.get(trait) ?? [], latest: cell.latest.level, trend: cell.trend };
  });
  const goal = currentGoal(goals.filter((g) => g.studentId === student.id));
  const lastCheck = goal ? checks.filter((c) => !c.deleted && c.goalId === goal.id).sort((a, b) => b.at - a.at)[0] : undefined;
  const talks = conferences
    .filter((c) => !c.deleted && c.studentId === student.id && c.kind === 'teacher' && (c.strengths.trim() || c.nextStep.trim()))
    .sort((a, b) => b.at - a.at)
    .slice(0, GROWTH_PAGE_LIMITS.conferences)
    .map((c) => ({ at: c.at, trait: c.trait, strengths: clip(c.strengths, GROWTH_PAGE_LIMITS.text), nextStep: clip(c.nextStep, GROWTH_PAGE_LIMITS.text) }));
  const from = Math.min(now - 30 * 86_400_000, ...mine.map((e) => e.at));
  return {
    studentId: student.id,
    name: displayName(student),
    traits,
    moreTraits: all.length - traits.length,
    goal: goal
      ? { text: clip(goal.text, GROWTH_PAGE_LIMITS.goalText), trait: goal.trait ?? null, strategy: goal.strategy ? clip(goal.strategy, GROWTH_PAGE_LIMITS.text) : null, selfCheck: lastCheck ? (SELF_CHECK[lastCheck.value] ?? null) : null }
      : null,
    conferences: talks,
    span: { from, to: now },
  };
}

export interface GoalCard {
  studentId: string;
  name: string;
  goal: string;
  trait: string | null;
  strategy: string | null;
  /** A question the student can ask themself, from the library goal the goal was picked from. */
  prompt: string | null;
}

/** One card per student with a current goal, in the students' order: the goal, its trait, strategy and a prompt. */
export function buildGoalCards(students: readonly StudentLike[], goals: readonly PageGoal[], library: ReadonlyMap<string, readonly LibraryGoalLike[]>): GoalCard[] {
  const byId = new Map([...library.values()].flat().map((g) => [g.id, g]));
  const out: GoalCard[] = [];
  for (const s of students) {
    const goal = currentGoal(goals.filter((g) => g.studentId === s.id));
    if (!goal) continue;
    const lib = goal.libraryId ? byId.get(goal.libraryId) : undefined;
    out.push({
      studentId: s.id,
      name: displayName(s),
      goal: clip(goal.text, GROWTH_PAGE_LIMITS.goalText),
      trait: goal.trait ?? lib?.trait ?? null,
      strategy: goal.strategy ? clip(goal.strategy, GROWTH_PAGE_LIMITS.text) : null,
      prompt: lib?.prompts[0] ?? null,
    });
  }
  return out;
}
