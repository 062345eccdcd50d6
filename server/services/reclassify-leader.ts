import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { events } from '../db/schema.ts';
import { toEventRecord } from './event-rows.ts';
import { refreshLeaderFigures } from './leader-figures.ts';
import { getLeader } from './leaders.ts';
import { placeLeaderRecords } from './place-leader-events.ts';
import { loadManualDecisions, loadRuleSet } from './rule-rows.ts';

/**
 * Places every stored event of a leader again, after their rules or decisions changed, and
 * writes what moved. Runs inside the caller's transaction, so the change and its effect land
 * together; the leader's quarter figures follow when any counting input moved (`nowMs` only
 * stamps them). Returns how many events changed category.
 */
export function reclassifyLeader(db: Db, leaderId: number, nowMs = Date.now()): number {
  const leader = getLeader(db, leaderId);
  const rows = db.select().from(events).where(eq(events.leaderId, leaderId)).all();
  const records = rows.map(toEventRecord);
  const placements = placeLeaderRecords(leader, records, loadRuleSet(db, leaderId), loadManualDecisions(db, leaderId));
  let moved = 0;
  let countingChanged = false;
  rows.forEach((row, index) => {
    const placement = placements[index]!;
    const reasonChanged = JSON.stringify(row.reason) !== JSON.stringify(placement.reason);
    if (row.category === placement.category && !reasonChanged && row.isMeeting === placement.isMeeting) return;
    if (row.category !== placement.category) moved++;
    if (row.category !== placement.category || row.isMeeting !== placement.isMeeting) countingChanged = true;
    db.update(events)
      .set({ category: placement.category, reason: placement.reason, isMeeting: placement.isMeeting })
      .where(eq(events.id, row.id))
      .run();
  });
  if (countingChanged) refreshLeaderFigures(db, leaderId, nowMs);
  return moved;
}
