// What goes on a student's one-page summary (strengths, current goal, recent notes, conferences, groups) and on a
// group's half-page card. Built from plain rows so each page holds that student's or group's records and no one else's.

import { displayName } from './names';

interface Live {
  deleted: boolean;
}

export interface SummaryStudent {
  id: string;
  firstName: string;
  lastName: string;
}

export interface SummaryData {
  notes: readonly (Live & { studentId: string; text: string; at: number; private: boolean; photo?: SummaryPhoto | null })[];
  conferences: readonly (Live & { studentId: string; at: number; kind: string; strengths: string; trait: string; nextStep: string })[];
  goals: readonly (Live & { id: string; studentId: string; text: string; setAt: number; closedAt: number | null })[];
  goalChecks: readonly (Live & { goalId: string; studentId: string; value: string; at: number })[];
  groups: readonly (Live & { name: string; kind: string; memberIds: string[]; focusObjectiveId: string | null; dissolved: boolean })[];
  marks: readonly (Live & { studentId: string; objectiveId: string; value: string | null; at: number })[];
  objectives: readonly (Live & { id: string; text: string })[];
}

/** A note's photo as the page needs it (the bytes are found by sha256 on the device). */
export interface SummaryPhoto {
  sha256: string;
  type: string;
  size: number;
  width: number;
  height: number;
}

export interface SummaryOptions {
  includePrivate: boolean;
  maxNotes: number;
  maxConferences: number;
}

export const SUMMARY_DEFAULTS: SummaryOptions = { includePrivate: false, maxNotes: 8, maxConferences: 4 };

export interface StudentSummary {
  studentId: string;
  name: string;
  /** Objectives the latest mark shows as secure, then what recent conferences named as strengths. */
  strengths: string[];
  goal: { text: string; setAt: number; selfCheck: string | null } | null;
  notes: { at: number; text: string; photo: SummaryPhoto | null }[];
  conferences: { at: number; kind: string; strengths: string; trait: string; nextStep: string }[];
  groups: { name: string; kind: string; focus: string | null }[];
}

export const GROUP_KIND_LABEL: Record<string, string> = {
  table: 'Table visit',
  needs: 'Specific-needs group',
  intervention: 'Intervention group',
};

export const SELF_CHECK_LABEL: Record<string, string> = {
  'not-yet': 'Not yet',
  starting: 'Starting to',
  yes: 'Yes, I can',
};

const newestFirst = <T extends { at: number }>(a: T, b: T) => b.at - a.at;

export function buildSummary(student: SummaryStudent, data: SummaryData, opts: SummaryOptions = SUMMARY_DEFAULTS): StudentSummary {
  const mine = <T extends Live & { studentId: string }>(rows: readonly T[]) => rows.filter((r) => !r.deleted && r.studentId === student.id);
  const objectiveText = new Map(data.objectives.filter((o) => !o.deleted).map((o) => [o.id, o.text]));

  // The latest mark per objective decides: an X after a check means the skill slipped.
  const latest = new Map<string, { value: string | null; at: number }>();
  for (const m of mine(data.marks)) {
    const prev = latest.get(m.objectiveId);
    if (!prev || m.at >= prev.at) latest.set(m.objectiveId, { value: m.value, at: m.at });
  }
  const secure = [...latest.entries()].filter(([id, m]) => m.value === 'check' && objectiveText.has(id)).map(([id]) => objectiveText.get(id) ?? '');

  const conferences = mine(data.conferences).sort(newestFirst);
  const conferenceStrengths = conferences.map((c) => c.strengths.trim()).filter(Boolean).slice(0, 3);

  const goal = mine(data.goals)
    .filter((g) => g.closedAt === null)
    .sort((a, b) => b.setAt - a.setAt)[0];
  const check = goal ? mine(data.goalChecks).filter((c) => c.goalId === goal.id).sort(newestFirst)[0] : undefined;

  return {
    studentId: student.id,
    name: displayName(student),
    strengths: [...secure, ...conferenceStrengths],
    goal: goal ? { text: goal.text, setAt: goal.setAt, selfCheck: check ? (SELF_CHECK_LABEL[check.value] ?? check.value) : null } : null,
    notes: mine(data.notes)
      .filter((n) => (n.text.trim() !== '' || !!n.photo) && (opts.includePrivate || !n.private))
      .sort(newestFirst)
      .slice(0, opts.maxNotes)
      .map((n) => ({ at: n.at, text: n.text, photo: n.photo ?? null })),
    conferences: conferences.slice(0, opts.maxConferences).map((c) => ({ at: c.at, kind: c.kind, strengths: c.strengths, trait: c.trait, nextStep: c.nextStep })),
    groups: data.groups
      .filter((g) => !g.deleted && !g.dissolved && g.memberIds.includes(student.id))
      .map((g) => ({ name: g.name, kind: GROUP_KIND_LABEL[g.kind] ?? g.kind, focus: g.focusObjectiveId ? (objectiveText.get(g.focusObjectiveId) ?? null) : null })),
  };
}

export interface GroupCard {
  groupId: string;
  name: string;
  kind: string;
  members: string[];
  focus: string | null;
  teachingPoint: string;
  minutes: number;
}

export function buildGroupCard(
  group: { id: string; name: string; kind: string; memberIds: string[]; focusObjectiveId: string | null; teachingPoint: string; plannedMinutes: number },
  students: readonly (SummaryStudent & Live)[],
  objectives: SummaryData['objectives'],
): GroupCard {
  const byId = new Map(students.filter((s) => !s.deleted).map((s) => [s.id, s]));
  const focus = group.focusObjectiveId ? objectives.find((o) => o.id === group.focusObjectiveId && !o.deleted)?.text ?? null : null;
  return {
    groupId: group.id,
    name: group.name,
    kind: GROUP_KIND_LABEL[group.kind] ?? group.kind,
    members: group.memberIds.flatMap((id) => {
      const s = byId.get(id);
      return s ? [displayName(s)] : [];
    }),
    focus,
    teachingPoint: group.teachingPoint,
    minutes: group.plannedMinutes,
  };
}

/** Splits a list into pages of `per` (two half-page group cards to a sheet). */
export function chunk<T>(list: readonly T[], per: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += Math.max(1, per)) out.push(list.slice(i, i + Math.max(1, per)));
  return out;
}
