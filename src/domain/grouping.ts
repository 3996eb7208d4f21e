// Suggested guided-writing groups from the checklist's open needs: students sharing an X on one objective form a group
// of 2-6, a larger set is split into balanced groups, a student left alone with a need is suggested for a conference.

export const MIN_GROUP = 2;
export const MAX_GROUP = 6;

export interface GroupingStudent {
  id: string;
  /** Roster position: the last tie-break after pulls, so the output does not depend on the input's array order. */
  order: number;
}

export interface GroupingObjective {
  id: string;
  order: number;
}

/** Students the teacher locked into an existing group: they stay there, and others may join up to maxSize. */
export interface LockedGroup {
  id: string;
  focusObjectiveId: string | null;
  memberIds: readonly string[];
  /** Default MAX_GROUP; an intervention group passes 4. Never below the number of locked members. */
  maxSize?: number;
}

export interface GroupingInput {
  students: readonly GroupingStudent[];
  objectives: readonly GroupingObjective[];
  /** Each student's open needs (an X without a later check), by objective id. */
  needs: Readonly<Record<string, readonly string[]>>;
  lensObjectiveId: string | null;
  keepApart: readonly (readonly [string, string])[];
  locked: readonly LockedGroup[];
  /** How often each student was pulled into a group in the last two weeks. */
  pulls: Readonly<Record<string, number>>;
}

export interface SuggestedGroup {
  objectiveId: string | null;
  /** Least pulled first. */
  memberIds: string[];
  /** The existing group this suggestion keeps, when it holds locked students. */
  lockedGroupId: string | null;
}

export interface ConferenceSuggestion {
  studentId: string;
  objectiveId: string;
}

export interface GroupingResult {
  groups: SuggestedGroup[];
  conferences: ConferenceSuggestion[];
  /** Everyone in no group, in roster order (conference suggestions included: they keep writing until conferred). */
  independent: string[];
}

