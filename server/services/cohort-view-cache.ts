import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { appState } from '../db/schema.ts';
import type { ActiveMember } from './cohort-members.ts';

/**
 * HR's compliance table and charts of a cohort of hundreds read thousands of figure rows; they
 * change only when a member's figures change. So a view is kept, per database, under a key made of
 * everything it was computed from:
 * - the members as read on this request (ids, names, settings): membership is never cached, so a
 *   leader who leaves is out of the next view (a new member list is a new key);
 * - the figures epoch, a counter in app_state that every `refreshLeaderFigures` raises in the
 *   transaction that rewrites figures (another process's import raises it too: it is in the file);
 * - what the caller adds (the query, and the clock where the view depends on it).
 */
const EPOCH_KEY = 'figures-epoch';
const MAX_ENTRIES = 64;

const caches = new WeakMap<object, Map<string, unknown>>();

/** Raised with every rewrite of anyone's figures (inside the writer's transaction). */
export function bumpFiguresEpoch(db: Db): void {
  db.insert(appState)
    .values({ key: EPOCH_KEY, value: '1' })
    .onConflictDoUpdate({ target: appState.key, set: { value: String(readFiguresEpoch(db) + 1) } })
    .run();
}

export function readFiguresEpoch(db: Db): number {
  return Number(db.select({ value: appState.value }).from(appState).where(eq(appState.key, EPOCH_KEY)).get()?.value ?? 0);
}

export function membersSignature(members: readonly ActiveMember[]): string {
  const hash = createHash('sha256');
  for (const m of members) hash.update(`${m.memberId}\u0000${m.leaderId}\u0000${m.email}\u0000${m.name ?? ''}\u0000${JSON.stringify(m.settings)}\u0001`);
  return hash.digest('base64url');
}

/** The view for `key`, computed once while its inputs stay the same. */
export function cachedView<T>(db: Db, parts: readonly (string | number)[], members: readonly ActiveMember[], compute: () => T): T {
  const key = [...parts, readFiguresEpoch(db), membersSignature(members)].join('|');
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  if (cache.has(key)) {
    const value = cache.get(key) as T;
    // Most recently used last: the first key is the one to drop.
    cache.delete(key);
    cache.set(key, value);
    return value;
  }
  const value = compute();
  cache.set(key, value);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
