// Live reads of one record: after the class (or student, piece…) changes, a screen never gets the previous one's rows,
// which Dexie's own hook hands back until the new read arrives.
import { renderHook, waitFor } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { describe, expect, it } from 'vitest';
import { listStudents, useStudents } from '../../../src/db/hooks';
import { useLiveQueryFor } from '../../../src/db/live';
import { addStudents, createClass } from '../../../src/features/roster/rosterActions';

async function twoClasses() {
  const a = await createClass('Room 12');
  await addStudents(a, [{ firstName: 'Ana', lastName: 'Lopez' }]);
  const b = await createClass('Period 5');
  await addStudents(b, [{ firstName: 'Zoë', lastName: 'Ødegård' }]);
  return { a, b };
}

/** Renders `read` for class a, then b, and returns what each render returned, labelled with the class it was for. */
async function switchClass(read: (classId: string) => { classId: string }[] | undefined) {
  const { a, b } = await twoClasses();
  const seen: { for: string; got: string[] | undefined }[] = [];
  const { rerender, result } = renderHook(({ classId }) => {
    const rows = read(classId);
    seen.push({ for: classId, got: rows?.map((s) => s.classId) });
    return rows;
  }, { initialProps: { classId: a } });
  await waitFor(() => expect(result.current?.map((s) => s.classId)).toEqual([a]));
  rerender({ classId: b });
  await waitFor(() => expect(result.current?.map((s) => s.classId)).toEqual([b]));
  return seen.filter((r) => r.got?.some((c) => c !== r.for));
}

describe('useLiveQueryFor', () => {
  it("never returns the previous class's students for the new class", async () => {
    expect(await switchClass((classId) => useStudents(classId))).toEqual([]);
  });

  it("is needed: Dexie's hook alone returns the old class's rows for a moment", async () => {
    const stale = await switchClass((classId) => useLiveQuery(() => listStudents(classId), [classId]));
    expect(stale.length).toBeGreaterThan(0);
  });

  it('keeps the rows shown while only a refinement changes, so a list does not blink', async () => {
    const a = await createClass('Room 12');
    await addStudents(a, [{ firstName: 'Ana', lastName: 'Lopez' }, { firstName: 'Bao', lastName: 'Nguyen' }]);
    const seen: (number | undefined)[] = [];
    const { rerender, result } = renderHook(({ limit }) => {
      const rows = useLiveQueryFor(a, async () => (await listStudents(a)).slice(0, limit), [limit]);
      seen.push(rows?.length);
      return rows;
    }, { initialProps: { limit: 1 } });
    await waitFor(() => expect(result.current).toHaveLength(1));
    const before = seen.length;
    rerender({ limit: 2 });
    await waitFor(() => expect(result.current).toHaveLength(2));
    expect(seen.slice(before)).not.toContain(undefined);
  });
});
