import { createHash } from 'node:crypto';
import type { EventRecord } from '../domain/events/event-record.ts';
import type { events } from '../db/schema.ts';

type EventRow = typeof events.$inferSelect;
export type EventContent = Omit<
  typeof events.$inferInsert,
  'id' | 'leaderId' | 'sourceId' | 'category' | 'reason' | 'isMeeting' | 'firstImportId' | 'lastImportId' | 'updatedAt'
>;

/** The stored columns of a record, with the hash that tells an update from no change. */
export function toEventContent(record: EventRecord): EventContent {
  const { start, end } = record;
  const timing =
    start.kind === 'date' && end.kind === 'date'
      ? { allDay: true, startMs: Date.parse(`${start.date}T00:00:00Z`), endMs: Date.parse(`${end.date}T00:00:00Z`), startDate: start.date, endDate: end.date, zone: null }
      : start.kind === 'time' && end.kind === 'time'
        ? { allDay: false, startMs: start.ms, endMs: end.ms, startDate: null, endDate: null, zone: start.zone }
        : null;
  if (!timing) throw new Error(`event ${record.uid} mixes a date and a date-time`);
  const content = {
    uid: record.uid,
    recurrenceId: record.recurrenceId ?? '',
    isRecurring: record.isRecurring,
    ...timing,
    summary: record.summary,
    description: record.description,
    location: record.location,
    organizer: record.organizer,
    attendees: record.attendees,
    categories: record.categories,
    status: record.status,
    isTransparent: record.isTransparent,
    busyStatus: record.busyStatus,
  };
  return { ...content, contentHash: createHash('sha256').update(JSON.stringify(content)).digest('base64url') };
}

export function toEventRecord(row: EventRow): EventRecord {
  return {
    uid: row.uid,
    recurrenceId: row.recurrenceId === '' ? null : row.recurrenceId,
    isRecurring: row.isRecurring,
    start: row.allDay ? { kind: 'date', date: row.startDate! } : { kind: 'time', ms: row.startMs, zone: row.zone ?? 'UTC' },
    end: row.allDay ? { kind: 'date', date: row.endDate! } : { kind: 'time', ms: row.endMs, zone: row.zone ?? 'UTC' },
    summary: row.summary,
    description: row.description,
    location: row.location,
    organizer: row.organizer ?? null,
    attendees: row.attendees,
    categories: row.categories,
    status: row.status ?? null,
    isTransparent: row.isTransparent,
    busyStatus: row.busyStatus ?? null,
  };
}
