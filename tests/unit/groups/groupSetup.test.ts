// Group kinds, minutes, sizes, default names and schedules.
import { describe, expect, it } from 'vitest';
import { clampMinutes, GROUP_NAMES, kindRule, nextGroupName, projectedNames, scheduleText, sizeWarning, suggestionSummary, toggleDay } from '../../../src/domain/groupSetup';

describe('group setup', () => {
  it('keeps minutes within the kind', () => {
    expect(clampMinutes('table', 8)).toBe(4);
    expect(clampMinutes('needs', 2)).toBe(5);
    expect(clampMinutes('intervention', 7.4)).toBe(7);
    expect(clampMinutes('table', Number.NaN)).toBe(kindRule('table').defaultMinutes);
  });

  it('warns about sizes outside the practice', () => {
    expect(sizeWarning('needs', 1)).toBe('Needs groups need at least 2 students.');
    expect(sizeWarning('intervention', 5)).toBe('Intervention groups have at most 4 students.');
    expect(sizeWarning('table', 6)).toBeNull();
    expect(sizeWarning('table', 0)).toBeNull();
  });

  it('names groups with the first free neutral name', () => {
    expect(nextGroupName([])).toBe('Maple');
    expect(nextGroupName(['maple ', 'Willow'])).toBe('Cedar');
    expect(nextGroupName([...GROUP_NAMES])).toBe('Group 13');
    expect(nextGroupName([...GROUP_NAMES, 'Group 13'])).toBe('Group 14');
  });

  it('toggles schedule days and describes them', () => {
    expect(toggleDay([3], 1)).toEqual([1, 3]);
    expect(toggleDay([1, 3], 3)).toEqual([1]);
    expect(toggleDay([], 7)).toEqual([]);
    expect(scheduleText([1, 4])).toBe('2 times a week: Mon, Thu');
    expect(scheduleText([])).toBe('No days set');
  });

  it('summarises a suggestion', () => {
    expect(suggestionSummary({ groups: [{ objectiveId: 'o', memberIds: ['a', 'b'], lockedGroupId: null }], conferences: [{ studentId: 'c', objectiveId: 'o' }], independent: ['c'] })).toBe(
      '1 group, 2 students placed, 1 conference suggested.',
    );
  });
});

describe('projectedNames', () => {
  it('uses first names, adding a last initial only when two share a first name', () => {
    const names = projectedNames([
      { id: 'a', firstName: 'Ana', lastName: 'Lopez' },
      { id: 'b', firstName: 'Sam', lastName: 'Ortiz' },
      { id: 'c', firstName: 'sam', lastName: 'Lee' },
      { id: 'd', firstName: '', lastName: 'Kim' },
    ]);
    expect([...names.values()]).toEqual(['Ana', 'Sam O.', 'sam L.', 'Kim']);
  });
});
