import type { Db, DbTransaction } from './open-database.ts';

/**
 * Every write transaction goes through here: BEGIN IMMEDIATE takes the write lock before the
 * first read. A deferred transaction (SQLite's default) reads under a snapshot and asks for the
 * write lock only at its first write; if another connection committed in between, that upgrade
 * fails at once with SQLITE_BUSY_SNAPSHOT, which no busy timeout can wait out. Taking the lock
 * first makes a second writer wait at BEGIN (up to busy_timeout) instead. Inside a transaction
 * already, this nests as a savepoint.
 */
export function writeTransaction<T>(db: Db, work: (tx: DbTransaction) => T): T {
  return db.transaction(work, { behavior: 'immediate' });
}
