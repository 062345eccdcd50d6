import { auditCalendar } from '../domain/audit/audit-calendar.ts';
import { InvalidPeriod } from '../domain/audit/resolve-period.ts';
import { decodeCalendarBytes } from '../domain/ics/decode-text.ts';
import { ImportRejected } from '../domain/ics/import-rejected.ts';
import type { ReaderFailure, ReaderJob, ReaderReply } from './calendar-reader.ts';
import { openDatabase, type AppDatabase } from '../db/open-database.ts';
import { storeImport } from './import-calendar.ts';
import { readImport } from './read-import.ts';
import { ServiceError } from './service-error.ts';

// The child process of calendar-reader.ts: reads one file at a time and answers each. It runs
// with a capped heap and is killed when a file takes too long, so nothing a file does here
// reaches the server.

const send = (reply: ReaderReply) => process.send!(reply);

/** The database files this process stores imports into, opened once each. */
const databases = new Map<string, AppDatabase>();

process.on('message', (job: ReaderJob) => {
  try {
    if (job.task === 'import') send({ kind: 'done', result: readImport(job.input) });
    else if (job.task === 'import-and-store') send({ kind: 'done', result: storeImport(databaseAt(job.dbPath), job.request, job.input, readImport(job.input)) });
    else send({ kind: 'done', result: auditCalendar(decodeCalendarBytes(job.bytes), job.options) });
  } catch (error) {
    send({ kind: 'failed', error: describe(error) });
  }
});
// The server went away: nobody wants the answer.
process.once('disconnect', () => process.exit(1));
process.send!({ kind: 'ready' } satisfies ReaderReply);

function databaseAt(path: string): AppDatabase {
  let db = databases.get(path);
  if (!db) databases.set(path, (db = openDatabase(path)));
  return db;
}

function describe(error: unknown): ReaderFailure {
  if (error instanceof ImportRejected) return { type: 'rejected', code: error.code, message: error.message };
  if (error instanceof InvalidPeriod) return { type: 'invalid-period', message: error.message, fields: [...error.fields] };
  if (error instanceof ServiceError) return { type: 'service', status: error.status, code: error.code, message: error.message };
  // Too deep or too big for the engine (stack, string or array length): the file asked for it.
  if (error instanceof RangeError && /call stack|string length|array length|allocation failed/i.test(error.message)) return { type: 'rejected', code: 'calendar-too-complex', message: `The file is too complex to read (${error.message}).` };
  return { type: 'internal', message: error instanceof Error ? error.message : String(error) };
}
