// Test helpers for the conference screens: a class with students made through the write path, and the area rendered
// at a path inside a memory router.
import { cleanup, configure, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { db } from '../../../src/db/db';
import { flushPendingSaves } from '../../../src/db/autosave';
import { MemoryRouter, Route, Routes } from 'react-router';
import ConferencesArea from '../../../src/features/conferences/ConferencesArea';
import { addStudents, createClass } from '../../../src/features/roster/rosterActions';
import { useSession } from '../../../src/session/sessionStore';

// Two cores shared by several test runs: give live queries time to settle.
configure({ asyncUtilTimeout: 10_000 });

// Unmount and let in-flight writes (a blur's save, the starter seeding) land before the next test resets the database.
afterEach(async () => {
  cleanup();
  await flushPendingSaves();
  await new Promise((r) => setTimeout(r, 50));
  // A read over every table waits for any write transaction still running.
  await db.transaction('r', db.tables, () => Promise.resolve());
});

export async function makeClass(names: string[]): Promise<{ classId: string; ids: string[] }> {
  const classId = await createClass('Room 12');
  useSession.getState().setCurrentClass(classId);
  const ids = await addStudents(
    classId,
    names.map((n) => {
      const [firstName = '', lastName = ''] = n.split(' ');
      return { firstName, lastName };
    }),
  );
  return { classId, ids };
}

export function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/conferences/*" element={<ConferencesArea />} />
        <Route path="*" element={<p>elsewhere</p>} />
      </Routes>
    </MemoryRouter>,
  );
}