interface Bucket {
  objectiveId: string | null;
  lockedGroupId: string | null;
  members: string[];
  cap: number;
  target: number;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Balanced sizes for `total` students in `k` groups, largest first. */
export function balancedSizes(total: number, k: number): number[] {
  if (k <= 0) return [];
  const base = Math.floor(total / k);
  const extra = total % k;
  return Array.from({ length: k }, (_, i) => base + (i < extra ? 1 : 0));
}

export function suggestGroups(input: GroupingInput): GroupingResult {
  const students = [...input.students].sort((a, b) => a.order - b.order || byString(a.id, b.id));
  const rosterIndex = new Map(students.map((s, i) => [s.id, i]));
  const known = (id: string) => rosterIndex.has(id);
  const pulls = (id: string) => input.pulls[id] ?? 0;
  // Least pulled first; roster order among equals.
  const byPriority = (a: string, b: string) => pulls(a) - pulls(b) || (rosterIndex.get(a) ?? 0) - (rosterIndex.get(b) ?? 0) || byString(a, b);

  const objectiveIds = new Set(input.objectives.map((o) => o.id));
  const needs = new Map<string, string[]>();
  const needCount = new Map<string, number>();
  for (const s of students) {
    const list = [...new Set(input.needs[s.id] ?? [])].filter((o) => objectiveIds.has(o));
    needs.set(s.id, list);
    for (const o of list) needCount.set(o, (needCount.get(o) ?? 0) + 1);
  }
  const objectiveOrder = new Map(input.objectives.map((o) => [o.id, o.order]));
  // The lens first, then the need most of the class shares.
  const ranked = [...objectiveIds]
    .filter((o) => (needCount.get(o) ?? 0) > 0)
    .sort(
      (a, b) =>
        Number(b === input.lensObjectiveId) - Number(a === input.lensObjectiveId) ||
        (needCount.get(b) ?? 0) - (needCount.get(a) ?? 0) ||
        (objectiveOrder.get(a) ?? 0) - (objectiveOrder.get(b) ?? 0) ||
        byString(a, b),
    );
  const rank = new Map(ranked.map((o, i) => [o, i]));
  const needsRanked = (id: string) => [...(needs.get(id) ?? [])].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));

  const apart = new Map<string, Set<string>>();
  for (const [a, b] of input.keepApart) {
    if (a === b) continue;
    apart.set(a, (apart.get(a) ?? new Set()).add(b));
    apart.set(b, (apart.get(b) ?? new Set()).add(a));
  }
  const fits = (id: string, b: Bucket) => b.members.length < b.cap && !b.members.some((m) => apart.get(id)?.has(m));

  const placed = new Set<string>();
  const lockedBuckets: Bucket[] = [];
  for (const g of [...input.locked].sort((a, b) => byString(a.id, b.id))) {
    const members = [...new Set(g.memberIds)].filter((m) => known(m) && !placed.has(m));
    if (members.length === 0) continue;
    members.forEach((m) => placed.add(m));
    const focus = g.focusObjectiveId !== null && objectiveIds.has(g.focusObjectiveId) ? g.focusObjectiveId : null;
    const cap = Math.max(g.maxSize ?? MAX_GROUP, members.length);
    lockedBuckets.push({ objectiveId: focus, lockedGroupId: g.id, members, cap, target: cap });
  }

  const newBuckets: Bucket[] = [];
  for (const o of ranked) {
    const cands = students.map((s) => s.id).filter((id) => !placed.has(id) && needs.get(id)?.includes(o)).sort(byPriority);
    if (cands.length === 0) continue;
    const locked = lockedBuckets.filter((b) => b.objectiveId === o && b.members.length < b.cap).sort((a, b) => b.members.length - a.members.length);
    if (locked.length === 0 && cands.length < MIN_GROUP) continue;
    const total = cands.length + locked.reduce((n, b) => n + b.members.length, 0);
    const k = Math.max(locked.length, Math.ceil(total / MAX_GROUP));
    const sizes = balancedSizes(total, k);
    locked.forEach((b, i) => (b.target = Math.min(b.cap, Math.max(sizes[i] ?? 0, b.members.length))));
    const fresh: Bucket[] = sizes.slice(locked.length).map((target) => ({ objectiveId: o, lockedGroupId: null, members: [], cap: MAX_GROUP, target }));
    const buckets = [...locked, ...fresh];
    // The least pulled fill the first group: it is the one listed, and usually pulled, first.
    for (const id of cands) {
      const b = buckets.find((x) => x.members.length < x.target && fits(id, x)) ?? buckets.find((x) => fits(id, x));
      if (!b) continue;
      b.members.push(id);
      placed.add(id);
    }
    for (const b of fresh) {
      if (b.members.length >= MIN_GROUP) newBuckets.push(b);
      else b.members.forEach((m) => placed.delete(m));
    }
  }

  // Anyone still unplaced with a need: join a group for another of their needs if one has room, else a conference.
  const conferences: ConferenceSuggestion[] = [];
  const all = [...lockedBuckets, ...newBuckets];
  const leftovers = students.map((s) => s.id).filter((id) => !placed.has(id) && (needs.get(id)?.length ?? 0) > 0).sort(byPriority);
  for (const id of leftovers) {
    const mine = needsRanked(id);
    let joined = false;
    for (const o of mine) {
      const b = all.filter((x) => x.objectiveId === o && fits(id, x)).sort((x, y) => x.members.length - y.members.length)[0];
      if (b) {
        b.members.push(id);
        placed.add(id);
        joined = true;
        break;
      }
    }
    if (!joined && mine[0] !== undefined) conferences.push({ studentId: id, objectiveId: mine[0] });
  }

  const bucketRank = (b: Bucket) => (b.objectiveId === null ? ranked.length : (rank.get(b.objectiveId) ?? ranked.length));
  const ordered = all
    .map((b, i) => ({ b, i }))
    .sort((x, y) => bucketRank(x.b) - bucketRank(y.b) || Number(y.b.lockedGroupId !== null) - Number(x.b.lockedGroupId !== null) || x.i - y.i)
    .map(({ b }) => b);
  return {
    groups: ordered.map((b) => ({ objectiveId: b.objectiveId, memberIds: [...b.members].sort(byPriority), lockedGroupId: b.lockedGroupId })),
    conferences,
    independent: students.map((s) => s.id).filter((id) => !placed.has(id)),
  };
}
