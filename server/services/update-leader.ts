import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database.ts';
import { leaders } from '../db/schema.ts';
import { leaderSettingsSchema, type LeaderSettings } from '../domain/leaders/leader-settings.ts';
import { assertZone, getLeader, type Leader } from './leaders.ts';
import { refreshLeaderFigures } from './leader-figures.ts';
import { reclassifyLeader } from './reclassify-leader.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/**
 * Changes a leader's name, zone or settings. Who is inside the unit decides "outside the unit"
 * in rules, so a change to it re-classifies the leader's events in the same transaction.
 */
export function updateLeader(
  db: AppDatabase,
  id: number,
  patch: { name?: string | null | undefined; timeZone?: string | undefined; settings?: LeaderSettings | undefined },
): Leader {
  assertZone(patch.timeZone);
  return writeTransaction(db, (tx) => {
    const leader = getLeader(tx, id);
    const settings = patch.settings ? leaderSettingsSchema.parse({ ...leader.settings, ...patch.settings }) : leader.settings;
    const updated = tx
      .update(leaders)
      .set({ name: patch.name === undefined ? leader.name : patch.name, timeZone: patch.timeZone ?? leader.timeZone, settings })
      .where(eq(leaders.id, id))
      .returning()
      .get();
    const unitChanged =
      JSON.stringify([leader.settings.unitDomains, leader.settings.unitMembers]) !== JSON.stringify([settings.unitDomains, settings.unitMembers]);
    if (unitChanged) reclassifyLeader(tx, id);
    // The zone and the counting settings change the figures even when no event moved.
    refreshLeaderFigures(tx, id, Date.now());
    return updated;
  });
}
