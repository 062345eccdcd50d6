import { and, eq } from 'drizzle-orm';
import type { Assignable, ExclusionReason } from '../../shared/taxonomy.ts';
import type { AppDatabase, Db } from '../db/open-database.ts';
import { manualDecisions } from '../db/schema.ts';
import { SERIES } from '../domain/rules/manual-decisions.ts';
import { getLeaderEventRow, type EventRow } from './leader-events.ts';
import { reclassifyLeader } from './reclassify-leader.ts';
import { notFound, ServiceError } from './service-error.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export interface CategoryDecision {
  category: Assignable;
  /** One event, or every event of its series. */
  scope: 'event' | 'series';
  exclusionReason?: ExclusionReason | undefined;
}

/**
 * Records a user's category for an event or its whole series. Decisions are kept apart from the
 * events, keyed by UID and RECURRENCE-ID, so they survive re-imports and rule changes.
 */
export function decideEventCategory(db: AppDatabase, leaderId: number, eventId: number, decision: CategoryDecision, nowMs: number): { moved: number } {
  return writeTransaction(db, (tx) => {
    const event = findEvent(tx, leaderId, eventId);
    const target = targetOf(event, decision.scope);
    const exclusionReason = decision.category === 'excluded' ? (decision.exclusionReason ?? 'other') : null;
    tx.insert(manualDecisions)
      .values({ leaderId, uid: event.uid, recurrenceId: target, category: decision.category, exclusionReason, createdAt: nowMs })
      .onConflictDoUpdate({
        target: [manualDecisions.leaderId, manualDecisions.uid, manualDecisions.recurrenceId],
        set: { category: decision.category, exclusionReason, createdAt: nowMs },
      })
      .run();
    return { moved: reclassifyLeader(tx, leaderId, nowMs) };
  });
}

/** Removes a decision: the rules place the event (or series) again. */
export function clearEventCategory(db: AppDatabase, leaderId: number, eventId: number, scope: 'event' | 'series'): { moved: number } {
  return writeTransaction(db, (tx) => {
    const event = findEvent(tx, leaderId, eventId);
    const deleted = tx
      .delete(manualDecisions)
      .where(and(eq(manualDecisions.leaderId, leaderId), eq(manualDecisions.uid, event.uid), eq(manualDecisions.recurrenceId, targetOf(event, scope))))
      .run();
    if (deleted.changes === 0) throw notFound(`A manual decision for this ${scope}`);
    return { moved: reclassifyLeader(tx, leaderId) };
  });
}

function findEvent(db: Db, leaderId: number, eventId: number): EventRow {
  const event = getLeaderEventRow(db, leaderId, eventId);
  if (!event) throw notFound(`Event ${eventId}`);
  return event;
}

function targetOf(event: EventRow, scope: 'event' | 'series'): string {
  if (scope === 'event') return event.recurrenceId;
  if (!event.isRecurring) throw new ServiceError(400, 'not-a-series', 'This event is not part of a series; set it with scope "event".');
  return SERIES;
}
