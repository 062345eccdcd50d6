import type { Assignable, ExclusionReason } from '../../../shared/taxonomy.ts';
import type { EventRecord } from '../events/event-record.ts';
import type { Classification } from './classify-event.ts';

/** `recurrenceId`: '' for a single event, an instance's recurrence id, or '*' for the whole series. */
export interface ManualDecision {
  uid: string;
  recurrenceId: string;
  category: Assignable;
  exclusionReason: ExclusionReason | null;
}

export const SERIES = '*';

/** A user's decision outranks every rule: for one event first, then for its series. */
export function createManualLookup(decisions: readonly ManualDecision[]): (record: EventRecord) => Classification | null {
  const byTarget = new Map(decisions.map((d) => [`${d.uid}\u0000${d.recurrenceId}`, d]));
  return (record) => {
    const own = byTarget.get(`${record.uid}\u0000${record.recurrenceId ?? ''}`);
    const decision = own ?? (record.isRecurring ? byTarget.get(`${record.uid}\u0000${SERIES}`) : undefined);
    if (!decision) return null;
    const scope = own ? 'event' : 'series';
    if (decision.category === 'excluded') {
      return { category: 'excluded', reason: { kind: 'manual', scope, exclusionReason: decision.exclusionReason ?? 'other' } };
    }
    return { category: decision.category, reason: { kind: 'manual', scope } };
  };
}
