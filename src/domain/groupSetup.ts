// The kinds of guided-writing group (their minutes and sizes, from the classroom practice) and neutral default names,
// which can be projected to the class without revealing anyone's needs.
import type { GroupingResult } from './grouping';

export type GroupKindLike = 'table' | 'needs' | 'intervention';

export interface KindRule {
  kind: GroupKindLike;
  label: string;
  minMinutes: number;
  maxMinutes: number;
  defaultMinutes: number;
  minSize: number;
  maxSize: number;
}

export const KIND_RULES: readonly KindRule[] = [
  { kind: 'table', label: 'Table visit', minMinutes: 1, maxMinutes: 4, defaultMinutes: 3, minSize: 2, maxSize: 6 },
  { kind: 'needs', label: 'Needs group', minMinutes: 5, maxMinutes: 10, defaultMinutes: 8, minSize: 2, maxSize: 6 },
  { kind: 'intervention', label: 'Intervention group', minMinutes: 5, maxMinutes: 10, defaultMinutes: 8, minSize: 2, maxSize: 4 },
];

export function kindRule(kind: GroupKindLike): KindRule {
  return KIND_RULES.find((r) => r.kind === kind) ?? KIND_RULES[1]!;
}

/** Planned minutes kept inside the kind's range (a group changed from a needs group to a table visit shortens). */
export function clampMinutes(kind: GroupKindLike, minutes: number): number {
  const r = kindRule(kind);
  if (!Number.isFinite(minutes)) return r.defaultMinutes;
  return Math.min(r.maxMinutes, Math.max(r.minMinutes, Math.round(minutes)));
}

/** A size problem to show on the group, or null. */
export function sizeWarning(kind: GroupKindLike, size: number): string | null {
  const r = kindRule(kind);
  if (size === 0) return null;
  if (size < r.minSize) return `${r.label}s need at least ${r.minSize} students.`;
  if (size > r.maxSize) return `${r.label}s have at most ${r.maxSize} students.`;
  return null;
}

export const GROUP_NAMES = ['Maple', 'Cedar', 'Willow', 'Birch', 'Aspen', 'Oak', 'Pine', 'Juniper', 'Hazel', 'Rowan', 'Spruce', 'Elm'] as const;

/** The first default name not in use, then "Group 13", "Group 14"... */
export function nextGroupName(used: Iterable<string>): string {
  const taken = new Set([...used].map((n) => n.trim().toLowerCase()));
  for (const n of GROUP_NAMES) if (!taken.has(n.toLowerCase())) return n;
  for (let i = GROUP_NAMES.length + 1; ; i++) if (!taken.has(`group ${i}`)) return `Group ${i}`;
}

export const WEEKDAYS = [
  { day: 1, label: 'Mon', name: 'Monday' },
  { day: 2, label: 'Tue', name: 'Tuesday' },
  { day: 3, label: 'Wed', name: 'Wednesday' },
  { day: 4, label: 'Thu', name: 'Thursday' },
  { day: 5, label: 'Fri', name: 'Friday' },
] as const;

/** Toggle a weekday in a schedule, kept sorted. */
export function toggleDay(schedule: readonly number[], day: number): number[] {
  const set = new Set(schedule);
  if (set.has(day)) set.delete(day);
  else set.add(day);
  return [...set].filter((d) => d >= 1 && d <= 5).sort((a, b) => a - b);
}

/** "2 times a week: Mon, Thu" (an intervention group meets 2-3 times a week). */
export function scheduleText(schedule: readonly number[]): string {
  if (schedule.length === 0) return 'No days set';
  const days = WEEKDAYS.filter((w) => schedule.includes(w.day)).map((w) => w.label);
  return `${days.length} time${days.length === 1 ? '' : 's'} a week: ${days.join(', ')}`;
}

/** How many new groups a suggestion makes and how many students it places, for the confirmation line. */
export function suggestionSummary(r: GroupingResult): string {
  const placed = r.groups.reduce((n, g) => n + g.memberIds.length, 0);
  const groups = `${r.groups.length} group${r.groups.length === 1 ? '' : 's'}`;
  const conf = r.conferences.length ? `, ${r.conferences.length} conference${r.conferences.length === 1 ? '' : 's'} suggested` : '';
  return `${groups}, ${placed} student${placed === 1 ? '' : 's'} placed${conf}.`;
}

/** Names for the class to see: first names, with a last initial only where two students share a first name. */
export function projectedNames(students: readonly { id: string; firstName: string; lastName: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const s of students) count.set(s.firstName.trim().toLowerCase(), (count.get(s.firstName.trim().toLowerCase()) ?? 0) + 1);
  return new Map(
    students.map((s) => {
      const first = s.firstName.trim() || s.lastName.trim();
      const shared = (count.get(s.firstName.trim().toLowerCase()) ?? 0) > 1 && s.lastName.trim() !== '';
      return [s.id, shared ? `${first} ${s.lastName.trim()[0]}.` : first];
    }),
  );
}
