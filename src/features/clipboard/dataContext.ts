// Which database and write path the clipboard uses: the app's by default; the bench renders the real screens
// against its own seeded database by providing another.
import { createContext, useContext } from 'react';
import { db } from '../../db/db';
import type { Repo } from '../../db/repo';
import type { CirculateDb } from '../../db/schema';
import { repo } from '../../db/write';

export interface ClipboardData {
  db: CirculateDb;
  write: Pick<Repo, 'create' | 'update' | 'remove' | 'restore'>;
}

export const ClipboardDataContext = createContext<ClipboardData>({ db, write: repo });

export function useClipboardData(): ClipboardData {
  return useContext(ClipboardDataContext);
}
