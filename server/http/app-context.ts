import type { AppDatabase } from '../db/open-database.ts';

/** What handlers need: the database and the clock (tests pass a fixed one). */
export interface AppContext {
  db: AppDatabase;
  now: () => number;
}
