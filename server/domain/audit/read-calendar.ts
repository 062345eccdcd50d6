import { toEventRecord, type EventRecord } from '../events/event-record.ts';
import { expandEvents, type EventInstance, type ExpansionWindow } from '../ics/expand-events.ts';
import { countRejected, type RejectedCount } from '../ics/count-rejected.ts';
import { issue, type ImportIssue } from '../ics/import-issue.ts';
import { parseCalendar, type ParsedCalendar, type ZoneSource } from '../ics/parse-calendar.ts';

export interface CalendarReading {
  calendar: ParsedCalendar;
  /** One per occurrence inside the window, identity unique. */
  instances: EventInstance[];
  records: EventRecord[];
  /** Everything the file, its events and the expansion reported. */
  issues: ImportIssue[];
  /** Events or series with no occurrence inside the window: neither parsed nor rejected. */
  outsideWindow: number;
  /**
   * The entries the file yields inside the window: one per occurrence (a record), plus every
   * entry rejected with a reason. So parsed = records + rejected.total; an import splits the
   * records into added, updated and unchanged.
   */
  parsed: number;
  rejected: RejectedCount;
}

/**
 * The reading both `audit` and an import share: parse, expand inside the window, one record per
 * occurrence, and the import report so far. `leaderZone` is the leader's, when known: floating
 * times are read in it when the file declares none. The window may depend on the calendar's own
 * zone, hence a function of it.
 */
export function readCalendar(text: string, leaderZone: string | undefined, windowFor: (calendarZone: string) => ExpansionWindow): CalendarReading {
  const calendar = parseCalendar(text, { floatingZone: leaderZone });
  const expansion = expandEvents(calendar.events, windowFor(calendar.zone));
  const issues = [...calendar.issues, ...expansion.issues];
  const rejected = countRejected(issues);
  return {
    calendar,
    instances: expansion.instances,
    records: expansion.instances.map(toEventRecord),
    issues,
    outsideWindow: expansion.outsideWindow,
    parsed: expansion.instances.length + rejected.total,
    rejected,
  };
}

/** The report entry saying which zone days are counted in, and how it was chosen. */
export function describeZoneChoice(zone: string, source: ZoneSource | 'leader' | 'asked'): ImportIssue {
  if (source === 'default') {
    return issue('warning', 'time-zone', `The file names no time zone; days are counted in ${zone}. Set the leader's zone (or pass --tz) if that is wrong.`);
  }
  const how = {
    'X-WR-TIMEZONE': 'the calendar’s declared zone',
    events: 'the zone most events are written in',
    VTIMEZONE: 'the calendar’s only VTIMEZONE',
    leader: 'the leader’s zone',
    asked: 'as asked',
  }[source];
  return issue('info', 'time-zone', `Days and periods are counted in ${zone} (${how}).`);
}
