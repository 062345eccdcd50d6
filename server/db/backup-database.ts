import { accessSync, chmodSync, closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_FOLDER, openDatabase } from './open-database.ts';

// Online backup and restore of the SQLite file.
//
// The copy is made with `VACUUM INTO`, not SQLite's online backup API (better-sqlite3's
// db.backup()): VACUUM INTO reads the whole database inside one read transaction, so in WAL mode
// the copy is the database as it was at one instant while the server goes on writing. The backup
// API copies page by page between steps and starts again from the first page whenever another
// process writes to the source, so under steady imports it may never finish. VACUUM INTO's output
// is also one compact file in rollback-journal mode: no -wal or -shm to carry along.

/** Bad input (a missing, unwritable or foreign file): the CLI prints the message and exits 2. */
export class DatabaseFileProblem extends Error {}

export interface DatabaseSummary {
  leaders: number;
  events: number;
  imports: number;
  users: number;
}

/** Tables every Altitude database has; a SQLite file without them is someone else's. */
const REQUIRED_TABLES = ['__drizzle_migrations', 'leaders', 'sources', 'imports', 'events', 'users'];
const BUSY_TIMEOUT_MS = 5000;

/** Writes a consistent copy of the database at `dbPath` to `targetPath`, which must not exist yet. */
export function backupDatabase(dbPath: string, targetPath: string): DatabaseSummary {
  if (!existsSync(dbPath)) throw new DatabaseFileProblem(`there is no database at ${dbPath} (pass --db)`);
  if (existsSync(targetPath)) throw new DatabaseFileProblem(`${targetPath} already exists; a backup never overwrites a file, choose a new name`);
  assertWritableDirectory(targetPath);
  const source = openExisting(dbPath, false);
  const temp = tempPathFor(targetPath);
  try {
    checkAltitudeDatabase(source, dbPath, { integrity: false });
    vacuumInto(source, temp, targetPath);
    source.close();
    const summary = verifyCopy(temp);
    // Calendars are personal data: a backup is readable by its owner only.
    chmodSync(temp, 0o600);
    publish(temp, targetPath);
    return summary;
  } finally {
    if (source.open) source.close();
    rmSync(temp, { force: true });
  }
}

export interface RestoreResult {
  summary: DatabaseSummary;
  /** Where the database that was replaced is kept; null when there was none. */
  keptAs: string | null;
}

/**
 * Replaces the database at `dbPath` with the backup at `backupPath`. The backup is checked first
 * (a SQLite file that passes integrity_check, with Altitude's tables, from this version or an
 * older one); the database it replaces is copied aside first; the swap is a rename, so a crash
 * leaves either the old database or the restored one. Refused while another process (a running
 * server) has the database open.
 */
export function restoreDatabase(backupPath: string, dbPath: string, nowMs: number): RestoreResult {
  if (!existsSync(backupPath)) throw new DatabaseFileProblem(`cannot read ${backupPath}: no such file`);
  if (statSync(backupPath).isDirectory()) throw new DatabaseFileProblem(`cannot read ${backupPath}: it is a directory`);
  if (existsSync(dbPath) && statSync(dbPath).isDirectory()) throw new DatabaseFileProblem(`the database ${dbPath} is a directory`);
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
  } catch {
    // A file where a directory should be: the check below says which.
  }
  assertWritableDirectory(dbPath);

  const backup = openExisting(backupPath, true);
  const temp = tempPathFor(dbPath);
  try {
    checkAltitudeDatabase(backup, backupPath, { integrity: true });
    vacuumInto(backup, temp, dbPath);
    backup.close();
    verifyCopy(temp);
    const keptAs = existsSync(dbPath) ? setAside(dbPath, nowMs) : null;
    // Stale -wal/-shm files would be read as belonging to the restored file.
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    publish(temp, dbPath);
    // Migrates a backup from an older version, and puts the file back in WAL mode.
    const db = openDatabase(dbPath);
    try {
      return { summary: summarise(db.$client), keptAs };
    } finally {
      db.$client.close();
    }
  } finally {
    if (backup.open) backup.close();
    rmSync(temp, { force: true });
  }
}

