import { durationMinutesOf, type EventRecord } from '../events/event-record.ts';
import type { Classification, Classifier } from './classify-event.ts';
import { buildRuleSubject, isMeeting, type LeaderContext } from './rule-subject.ts';

export interface RecordPlacement extends Classification {
  isMeeting: boolean;
}

/**
 * Places every record. Instances of one series share their fields, so the subject is built and
 * classified once per distinct (fields, duration) and reused: `sourceOf` names the object the
 * fields came from (the parsed VEVENT), when the caller has one.
 */
export function classifyRecords(
  records: readonly EventRecord[],
  leader: LeaderContext,
  classify: Classifier,
  sourceOf?: (index: number) => object,
  manual?: (record: EventRecord) => Classification | null,
): RecordPlacement[] {
  const memo = new WeakMap<object, Map<string, RecordPlacement>>();
  return records.map((record, index) => {
    const decided = manual?.(record);
    if (decided && decided.reason.kind === 'manual' && decided.reason.scope === 'event') {
      return { ...decided, isMeeting: buildRuleSubject(record, leader).attendeeCount > 0 };
    }
    const source = sourceOf?.(index);
    const timingKey = `${record.start.kind}:${durationMinutesOf(record)}:${record.isRecurring}`;
    if (source && !decided) {
      const cached = memo.get(source)?.get(timingKey);
      if (cached) return cached;
    }
    const subject = buildRuleSubject(record, leader);
    const ruled = classify(subject);
    // A decision for a whole series does not count the instances the leader declined, or that
    // were cancelled or shown as free: those stay excluded. A decision for one event is final.
    const placement: RecordPlacement = { ...(decided && !ruled.isAttendanceFact ? decided : ruled), isMeeting: isMeeting(subject) };
    if (source && !decided) {
      let bySource = memo.get(source);
      if (!bySource) memo.set(source, (bySource = new Map()));
      bySource.set(timingKey, placement);
    }
    return placement;
  });
}
