// The app's one database handle. Reads may use it directly (with useLiveQuery); writes go through ./write.

import { createDb } from './schema';

export const db = createDb();
