// Drag ids and the screen-reader announcements of the builder's drag and drop.
import { describe, expect, it } from 'vitest';
import { columnDropId, groupOfDrop, makeAnnouncements, studentDragId, studentOfDrag } from '../../../src/features/groups/dnd';

describe('builder drag and drop', () => {
  it('maps drag and drop ids to students and groups', () => {
    expect(studentOfDrag(studentDragId('s1'))).toBe('s1');
    expect(studentOfDrag('col:g1')).toBeNull();
    expect(groupOfDrop(columnDropId('g1'))).toBe('g1');
    expect(groupOfDrop(columnDropId(null))).toBeNull();
    expect(groupOfDrop('stu:s1')).toBeUndefined();
    expect(groupOfDrop(undefined)).toBeUndefined();
  });

  it('announces in words, with names and group names', () => {
    const a = makeAnnouncements(
      (id) => ({ s1: 'Ana Lopez' })[id] ?? '?',
      (g) => (g === null ? 'Independent writing' : 'Maple'),
    );
    const active = { id: 'stu:s1' } as never;
    expect(a.onDragStart({ active })).toBe('Picked up Ana Lopez.');
    expect(a.onDragOver({ active, over: { id: 'col:g1' } as never })).toBe('Ana Lopez is over Maple.');
    expect(a.onDragEnd({ active, over: { id: 'col:independent' } as never })).toBe('Ana Lopez was moved to Independent writing.');
    expect(a.onDragEnd({ active, over: null })).toBe('Ana Lopez was put back.');
    expect(a.onDragCancel({ active, over: null })).toBe('Moving Ana Lopez was cancelled; Ana Lopez was put back.');
  });
});
