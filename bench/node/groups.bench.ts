// Group suggestions for a big class: 200 students by 12 objectives with realistic marks (seeded, so every run is alike).
import { suggestGroups, type GroupingInput } from '../../src/domain/grouping';
import { median, type Metrics } from '../types';
import { prng } from '../../tests/support/prng';

export function bigClass(seed = 42, nStudents = 200, nObjectives = 12): GroupingInput {
  const rnd = prng(seed);
  const students = Array.from({ length: nStudents }, (_, i) => ({ id: `s${String(i).padStart(3, '0')}`, order: i }));
  const objectives = Array.from({ length: nObjectives }, (_, i) => ({ id: `o${i}`, order: i }));
  // Some objectives trouble many writers, most only a few; a struggling writer has several open needs.
  const difficulty = objectives.map(() => 0.03 + rnd() * 0.3);
  const needs: Record<string, string[]> = {};
  const pulls: Record<string, number> = {};
  for (const s of students) {
    const struggle = rnd() < 0.2 ? 2 : 1;
    needs[s.id] = objectives.filter((_, i) => rnd() < difficulty[i]! * struggle).map((o) => o.id);
    pulls[s.id] = Math.floor(rnd() * 5);
  }
  const keepApart: [string, string][] = Array.from({ length: 20 }, () => [students[Math.floor(rnd() * nStudents)]!.id, students[Math.floor(rnd() * nStudents)]!.id]);
  const locked = [0, 1, 2].map((g) => ({ id: `g${g}`, focusObjectiveId: `o${g * 3}`, memberIds: [students[g * 7]!.id, students[g * 7 + 1]!.id] }));
  return { students, objectives, needs, lensObjectiveId: 'o4', keepApart, locked, pulls };
}

export default async function groupsBench(): Promise<Metrics> {
  const input = bigClass();
  for (let i = 0; i < 20; i++) suggestGroups(input);
  const times: number[] = [];
  for (let i = 0; i < 101; i++) {
    const t0 = performance.now();
    suggestGroups(input);
    times.push(performance.now() - t0);
  }
  return { 'groups-suggest-200x12': { value: Number(median(times).toFixed(3)), unit: 'ms', budget: 20 } };
}
