import { and, eq, inArray } from 'drizzle-orm';
import type { Placement } from '../../shared/taxonomy.ts';
import type { AppDatabase, Db } from '../db/open-database.ts';
import { appState, leaderQuarterFigures } from '../db/schema.ts';
import { computeQuarterFigures, type QuarterFigures } from '../domain/cohorts/quarter-figures.ts';
import { countingSettingsOf } from '../domain/leaders/leader-settings.ts';
import { bumpFiguresEpoch } from './cohort-view-cache.ts';
import { toEventRecord } from './event-rows.ts';
import { loadLeaderEventRows } from './leader-events.ts';
import { getLeader, listLeaders } from './leaders.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type QuarterFiguresRow = typeof leaderQuarterFigures.$inferSelect;

/** Every stored event of a leader, whatever its date. */
const ALL_TIME = { fromMs: -8.64e15, toMs: 8.64e15 };

/**
 * Rewrites the leader's rows of leader_quarter_figures from their stored placements: one row per
 * quarter the events touch. Runs in the caller's transaction (pass the transaction), so figures
 * and the change that caused them land together. Returns the number of rows written.
 */
export function refreshLeaderFigures(db: Db, leaderId: number, nowMs: number): number {
  const leader = getLeader(db, leaderId);
  bumpFiguresEpoch(db);
  db.delete(leaderQuarterFigures).where(eq(leaderQuarterFigures.leaderId, leaderId)).run();
  if (!leader.timeZone) return 0;
  const rows = loadLeaderEventRows(db, leaderId, ALL_TIME.fromMs, ALL_TIME.toMs);
  const figures = computeQuarterFigures({
    placed: rows.map((row) => ({ record: toEventRecord(row), category: row.category as Placement, reason: row.reason, isMeeting: row.isMeeting })),
    leaderEmail: leader.email,
    timeZone: leader.timeZone,
    settings: countingSettingsOf(leader.settings),
    nowMs,
  });
  const values = figures.map((f) => ({ ...f, leaderId, computedAt: nowMs }));
  for (let i = 0; i < values.length; i += 200) db.insert(leaderQuarterFigures).values(values.slice(i, i + 200)).run();
  return values.length;
}

/** Bump when the figures are computed differently: the next start rewrites every leader's rows. */
export const FIGURES_VERSION = '1';
const FIGURES_KEY = 'leader-figures';

/**
 * Figures computed by an older version (or never: a database from before cohorts existed) are
 * rewritten once, at start. Returns how many leaders were refreshed.
 */
export function ensureCurrentFigures(db: AppDatabase, nowMs: number): number {
  const stored = db.select().from(appState).where(eq(appState.key, FIGURES_KEY)).get();
  if (stored?.value === FIGURES_VERSION) return 0;
  return writeTransaction(db, (tx) => {
    const all = listLeaders(tx);
    for (const leader of all) refreshLeaderFigures(tx, leader.id, nowMs);
    tx.insert(appState)
      .values({ key: FIGURES_KEY, value: FIGURES_VERSION })
      .onConflictDoUpdate({ target: appState.key, set: { value: FIGURES_VERSION } })
      .run();
    return all.length;
  });
}

/** The stored figures of these leaders for these quarters (all quarters when none are named). */
export function loadQuarterFigures(db: Db, leaderIds: readonly number[], quarters?: readonly string[]): QuarterFiguresRow[] {
  if (leaderIds.length === 0 || quarters?.length === 0) return [];
  const byLeader = inArray(leaderQuarterFigures.leaderId, [...leaderIds]);
  return db
    .select()
    .from(leaderQuarterFigures)
    .where(quarters ? and(byLeader, inArray(leaderQuarterFigures.quarter, [...quarters])) : byLeader)
    .all();
}

export type { QuarterFigures };
