// Unit-test setup: an in-memory IndexedDB, jest-dom matchers, and a fresh database for every test.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { db } from '../../src/db/db';
import { repo } from '../../src/db/write';

beforeEach(async () => {
  repo.session.reset();
  await db.delete();
  await db.open();
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});