/**
 * Leaves the current database as one self-contained file and copies it aside. Switching out of
 * WAL mode needs every other connection closed, so it doubles as the check that no server has
 * the file open; it also moves the -wal's committed pages into the file.
 */
function setAside(dbPath: string, nowMs: number): string {
  const current = openExisting(dbPath, false);
  try {
    current.pragma('busy_timeout = 0');
    try {
      current.pragma('journal_mode = DELETE');
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new DatabaseFileProblem(`the database ${dbPath} is open in another process (a running server?); stop it before restoring`);
      }
      throw describeSqliteFailure(error, dbPath);
    }
    const keptAs = `${dbPath}.before-restore-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`;
    if (existsSync(keptAs)) throw new DatabaseFileProblem(`${keptAs} already exists; try again in a moment`);
    vacuumInto(current, keptAs, keptAs);
    chmodSync(keptAs, 0o600);
    syncFile(keptAs);
    return keptAs;
  } finally {
    current.close();
  }
}

function openExisting(path: string, readonly: boolean): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: true });
  } catch (error) {
    throw describeSqliteFailure(error, path, 'open');
  }
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

function checkAltitudeDatabase(db: Database.Database, path: string, options: { integrity: boolean }): void {
  try {
    const tables = new Set(db.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[]);
    const missing = REQUIRED_TABLES.find((table) => !tables.has(table));
    if (missing) throw new DatabaseFileProblem(`${path} is not an Altitude database (it has no ${missing} table)`);
    if (options.integrity) {
      const result = db.pragma('integrity_check', { simple: true }) as string;
      if (result !== 'ok') throw new DatabaseFileProblem(`${path} is damaged: ${result}`);
    }
    // A backup from a newer version has tables this one does not know how to use.
    const newest = (db.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as number | null) ?? 0;
    if (newest > latestMigrationTime()) throw new DatabaseFileProblem(`${path} comes from a newer version of Altitude; upgrade before restoring it`);
  } catch (error) {
    if (error instanceof DatabaseFileProblem) throw error;
    throw describeSqliteFailure(error, path, 'open');
  }
}

function latestMigrationTime(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

function vacuumInto(db: Database.Database, temp: string, shownPath: string): void {
  rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
  } catch (error) {
    throw describeSqliteFailure(error, shownPath);
  }
}

/** The copy passes integrity_check before it replaces anything; returns what it holds. */
function verifyCopy(path: string): DatabaseSummary {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = (copy.pragma('integrity_check') as { integrity_check: string }[])[0]?.integrity_check;
    if (result !== 'ok') throw new Error(`the copy failed integrity_check: ${result}`);
    return summarise(copy);
  } finally {
    copy.close();
  }
}

function summarise(db: Database.Database): DatabaseSummary {
  const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { leaders: count('leaders'), events: count('events'), imports: count('imports'), users: count('users') };
}

/** fsync the file, rename it into place, fsync the directory: the new name survives a power cut. */
function publish(temp: string, target: string): void {
  syncFile(temp);
  renameSync(temp, target);
  const dir = openSync(dirname(target), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Next to the target, so that the final rename stays on one file system. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

function assertWritableDirectory(target: string): void {
  const dir = dirname(target);
  if (!existsSync(dir)) throw new DatabaseFileProblem(`cannot write ${target}: the directory ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new DatabaseFileProblem(`cannot write ${target}: ${dir} is not a directory`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new DatabaseFileProblem(`cannot write ${target}: permission denied`);
  }
}

function describeSqliteFailure(error: unknown, path: string, verb: 'open' | 'write' = 'write'): Error {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return new DatabaseFileProblem(`${path} is not an Altitude database (not a SQLite file)`);
  if (code === 'SQLITE_CORRUPT') return new DatabaseFileProblem(`${path} is damaged: ${(error as Error).message}`);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_IOERR')) {
    return new DatabaseFileProblem(`cannot ${verb} ${path}: ${(error as Error).message}`);
  }
  if (code === 'SQLITE_FULL') return new DatabaseFileProblem(`cannot write ${path}: the disk is full`);
  return error as Error;
}
