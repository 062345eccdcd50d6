import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database.ts';
import { appState } from '../db/schema.ts';
import { DEFAULT_RULES } from '../domain/rules/default-rules.ts';
import { ensureCurrentFigures } from './leader-figures.ts';
import { listLeaders } from './leaders.ts';
import { reclassifyLeader } from './reclassify-leader.ts';
import { writeTransaction } from '../db/write-transaction.ts';

const KEY = 'default-rules';

/**
 * Stored events keep the category the rules gave them. When a new version of Altitude ships
 * other default rules, every leader's events are placed again once, at start, so that a stored
 * report and an audit of the same file agree. Returns how many events moved.
 */
export function ensureCurrentPlacements(db: AppDatabase, nowMs = Date.now()): number {
  const fingerprint = createHash('sha256').update(JSON.stringify(DEFAULT_RULES)).digest('hex');
  const stored = db.select().from(appState).where(eq(appState.key, KEY)).get();
  const moved =
    stored?.value === fingerprint
      ? 0
      : writeTransaction(db, (tx) => {
          let count = 0;
          for (const leader of listLeaders(tx)) count += reclassifyLeader(tx, leader.id, nowMs);
          tx.insert(appState).values({ key: KEY, value: fingerprint }).onConflictDoUpdate({ target: appState.key, set: { value: fingerprint } }).run();
          return count;
        });
  // Figures from an older version, or from before they existed, are rewritten once.
  ensureCurrentFigures(db, nowMs);
  return moved;
}
