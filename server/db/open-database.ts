import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Opens (creating when needed) and migrates the database. WAL lets readers go on while an
 * import writes; synchronous=NORMAL is durable across application crashes in WAL mode; the
 * busy timeout makes a second writer wait instead of failing; foreign keys are off in SQLite
 * unless asked for. Writes go through writeTransaction (BEGIN IMMEDIATE), so a second writer
 * waits for the first at BEGIN instead of failing halfway (see write-transaction.ts).
 */
export function openDatabase(path: string): AppDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as AppDatabase;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/** The database or a transaction on it: services that write take either. */
export type DbTransaction = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];
export type Db = AppDatabase | DbTransaction;
