import type { AppDatabase } from '../db/open-database.ts';
import type { CalendarReader } from '../services/calendar-reader.ts';

/** What handlers need: the database, the clock (tests pass a fixed one) and the calendar reader. */
export interface AppContext {
  db: AppDatabase;
  now: () => number;
  /** Reads uploaded calendar files isolated from the server (child processes). */
  calendarReader: CalendarReader;
}
