import { DEFAULT_DB_PATH } from '../config.ts';
import { backupDatabase, restoreDatabase, type DatabaseSummary } from '../db/backup-database.ts';
import { parse, resolvePath, type CliIo } from './run-cli.ts';

/** `altitude backup <file>`: a consistent copy, also while the server is writing. */
export function runBackup(args: string[], io: CliIo): number {
  const { values, file } = parse(args, { db: { type: 'string' } }, 'backup <file> [--db PATH]');
  const dbPath = databasePath(values.db, io);
  const target = resolvePath(file, io);
  const summary = backupDatabase(dbPath, target);
  io.stdout(`Backed up ${dbPath} to ${target}: ${describeContents(summary)}.`);
  return 0;
}

/** `altitude restore <file>`: the backup replaces the database, which is kept aside. */
export function runRestore(args: string[], io: CliIo): number {
  const { values, file } = parse(args, { db: { type: 'string' } }, 'restore <file> [--db PATH]');
  const dbPath = databasePath(values.db, io);
  const backup = resolvePath(file, io);
  const { summary, keptAs } = restoreDatabase(backup, dbPath, io.now());
  io.stdout(
    `Restored ${dbPath} from ${backup}: ${describeContents(summary)}. ` +
      (keptAs ? `The database it replaced is kept as ${keptAs}.` : 'There was no database there before.'),
  );
  return 0;
}

function databasePath(option: string | undefined, io: CliIo): string {
  return option !== undefined ? resolvePath(option, io) : (io.env.ALTITUDE_DB ?? DEFAULT_DB_PATH);
}

function describeContents(summary: DatabaseSummary): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return [plural(summary.leaders, 'leader'), plural(summary.events, 'event'), plural(summary.imports, 'import'), plural(summary.users, 'account')].join(', ');
}
