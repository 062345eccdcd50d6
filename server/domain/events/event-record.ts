import type { EventFields } from '../ics/calendar-event.ts';
import type { EventInstance } from '../ics/expand-events.ts';
import { daysBetween, type When } from '../ics/when.ts';

/**
 * One occurrence with everything rules and counting need, self-contained: what the database
 * stores per event, so that a rule change re-classifies without the original file.
 */
export interface EventRecord extends EventFields {
  uid: string;
  recurrenceId: string | null;
  isRecurring: boolean;
  start: When;
  end: When;
}

export function toEventRecord(instance: EventInstance): EventRecord {
  const { event } = instance;
  return {
    uid: instance.uid,
    recurrenceId: instance.recurrenceId,
    isRecurring: instance.isRecurring,
    start: instance.start,
    end: instance.end,
    summary: event.summary,
    description: event.description,
    location: event.location,
    organizer: event.organizer,
    attendees: event.attendees,
    categories: event.categories,
    status: event.status,
    isTransparent: event.isTransparent,
    busyStatus: event.busyStatus,
  };
}

export function isAllDay(record: Pick<EventRecord, 'start'>): boolean {
  return record.start.kind === 'date';
}

/** Length in minutes; all-day entries are whole days of 24 hours. */
export function durationMinutesOf(record: Pick<EventRecord, 'start' | 'end'>): number {
  const { start, end } = record;
  if (start.kind === 'time' && end.kind === 'time') return Math.max(0, Math.round((end.ms - start.ms) / 60_000));
  if (start.kind === 'date' && end.kind === 'date') return Math.max(0, daysBetween(start.date, end.date)) * 1440;
  return 0;
}

/** Instance identity within a leader's calendar: UID plus RECURRENCE-ID. */
export function instanceKey(record: Pick<EventRecord, 'uid' | 'recurrenceId'>): string {
  return `${record.uid}\u0000${record.recurrenceId ?? ''}`;
}
