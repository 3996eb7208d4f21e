// Unit-test setup: an in-memory IndexedDB, jest-dom matchers, and a fresh database for every test.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { db } from '../../src/db/db';
import { resetSessionForTests } from '../../src/db/session';

beforeEach(async () => {
  resetSessionForTests();
  await db.delete();
  await db.open();
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});
