// Turns the stored class (groups, locks, marks, sessions) into the plain input of the suggestion function.
import type { GroupingInput, LockedGroup } from '../../domain/grouping';
import { DAY_MS, pullCounts } from '../../domain/pulls';
import type { GroupsData } from './reads';

/** "Students pulled least in the last two weeks come first." */
export const PULL_WINDOW_MS = 14 * DAY_MS;

/**
 * Intervention groups are ongoing: they are kept whole and take nobody new. Other groups keep only their locked
 * students and may be filled up again.
 */
export function lockedGroups(data: GroupsData): LockedGroup[] {
  const out: LockedGroup[] = [];
  for (const g of data.groups) {
    if (g.kind === 'intervention') out.push({ id: g.id, focusObjectiveId: g.focusObjectiveId, memberIds: g.memberIds, maxSize: g.memberIds.length });
    else if (g.lockedIds.length > 0) out.push({ id: g.id, focusObjectiveId: g.focusObjectiveId, memberIds: g.lockedIds });
  }
  return out;
}

export function groupingInput(data: GroupsData, now: number): GroupingInput {
  return {
    students: data.students.map((s, order) => ({ id: s.id, order })),
    objectives: data.objectives.map((o) => ({ id: o.id, order: o.order })),
    needs: Object.fromEntries(data.needs),
    lensObjectiveId: data.piece?.lensObjectiveId ?? null,
    keepApart: data.keepApart.map((k) => [k.studentA, k.studentB] as const),
    locked: lockedGroups(data),
    pulls: pullCounts(data.sessions, now - PULL_WINDOW_MS),
  };
}
