// A report-card comment drafted from the evidence of a date range: dated strengths, skills shown on the checklist,
// observations, goals met and next steps, each sentence citing the records it came from. Only records that exist, are
// not deleted, fall in the range and are not private are cited: a draft goes home to parents, and it syncs.

export type EvidenceKind = 'conferences' | 'notes' | 'goals' | 'goalChecks' | 'marks';

export interface Evidence {
  kind: EvidenceKind;
  id: string;
  at: number;
}

export interface DraftSentence {
  text: string;
  evidence: Evidence[];
}

interface Row {
  id: string;
  deleted: boolean;
}

export interface DraftInput {
  firstName: string;
  /** Inclusive range in ms. */
  from: number;
  to: number;
  conferences: readonly (Row & { at: number; strengths: string; nextStep: string })[];
  notes: readonly (Row & { at: number; text: string; private: boolean })[];
  goals: readonly (Row & { text: string; setAt: number; closedAt: number | null })[];
  goalChecks: readonly (Row & { goalId: string; value: string; at: number })[];
  marks: readonly (Row & { at: number; objectiveId: string; value: string | null })[];
  objectiveText: (objectiveId: string) => string | undefined;
}

export const DRAFT_LIMITS = { strengths: 3, skills: 4, observations: 2 } as const;

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long' });
const day = (ms: number) => dayFormat.format(ms);

/** A teacher's jotted phrase as the body of a sentence: trimmed, one line, without its own closing stop. */
function phrase(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim().replace(/[.!?;,:]+$/, '');
  return one.charAt(0).toLowerCase() + one.slice(1);
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const newestFirst = <T extends { at: number }>(rows: readonly T[]) => [...rows].sort((a, b) => b.at - a.at);

export function draftSentences(input: DraftInput): DraftSentence[] {
  const { firstName: name, from, to } = input;
  const inRange = (at: number) => at >= from && at <= to;
  const live = <T extends Row>(rows: readonly T[]) => rows.filter((r) => !r.deleted);
  const out: DraftSentence[] = [];
  const conferences = newestFirst(live(input.conferences).filter((c) => inRange(c.at)));

  for (const c of conferences.filter((c) => c.strengths.trim()).slice(0, DRAFT_LIMITS.strengths).reverse()) {
    out.push({ text: `On ${day(c.at)}, ${name} showed a strength: ${phrase(c.strengths)}.`, evidence: [{ kind: 'conferences', id: c.id, at: c.at }] });
  }

  // A skill counts as shown when its latest mark in the range is a check.
  const latest = new Map<string, DraftInput['marks'][number]>();
  for (const m of live(input.marks)) {
    if (!inRange(m.at)) continue;
    const seen = latest.get(m.objectiveId);
    if (!seen || m.at > seen.at) latest.set(m.objectiveId, m);
  }
  const skills = newestFirst([...latest.values()].filter((m) => m.value === 'check' && input.objectiveText(m.objectiveId)?.trim())).slice(0, DRAFT_LIMITS.skills);
  if (skills.length > 0) {
    const list = skills.map((m) => phrase(input.objectiveText(m.objectiveId)!));
    const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join('; ')} and ${list.at(-1)}`;
    out.push({ text: `${name} has shown these skills in class: ${joined}.`, evidence: skills.map((m) => ({ kind: 'marks', id: m.id, at: m.at })) });
  }

  const notes = newestFirst(live(input.notes).filter((n) => !n.private && n.text.trim() && inRange(n.at))).slice(0, DRAFT_LIMITS.observations).reverse();
  for (const n of notes) out.push({ text: `Observed on ${day(n.at)}: ${phrase(n.text)}.`, evidence: [{ kind: 'notes', id: n.id, at: n.at }] });

  const goals = new Map(live(input.goals).filter((g) => g.text.trim()).map((g) => [g.id, g]));
  const met = new Set<string>();
  for (const check of newestFirst(live(input.goalChecks)).filter((k) => k.value === 'yes' && inRange(k.at))) {
    const g = goals.get(check.goalId);
    if (!g || met.has(g.id)) continue;
    met.add(g.id);
    out.push({ text: `${name} met the goal "${phrase(g.text)}" (${day(check.at)}).`, evidence: [{ kind: 'goals', id: g.id, at: g.setAt }, { kind: 'goalChecks', id: check.id, at: check.at }] });
  }

  const next = conferences.find((c) => c.nextStep.trim());
  if (next) out.push({ text: `Next step: ${phrase(next.nextStep)}.`, evidence: [{ kind: 'conferences', id: next.id, at: next.at }] });
  const current = [...goals.values()].filter((g) => g.closedAt === null && !met.has(g.id) && g.setAt <= to).sort((a, b) => b.setAt - a.setAt)[0];
  if (current) out.push({ text: `${name} is now working toward this goal: ${phrase(current.text)}.`, evidence: [{ kind: 'goals', id: current.id, at: current.setAt }] });

  return out.map((s) => ({ ...s, text: sentence(s.text) }));
}

/** The sentences as one paragraph, the draft the teacher starts editing from. */
export function draftText(sentences: readonly DraftSentence[]): string {
  return sentences.map((s) => s.text).join(' ');
}
