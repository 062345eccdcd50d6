import { TZDate } from '@date-fns/tz';
import ical, { type CalendarResponse, type EventInstance, type VEvent } from 'node-ical';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  generateLeaderCalendar,
  planLeaderCalendarEvents,
  type CalendarFlavour,
  type CalendarLanguage,
  type GenerateCalendarOptions,
  type LeaderProfile,
} from '../../server/demo/generate-calendar.ts';
import { createUid } from '../../server/demo/identifiers.ts';
import { escapeText, foldContentLine } from '../../server/demo/ics-writer.ts';
import { toInstant } from '../../server/demo/local-time.ts';

// The only thing mocked is the clock: every calendar is generated against this `now`.
const NOW = new Date('2025-06-15T10:00:00Z');
const LEADER_EMAIL = 'maya.okafor@northwind.example';
const BASE: GenerateCalendarOptions = {
  seed: 20250615,
  now: NOW,
  email: LEADER_EMAIL,
  name: 'Maya Okafor',
  timeZone: 'Europe/Berlin',
};
/** A short calendar where a test is about format, not about a year's worth of data. */
const SHORT: Partial<GenerateCalendarOptions> = { monthsBack: 3, monthsAhead: 1 };

const cache = new Map<string, string>();

function generate(overrides: Partial<GenerateCalendarOptions> = {}): string {
  const options = { ...BASE, ...overrides };
  const key = JSON.stringify(options);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const text = generateLeaderCalendar(options);
  cache.set(key, text);
  return text;
}

function listEvents(calendar: CalendarResponse): VEvent[] {
  return Object.values(calendar).filter((component): component is VEvent => component?.type === 'VEVENT');
}

function readText(value: string | { val: string } | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.val;
}

function listInstances(event: VEvent, from: Date, to: Date): EventInstance[] {
  if (event.rrule) return ical.expandRecurringEvent(event, { from, to });
  if (event.start < from || event.start > to) return [];
  return [{ start: event.start, end: event.end ?? event.start, summary: event.summary, isFullDay: event.datetype === 'date', isRecurring: false, isOverride: false, event }];
}

/** Every instance once: a RECURRENCE-ID override replaces its instance, it does not add one. */
function countInstances(calendar: CalendarResponse, from: Date, to: Date): number {
  return listEvents(calendar).reduce((sum, event) => sum + listInstances(event, from, to).length, 0);
}

function listAttendees(event: VEvent): { email: string; partStat: string }[] {
  const attendees = event.attendee === undefined ? [] : Array.isArray(event.attendee) ? event.attendee : [event.attendee];
  return attendees.map((attendee) => ({
    email: readText(attendee).replace(/^mailto:/i, '').toLowerCase(),
    partStat: typeof attendee === 'string' ? '' : (attendee.params.PARTSTAT ?? ''),
  }));
}

function readOrganizer(event: VEvent): string {
  return readText(event.organizer).replace(/^mailto:/i, '').toLowerCase();
}

function toLocal(instant: Date, timeZone: string): { weekday: number; minute: number; dateKey: string } {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    weekday: local.getDay(),
    minute: local.getHours() * 60 + local.getMinutes(),
    dateKey: `${local.getFullYear()}-${local.getMonth() + 1}-${local.getDate()}`,
  };
}

function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('determinism', () => {
  test('the same options give byte-identical output', () => {
    const first = generateLeaderCalendar({ ...BASE, ...SHORT });
    const second = generateLeaderCalendar({ ...BASE, ...SHORT, now: new Date(NOW.getTime()) });
    expect(second).toBe(first);
  });

  test('a different seed gives a different calendar', () => {
    expect(generateLeaderCalendar({ ...BASE, ...SHORT, seed: 7 })).not.toBe(generate(SHORT));
  });

  test('UIDs are derived from the seed, so another seed gives other UIDs', () => {
    const uids = (text: string) => new Set(listEvents(ical.sync.parseICS(text)).map((event) => event.uid));
    const mine = uids(generate(SHORT));
    const other = uids(generateLeaderCalendar({ ...BASE, ...SHORT, seed: 7 }));
    expect([...mine].filter((uid) => other.has(uid))).toEqual([]);
  });
});

