import { CATEGORY_INFO, EXCLUSION_LABELS, type ExclusionReason, type Placement } from '../../../shared/taxonomy.ts';
import { addDays } from '../ics/when.ts';
import { toCsv } from './csv.ts';

/** One event of the export, its times as the report writes them (ISO with offset, or a date). */
export interface ExportedEvent {
  start: string;
  /** Exclusive, as in iCalendar. */
  end: string;
  allDay: boolean;
  title: string;
  location: string;
  category: Placement;
  reason: string;
  exclusionReason: ExclusionReason | null;
  countedMinutes: number;
}

/**
 * The period's events for a spreadsheet. Times are the leader's wall clock ("2026-03-02 10:00"),
 * which spreadsheets read as date-times (an ISO offset makes them text); the zone is in the
 * header. An all-day event's end is its last day, as people say it, not iCalendar's next day.
 */
export function toEventsCsv(events: readonly ExportedEvent[], timeZone: string): string {
  const header = [
    `start (${timeZone})`,
    `end (${timeZone})`,
    'all day',
    'title',
    'location',
    'category',
    'reason',
    'exclusion reason',
    'minutes counted',
  ];
  return toCsv(
    header,
    events.map((event) => [
      wallClock(event.start),
      event.allDay ? addDays(event.end, -1) : wallClock(event.end),
      event.allDay,
      event.title,
      event.location,
      CATEGORY_INFO[event.category].label,
      event.reason,
      event.exclusionReason ? EXCLUSION_LABELS[event.exclusionReason] : '',
      event.countedMinutes,
    ]),
  );
}

/** `2026-03-02T10:00:00+01:00` -> `2026-03-02 10:00`; a date stays a date. */
function wallClock(value: string): string {
  return value.length > 10 ? `${value.slice(0, 10)} ${value.slice(11, 16)}` : value;
}

/** A file name any system accepts: `altitude-events-sam-lee-2026-03-02-to-2026-03-13.csv`. */
export function eventsCsvFileName(who: string, period: { from: string; to: string }): string {
  const slug =
    who
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/@.*$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'leader';
  return `altitude-events-${slug}-${period.from}-to-${period.to}.csv`;
}
