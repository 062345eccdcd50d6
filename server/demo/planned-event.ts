import type { EventTiming, PlannedEvent } from './event-model.ts';

type RequiredFields = Pick<PlannedEvent, 'key' | 'titleKey' | 'summary' | 'timing' | 'intent' | 'createdDaysBefore'>;

/** A planned entry with the defaults most entries share: confirmed, busy, nobody invited. */
export function createPlannedEvent(fields: RequiredFields & Partial<PlannedEvent>): PlannedEvent {
  return {
    attendees: [],
    status: 'CONFIRMED',
    isTransparent: false,
    isOutOfOffice: false,
    isPrivate: false,
    hasOnlineMeeting: false,
    categories: [],
    sequence: 0,
    ...fields,
  };
}

export function createTimedTiming(day: number, start: number, end: number): EventTiming {
  return { kind: 'timed', start: { day, minute: start }, end: { day, minute: end } };
}

export function createAllDayTiming(firstDay: number, lastDay: number): EventTiming {
  return { kind: 'all-day', firstDay, endDay: lastDay + 1 };
}