describe('RFC 5545 shape', () => {
  test('the output parses with node-ical and every VEVENT has uid, start and end', () => {
    const events = listEvents(ical.sync.parseICS(generate()));
    expect(events.length).toBeGreaterThan(1000);
    for (const event of events) {
      expect(event.uid).toMatch(/\S/);
      expect(event.start).toBeInstanceOf(Date);
      expect(event.end).toBeInstanceOf(Date);
      expect(event.end!.getTime()).toBeGreaterThan(event.start.getTime());
    }
  });

  test('every line ends with CRLF and is at most 75 octets', () => {
    const text = generate({ language: 'de', flavour: 'outlook' });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.slice(0, -2).split('\r\n');
    const longest = Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')));
    expect(longest).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  test('the calendar header names the format, the owner and the zone', () => {
    const lines = unfold(generate(SHORT));
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${LEADER_EMAIL}`,
      'X-WR-TIMEZONE:Europe/Berlin',
    ]);
  });

  test.each([
    ['a plain ASCII line', 'SUMMARY:Weekly staff meeting'],
    ['a line of two-byte characters', `SUMMARY:${'ä'.repeat(80)}`],
    ['a line of four-byte emoji', `SUMMARY:${'🏃'.repeat(40)}`],
    ['mixed widths', `DESCRIPTION:${'Zürich → München ✈ '.repeat(12)}`],
  ])('folding %s keeps every character whole', (_name, line) => {
    const folded = foldContentLine(line);
    const parts = folded.split('\r\n');
    for (const [index, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toContain('\uFFFD');
    }
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  test.each([
    ['', ''],
    ['Budget; Q3, draft', 'Budget\\; Q3\\, draft'],
    ['C:\\temp', 'C:\\\\temp'],
    ['line one\nline two', 'line one\\nline two'],
    ['a\\;b', 'a\\\\\\;b'],
  ])('escapeText(%j) is %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  test('TEXT values survive escaping: commas, semicolons and newlines come back from the parser', () => {
    const events = listEvents(ical.sync.parseICS(generate()));
    const descriptions = events.map((event) => readText(event.description));
    expect(descriptions.some((text) => text.includes('\n'))).toBe(true);
    const locations = events.map((event) => readText(event.location));
    expect(locations.some((text) => text.includes(','))).toBe(true);
  });
});

describe('size', () => {
  test('density 1.6 over a year expands to 3,600-4,400 instances', () => {
    const text = generate({ density: 1.6, monthsBack: 12, monthsAhead: 0 });
    const from = new Date(NOW);
    from.setUTCMonth(from.getUTCMonth() - 12);
    expect(countInstances(ical.sync.parseICS(text), from, NOW)).toBeGreaterThanOrEqual(3600);
    expect(countInstances(ical.sync.parseICS(text), from, NOW)).toBeLessThanOrEqual(4400);
  });

  test('density 1 gives 9-11 entries on a typical working day', () => {
    const calendar = ical.sync.parseICS(generate({ monthsBack: 12, monthsAhead: 0 }));
    const from = new Date(NOW);
    from.setUTCMonth(from.getUTCMonth() - 12);
    const perDay = new Map<string, number>();
    for (const event of listEvents(calendar)) {
      for (const instance of listInstances(event, from, NOW)) {
        const { weekday, dateKey } = toLocal(new Date(instance.start), BASE.timeZone);
        if (weekday === 0 || weekday === 6 || instance.isFullDay) continue;
        perDay.set(dateKey, (perDay.get(dateKey) ?? 0) + 1);
      }
    }
    // Days with only a lunch block or a leftover are holidays and leave, not working days.
    const workingDays = [...perDay.values()].filter((count) => count >= 4);
    const average = workingDays.reduce((sum, count) => sum + count, 0) / workingDays.length;
    expect(average).toBeGreaterThanOrEqual(9);
    expect(average).toBeLessThanOrEqual(11);
  });
});

const LANGUAGE_WORDS: Record<CalendarLanguage, RegExp> = {
  en: /\b(review|update|planning|feedback)\b/i,
  de: /(gespräch|runde|planung|abstimmung)/i,
  fr: /(revue|point|réunion|entretien)/i,
  es: /(revisión|reunión|planificación|seguimiento)/i,
};

describe.each(['en', 'de', 'fr', 'es'] as const)('language %s', (language) => {
  test.each(['google', 'outlook'] as const)('the %s flavour parses and is written in that language', (flavour) => {
    const text = generate({ ...SHORT, language, flavour });
    const events = listEvents(ical.sync.parseICS(text));
    expect(events.length).toBeGreaterThan(200);
    const summaries = events.map((event) => readText(event.summary));
    expect(summaries.every((summary) => summary.trim() !== '')).toBe(true);
    expect(summaries.filter((summary) => LANGUAGE_WORDS[language].test(summary)).length).toBeGreaterThan(20);
  });
});

describe('time zones', () => {
  test.each([
    ['Europe/Berlin', 'W. Europe Standard Time', '+0100', '+0200', 'BYDAY=-1SU;BYMONTH=10', 'BYDAY=-1SU;BYMONTH=3'],
    ['America/Los_Angeles', 'Pacific Standard Time', '-0800', '-0700', 'BYDAY=1SU;BYMONTH=11', 'BYDAY=2SU;BYMONTH=3'],
    ['Europe/London', 'GMT Standard Time', '+0000', '+0100', 'BYDAY=-1SU;BYMONTH=10', 'BYDAY=-1SU;BYMONTH=3'],
    ['America/New_York', 'Eastern Standard Time', '-0500', '-0400', 'BYDAY=1SU;BYMONTH=11', 'BYDAY=2SU;BYMONTH=3'],
    ['Europe/Paris', 'Romance Standard Time', '+0100', '+0200', 'BYDAY=-1SU;BYMONTH=10', 'BYDAY=-1SU;BYMONTH=3'],
    ['Australia/Sydney', 'AUS Eastern Standard Time', '+1000', '+1100', 'BYDAY=1SU;BYMONTH=4', 'BYDAY=1SU;BYMONTH=10'],
    ['Pacific/Auckland', 'New Zealand Standard Time', '+1200', '+1300', 'BYDAY=1SU;BYMONTH=4', 'BYDAY=-1SU;BYMONTH=9'],
  ])('Outlook writes %s as "%s" with a matching VTIMEZONE', (timeZone, windowsName, standardOffset, daylightOffset, standardRule, daylightRule) => {
    const lines = unfold(generate({ ...SHORT, timeZone, flavour: 'outlook' }));
    const zoneStart = lines.indexOf('BEGIN:VTIMEZONE');
    const zone = lines.slice(zoneStart, lines.indexOf('END:VTIMEZONE') + 1);
    expect(zone).toContain(`TZID:${windowsName}`);
    const standard = zone.slice(zone.indexOf('BEGIN:STANDARD'), zone.indexOf('END:STANDARD'));
    const daylight = zone.slice(zone.indexOf('BEGIN:DAYLIGHT'), zone.indexOf('END:DAYLIGHT'));
    expect(standard).toContain(`TZOFFSETTO:${standardOffset}`);
    expect(standard).toContain(`TZOFFSETFROM:${daylightOffset}`);
    expect(standard.find((line) => line.startsWith('RRULE:'))).toContain(standardRule);
    expect(daylight).toContain(`TZOFFSETTO:${daylightOffset}`);
    expect(daylight.find((line) => line.startsWith('RRULE:'))).toContain(daylightRule);
    const zoned = lines.filter((line) => /^(DTSTART|DTEND|EXDATE|RECURRENCE-ID);TZID=/.test(line));
    expect(zoned.length).toBeGreaterThan(100);
    expect(zoned.every((line) => line.includes(`;TZID=${windowsName}:`))).toBe(true);
  });

  test('a zone Outlook has no name for keeps its IANA name', () => {
    const lines = unfold(generate({ ...SHORT, timeZone: 'America/Sao_Paulo', flavour: 'outlook' }));
    expect(lines).toContain('TZID:America/Sao_Paulo');
  });

  test('Google and Outlook exports of the same leader describe the same instants', () => {
    const instants = (flavour: CalendarFlavour) =>
      listEvents(ical.sync.parseICS(generate({ ...SHORT, timeZone: 'America/Los_Angeles', flavour })))
        .flatMap((event) => listInstances(event, new Date('2025-01-01'), new Date('2025-09-01')))
        .map((instance) => `${new Date(instance.start).toISOString()}/${new Date(instance.end).toISOString()}`)
        .sort();
    expect(instants('outlook')).toEqual(instants('google'));
  });

  test('meetings sit on weekdays between 8:00 and 18:30 local time; only travel leaves those hours', () => {
    const timeZone = 'Australia/Sydney';
    const calendar = ical.sync.parseICS(generate({ timeZone }));
    const travel = /flight|train|✈|🚆|commute|travel to|drive to/i;
    for (const event of listEvents(calendar)) {
      for (const instance of listInstances(event, new Date('2024-06-01'), new Date('2025-10-01'))) {
        if (instance.isFullDay || travel.test(readText(instance.event.summary))) continue;
        const start = toLocal(new Date(instance.start), timeZone);
        const end = toLocal(new Date(instance.end), timeZone);
        const summary = readText(instance.event.summary);
        expect(start.weekday, summary).not.toBe(0);
        expect(start.weekday, summary).not.toBe(6);
        expect(start.minute).toBeGreaterThanOrEqual(8 * 60);
        expect(end.dateKey).toBe(start.dateKey);
        expect(end.minute).toBeLessThanOrEqual(18 * 60 + 30);
      }
    }
  });
});

describe('what a real export contains', () => {
  let events: VEvent[] = [];
  let lines: string[] = [];
  beforeAll(() => {
    const text = generate();
    events = listEvents(ical.sync.parseICS(text));
    lines = unfold(text);
  });

  test('recurring series: weekly, biweekly and monthly rules, EXDATEs, UNTIL, and overrides with a higher SEQUENCE', () => {
    const rules = lines.filter((line) => line.startsWith('RRULE:'));
    expect(rules.some((rule) => /FREQ=WEEKLY/.test(rule) && !/INTERVAL/.test(rule))).toBe(true);
    expect(rules.some((rule) => /INTERVAL=2/.test(rule))).toBe(true);
    expect(rules.some((rule) => /FREQ=MONTHLY;.*BYDAY=-?\d(MO|TU|WE|TH|FR)/.test(rule))).toBe(true);
    expect(rules.some((rule) => /FREQ=MONTHLY;INTERVAL=3/.test(rule))).toBe(true);
    expect(rules.some((rule) => /UNTIL=\d{8}T\d{6}Z/.test(rule))).toBe(true);
    expect(lines.filter((line) => line.startsWith('EXDATE;')).length).toBeGreaterThan(20);
    const overrides = events.flatMap((event) => Object.values(event.recurrences ?? {}));
    expect(overrides.length).toBeGreaterThan(10);
    expect(overrides.some((override) => Number(override.sequence) >= 1)).toBe(true);
  });

  test('some series start part-way through the calendar', () => {
    const calendarStart = new Date('2024-06-20T00:00:00Z');
    const starts = events.filter((event) => event.rrule).map((event) => event.start.getTime());
    expect(starts.some((start) => start > calendarStart.getTime())).toBe(true);
    expect(starts.some((start) => start < calendarStart.getTime())).toBe(true);
  });

  test('the leader organises roughly 35-45% of meetings', () => {
    let meetings = 0;
    let organised = 0;
    for (const event of events) {
      const attendees = listAttendees(event);
      if (attendees.length < 2 || event.status === 'CANCELLED' || event.transparency === 'TRANSPARENT') continue;
      if (attendees.some((attendee) => attendee.email === LEADER_EMAIL && attendee.partStat === 'DECLINED')) continue;
      const instances = listInstances(event, new Date('2024-06-15'), NOW).length;
      meetings += instances;
      if (readOrganizer(event) === LEADER_EMAIL) organised += instances;
    }
    expect(organised / meetings).toBeGreaterThanOrEqual(0.33);
    expect(organised / meetings).toBeLessThanOrEqual(0.47);
  });

  test('solo blocks have no organiser and no attendees', () => {
    const soloTitles = /^(Lunch|Lunch break|Lunch 🥗|Planning day|Q\d planning day|Focus time|Hold|Deep work|Inbox & admin)$/;
    const solo = events.filter((event) => soloTitles.test(readText(event.summary)));
    expect(solo.length).toBeGreaterThan(5);
    for (const event of solo) {
      expect(listAttendees(event)).toEqual([]);
      expect(event.organizer).toBeUndefined();
    }
  });

  test('other units and outside companies write from other domains; the leader\'s unit shares the leader\'s', () => {
    const domains = new Set(events.flatMap((event) => listAttendees(event)).map((attendee) => attendee.email.split('@')[1]));
    expect(domains).toContain('northwind.example');
    expect([...domains].some((domain) => domain?.endsWith('.northwind.example'))).toBe(true);
    expect([...domains].some((domain) => domain !== undefined && !domain.endsWith('northwind.example'))).toBe(true);
  });

  test('entries the product must exclude are all there', () => {
    const summaries = events.map((event) => readText(event.summary));
    const isDeclined = (event: VEvent) => listAttendees(event).some((attendee) => attendee.email === LEADER_EMAIL && attendee.partStat === 'DECLINED');
    expect(events.filter(isDeclined).length).toBeGreaterThan(3);
    expect(events.filter((event) => event.status === 'CANCELLED').length).toBeGreaterThan(3);
    expect(events.filter((event) => event.transparency === 'TRANSPARENT').length).toBeGreaterThan(3);
    expect(summaries.filter((summary) => /^(Out of office|Vacation|Annual leave|OOO)$/.test(summary)).length).toBeGreaterThan(2);
    expect(summaries.some((summary) => /^(Dentist|Doctor's appointment|Parents' evening|Physio|Car service|Gym|School run|Lunch)/.test(summary))).toBe(true);
    expect(summaries.some((summary) => /Flight|Train|✈|🚆/.test(summary))).toBe(true);
  });

  test('entries a rule engine cannot place are there too', () => {
    const summaries = new Set(events.map((event) => readText(event.summary)));
    const ambiguous = ['Sync', 'Catch-up', 'Quick chat', 'Focus time', 'Hold', 'Touch base', 'Call', 'Blocked', 'Deep work'];
    expect(ambiguous.filter((title) => summaries.has(title)).length).toBeGreaterThanOrEqual(4);
  });

  test('protected planning days carry no description and nobody else', () => {
    const planningDays = events.filter((event) => /planning day|Org planning \(protected\)/i.test(readText(event.summary)));
    expect(planningDays.length).toBeGreaterThan(3);
    for (const event of planningDays) {
      expect(readText(event.description)).toBe('');
      expect(listAttendees(event)).toEqual([]);
      const hours = ((event.end ?? event.start).getTime() - event.start.getTime()) / 3_600_000;
      expect(event.datetype === 'date' || (hours >= 6 && hours <= 8)).toBe(true);
    }
    expect(planningDays.some((event) => event.start > NOW)).toBe(true);
  });

  test('some accepted meetings overlap each other, and one overlaps a solo focus block', () => {
    const timed = events
      .filter((event) => event.datetype !== 'date' && event.status !== 'CANCELLED' && event.transparency !== 'TRANSPARENT')
      .flatMap((event) => listInstances(event, new Date('2024-06-15'), NOW))
      .filter((instance) => !listAttendees(instance.event).some((attendee) => attendee.email === LEADER_EMAIL && attendee.partStat === 'DECLINED'))
      .map((instance) => ({ start: new Date(instance.start).getTime(), end: new Date(instance.end).getTime(), isSolo: listAttendees(instance.event).length === 0 }))
      .sort((left, right) => left.start - right.start);
    let meetingOverlaps = 0;
    let soloOverlaps = 0;
    for (const [index, current] of timed.entries()) {
      for (const next of timed.slice(index + 1, index + 8)) {
        if (next.start >= current.end) break;
        if (!current.isSolo && !next.isSolo) meetingOverlaps += 1;
        if (current.isSolo !== next.isSolo) soloOverlaps += 1;
      }
    }
    expect(meetingOverlaps).toBeGreaterThan(3);
    expect(soloOverlaps).toBeGreaterThan(0);
  });

  test('Outlook marks leave OOF and prefixes cancelled meetings', () => {
    const outlook = unfold(generate({ ...SHORT, flavour: 'outlook', monthsAhead: 3 }));
    expect(outlook).toContain('X-MICROSOFT-CDO-BUSYSTATUS:OOF');
    expect(outlook.some((line) => /^SUMMARY;LANGUAGE=en-us:Canceled: /.test(line))).toBe(true);
    expect(outlook).toContain('X-WR-CALNAME:Calendar');
  });
});

describe('profiles', () => {
  function countAllDayPlanningDays(profile: LeaderProfile): number {
    return listEvents(ical.sync.parseICS(generate({ profile })))
      .filter((event) => event.datetype === 'date' && /planning day|Org planning \(protected\)/i.test(readText(event.summary))).length;
  }

  test('a planner has more all-day planning days than an operational leader', () => {
    expect(countAllDayPlanningDays('planner')).toBeGreaterThan(countAllDayPlanningDays('operational') + 3);
  });

  /** Share of counted work minutes per intended category, read from the export and the plan's answer key. */
  function measureShares(profile: LeaderProfile): Record<string, number> {
    const options = { ...BASE, profile, monthsBack: 12, monthsAhead: 0 };
    const plan = planLeaderCalendarEvents(options);
    const byUid = new Map(plan.events.map((event) => [createUid(options.seed, event.key, 'google'), event]));
    const minutes: Record<string, number> = {};
    const from = new Date('2024-06-15');
    for (const event of listEvents(ical.sync.parseICS(generate(options)))) {
      const planned = byUid.get(event.uid);
      if (!planned) throw new Error(`no plan entry for ${event.uid}`);
      for (const instance of listInstances(event, from, NOW)) {
        const start = new Date(instance.start).getTime();
        const recurrenceId = instance.isOverride ? instance.event.recurrenceid?.getTime() : undefined;
        const override = planned.recurrence?.overrides.find(
          (candidate) => toInstant(candidate.originalStart, options.timeZone).getTime() === recurrenceId,
        );
        const intent = override?.intent ?? planned.intent;
        const length = instance.isFullDay ? 480 : (new Date(instance.end).getTime() - start) / 60_000;
        minutes[intent] = (minutes[intent] ?? 0) + length;
      }
    }
    const counted = Object.entries(minutes).filter(([intent]) => intent !== 'excluded').reduce((sum, [, value]) => sum + value, 0);
    return Object.fromEntries(Object.entries(minutes).map(([intent, value]) => [intent, value / counted]));
  }

  test('the profile shifts the mix: strategic > balanced > operational in strategic share, balanced at 15-25%', () => {
    const balanced = measureShares('balanced');
    const strategic = measureShares('strategic');
    const operational = measureShares('operational');
    expect(balanced.strategic).toBeGreaterThanOrEqual(0.15);
    expect(balanced.strategic).toBeLessThanOrEqual(0.25);
    expect(strategic.strategic).toBeGreaterThan(balanced.strategic! + 0.05);
    expect(operational.strategic).toBeLessThan(balanced.strategic! - 0.05);
    expect(operational.operational).toBeGreaterThan(0.45);
  });

  test.each([
    ['developer', 'developmental'],
    ['networker', 'cross-functional'],
    ['planner', 'organisational-planning'],
  ] as const)('a %s leader spends more time on %s work than a balanced one', (profile, category) => {
    expect(measureShares(profile)[category]).toBeGreaterThan(measureShares('balanced')[category]! + 0.05);
  });
});

describe('options', () => {
  test.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
    ['a zero density', { density: 0 }],
    ['a fractional seed', { seed: 1.5 }],
    ['an invalid clock', { now: new Date(Number.NaN) }],
    ['an address without a domain', { email: 'maya' }],
    ['an empty calendar', { monthsBack: 0, monthsAhead: 0 }],
  ])('rejects %s', (_name, overrides) => {
    expect(() => generateLeaderCalendar({ ...BASE, ...overrides })).toThrow(RangeError);
  });
});
