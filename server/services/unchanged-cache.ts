import type { AppDatabase } from '../db/open-database.ts';

/**
 * Answers that are read far more often than the data under them changes (a leader's dashboard is
 * opened by the leader, a coach, a printed report) are kept while the database is exactly as it
 * was when they were computed and the clock has not reached the instant they would read
 * differently. "Exactly as it was" is SQLite's own count, not a list of places that write: every
 * row this connection changes moves `total_changes()`, and every commit by another connection (a
 * CLI import into the server's file) moves `PRAGMA data_version`. So no write can be forgotten;
 * the price is that any write anywhere (a session touched, someone else's import) empties the
 * cache for everyone, which at the rate people write is rare.
 */
const MAX_ENTRIES = 256;

interface Entry<T> {
  version: string;
  /** A clock that went back (tests set it) must not be served what a later instant computed. */
  computedAtMs: number;
  stableUntilMs: number;
  value: T;
}

const caches = new WeakMap<object, Map<string, Entry<unknown>>>();

const versionStatements = new WeakMap<object, { get: () => unknown }>();

/** Asked on every cached request: its statement is prepared once per connection. */
export function databaseVersion(db: AppDatabase): string {
  let statement = versionStatements.get(db.$client);
  if (!statement) versionStatements.set(db.$client, (statement = db.$client.prepare('select total_changes() as n, (select data_version from pragma_data_version) as v')));
  const { n, v } = statement.get() as { n: number; v: number };
  return `${n}:${v}`;
}

/**
 * `compute()`'s value for `key`, computed again only when the database (or the narrower `version`
 * the caller gives, which must change with everything the value is computed from) or the clock
 * moved on.
 */
export function cachedWhileUnchanged<T>(
  db: AppDatabase,
  key: string,
  nowMs: number,
  compute: () => { value: T; stableUntilMs: number },
  version = databaseVersion(db),
): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const entry = cache.get(key) as Entry<T> | undefined;
  cache.delete(key);
  if (entry && entry.version === version && nowMs >= entry.computedAtMs && nowMs < entry.stableUntilMs) {
    cache.set(key, entry); // most recently used last
    return entry.value;
  }
  const fresh = compute();
  cache.set(key, { version, computedAtMs: nowMs, stableUntilMs: fresh.stableUntilMs, value: fresh.value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return fresh.value;
}
