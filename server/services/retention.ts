import { and, lte, lt, notInArray, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { events, imports } from '../db/schema.ts';
import { retentionHorizon } from '../domain/retention/retention-horizon.ts';
import { refreshLeaderFigures } from './leader-figures.ts';

export interface PurgeResult {
  /** Midnight UTC, `months` months before now: data that ended before it goes. */
  horizon: string;
  months: number;
  dryRun: boolean;
  /** Events that ended before the horizon. */
  events: number;
  /** Import records from before the horizon of which no stored event remains. */
  imports: number;
  /** Leaders who lost events (their quarter figures are rewritten). */
  leaders: number;
  /** Quarter-figure rows written afresh for those leaders (0 on a dry run). */
  figureRows: number;
}

/** Thrown inside the transaction of a dry run so that nothing it did is kept. */
class DryRunRollback extends Error {
  constructor(readonly result: PurgeResult) {
    super('dry run');
  }
}

/**
 * Retention: removes calendar data older than the horizon, in one transaction.
 * - Events that end before the horizon (all-day events: whose last day is before it).
 * - Import records made before the horizon when no stored event still came from them (an event
 *   keeps the import that first added it and the one that last saw it).
 * - The quarter figures of every leader who lost events are computed again from what remains, so
 *   HR's and the coach's views never show purged time.
 * Kept: accounts, calendars (sources, even when empty), rules, manual decisions (keyed by UID,
 * they apply again if the events are imported again), coaching, notes, cohorts, consent.
 * A dry run counts the same rows and keeps everything.
 */
export function purgeExpiredData(db: AppDatabase, options: { months: number; nowMs: number; dryRun?: boolean }): PurgeResult {
  const horizonMs = retentionHorizon(options.nowMs, options.months);
  const dryRun = options.dryRun ?? false;
  try {
    return writeTransaction(db, (tx) => {
      const leaderIds = tx
        .selectDistinct({ leaderId: events.leaderId })
        .from(events)
        .where(lte(events.endMs, horizonMs))
        .all()
        .map((row) => row.leaderId);
      const eventCount = tx.delete(events).where(lte(events.endMs, horizonMs)).run().changes;
      // One pass over the events for the imports something still comes from (no index on these columns).
      const stillUsed = sql`(select ${events.firstImportId} from ${events} union select ${events.lastImportId} from ${events})`;
      const importCount = tx.delete(imports).where(and(lt(imports.importedAt, horizonMs), notInArray(imports.id, stillUsed))).run().changes;
      const result: PurgeResult = {
        horizon: new Date(horizonMs).toISOString(),
        months: options.months,
        dryRun,
        events: eventCount,
        imports: importCount,
        leaders: leaderIds.length,
        figureRows: 0,
      };
      if (dryRun) throw new DryRunRollback(result);
      for (const leaderId of leaderIds) result.figureRows += refreshLeaderFigures(tx, leaderId, options.nowMs);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Applies the retention setting now and then once a day for as long as the process runs. The
 * timer does not keep the process alive. A failed run is logged and tried again the next day.
 */
export function scheduleRetention(
  db: AppDatabase,
  months: number,
  options: { now?: () => number; log?: (message: string) => void; onError?: (error: unknown) => void } = {},
): () => void {
  const { now = Date.now, log = (message) => console.log(message), onError = (error) => console.error(error) } = options;
  const run = () => {
    try {
      const result = purgeExpiredData(db, { months, nowMs: now() });
      if (result.events > 0 || result.imports > 0) log(describePurge(result));
    } catch (error) {
      onError(error);
    }
  };
  run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export function describePurge(result: PurgeResult): string {
  const what = `${result.events} ${result.events === 1 ? 'event' : 'events'} that ended before ${result.horizon.slice(0, 10)} and ${result.imports} ${result.imports === 1 ? 'import record' : 'import records'}`;
  return result.dryRun
    ? `Retention (${result.months} months), dry run: would remove ${what} (${result.leaders} ${result.leaders === 1 ? 'leader' : 'leaders'}); nothing was changed.`
    : `Retention (${result.months} months): removed ${what}; quarter figures rewritten for ${result.leaders} ${result.leaders === 1 ? 'leader' : 'leaders'}.`;
}
