import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CalendarEvent } from '../../../server/domain/ics/calendar-event.ts';
import { ImportRejected } from '../../../server/domain/ics/import-rejected.ts';
import { parseCalendar, type ParseOptions, type ParsedCalendar } from '../../../server/domain/ics/parse-calendar.ts';
import type { When } from '../../../server/domain/ics/when.ts';
import { FIXTURE_DIR } from '../../support/digest-fixtures.ts';
import { attendee, calendar, CRLF, event, organizer, vtimezone } from '../../support/ics-builder.ts';

const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

/** `2024-01-02T08:00:00Z` for an instant, `2024-01-02` for a date. */
function show(when: When): string {
  return when.kind === 'date' ? when.date : new Date(when.ms).toISOString().replace('.000Z', 'Z');
}

function only(parsed: ParsedCalendar): CalendarEvent {
  expect(parsed.events).toHaveLength(1);
  return parsed.events[0]!;
}

function codes(parsed: ParsedCalendar): string[] {
  return parsed.issues.map((i) => i.code);
}

/** The 1-based line of the n-th (0-based) line of `text` that starts with `prefix`. */
function lineOf(text: string, prefix: string, nth = 0): number {
  const lines = text.split(/\r\n|\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith(prefix) && seen++ === nth) return i + 1;
  }
  throw new Error(`no line starts with ${prefix}`);
}

function parseOne(spec: Parameters<typeof event>[0], options: ParseOptions = {}, calendarOptions = {}): CalendarEvent {
  return only(parseCalendar(calendar(event({ uid: 'e1', ...spec }), calendarOptions), options));
}

function rejection(text: string): ImportRejected {
  try {
    parseCalendar(text);
  } catch (error) {
    if (error instanceof ImportRejected) return error;
    throw error;
  }
  throw new Error('expected the text to be refused');
}

describe('files that are not calendars', () => {
  test.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>', '<!DOCTYPE html>'],
    ['a JSON export', '{"events":[{"title":"Staff meeting","start":"2024-01-02T09:00:00Z"}]}', '{"events":[{"title":"Staff meeting","sta…'],
    ['plain text', 'Staff meeting, Tuesday 9:00\nBudget review, Friday', 'Staff meeting, Tuesday 9:00'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n', 'BEGIN:VCARD'],
  ])('%s is refused as not-a-calendar with one message naming what it starts with', (_name, text, shown) => {
    const error = rejection(text);
    expect(error.code).toBe('not-a-calendar');
    expect(error.message).toBe(
      `This is not an iCalendar (.ics) file: it should start with BEGIN:VCALENDAR but starts with "${shown}".`,
    );
  });

  test.each([
    ['empty', ''],
    ['only blank lines', '\r\n  \r\n\t\n'],
  ])('a text that is %s is refused as not-a-calendar', (_name, text) => {
    const error = rejection(text);
    expect(error.code).toBe('not-a-calendar');
    expect(error.message).toBe('This is not an iCalendar (.ics) file: it holds no text.');
  });

  test('a file of bare VEVENTs with leading blanks is read (dst-transition-rules.ics has no wrapper)', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__dst-transition-rules.ics'));
    expect(parsed.blockCount).toBe(1);
    expect(parsed.events).toHaveLength(1);
  });

  test('a calendar with no events is read and says so', () => {
    const parsed = parseCalendar(calendar());
    expect(parsed.events).toEqual([]);
    expect(parsed.issues).toEqual([{ severity: 'info', code: 'no-events', message: 'The calendar contains no events.' }]);
  });
});

describe('invalid dates are reported, never rolled over', () => {
  test.each([
    ['20171032T000000', 'day 32'],
    ['20230229T090000', '29 February outside a leap year'],
    ['20240431T090000', '31 April'],
    ['20241301T090000', 'month 13'],
    ['20240001T090000', 'month 0'],
    ['20240100T090000', 'day 0'],
    ['2024-01-32', 'an extended form with day 32'],
    ['Next Year', 'words'],
    ['', 'nothing'],
  ])('DTSTART:%s (%s) costs the event, reported as invalid-date on its line', (value, _why) => {
    const text = calendar(
      event({ uid: 'good-1', summary: 'Kept', start: '20240102T090000Z' }),
      event({ uid: 'bad', summary: 'Broken', start: value, end: '20240102T100000Z' }),
    );
    const parsed = parseCalendar(text);
    expect(parsed.events.map((e) => e.uid)).toEqual(['good-1']);
    expect(parsed.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'invalid-date', uid: 'bad', line: lineOf(text, 'BEGIN:VEVENT', 1) }),
    ]);
  });

  test.each([
    ['20240229T090000', '2024-02-29T09:00:00Z'],
    ['20000229T090000', '2000-02-29T09:00:00Z'],
    ['20241231T235959', '2024-12-31T23:59:59Z'],
  ])('the boundary date-time %s is valid', (value, expected) => {
    expect(show(parseOne({ start: value }, { floatingZone: 'UTC' }).start)).toBe(expected);
  });

  test('the real 20171032 of ICal.ics is reported on its own line and no event lands on 1 November', () => {
    const text = fixture('ics-parser__examples__ICal.ics');
    const parsed = parseCalendar(text);
    const reported = parsed.issues.filter((i) => i.code === 'invalid-date');
    expect(reported).toEqual([expect.objectContaining({ uid: 'f81b0b41a2e138ae0903daee0a966e1e', line: lineOf(text, 'DTSTART:20171032') - 1 })]);
    expect(parsed.events.some((e) => e.summary.startsWith('Invalid date'))).toBe(false);
    expect(parsed.events.some((e) => show(e.start).startsWith('2017-11-01'))).toBe(false);
  });

  test.each(['20240102T250000', '20240102T126000', '20240102T120061', '20240102T240100', '20240102T9'])(
    'the impossible time %s costs the event, reported as invalid-date',
    (value) => {
      const parsed = parseCalendar(calendar(event({ uid: 'e1', start: `${value}Z` })));
      expect(parsed.events).toEqual([]);
      expect(codes(parsed)).toEqual(['invalid-date']);
    },
  );

  test.each([
    ['20240102T000000', '2024-01-02T00:00:00Z'],
    // 24:00 is not iCalendar, but some exporters write it for the midnight that ends a day.
    ['20240102T240000', '2024-01-03T00:00:00Z'],
    ['20240229T240000', '2024-03-01T00:00:00Z'],
    ['20241231T240000', '2025-01-01T00:00:00Z'],
    // A leap second is read as the second before it.
    ['20240102T120060', '2024-01-02T12:00:59Z'],
  ])('the boundary time %s reads as %s', (value, expected) => {
    const parsed = parseCalendar(calendar(event({ uid: 'e1', start: `${value}Z` })));
    expect(show(only(parsed).start)).toBe(expected);
    expect(parsed.issues).toEqual([]);
  });

  test('an invalid DTEND keeps the event, without an end, and says so', () => {
    const parsed = parseCalendar(calendar(event({ uid: 'e1', start: '20240102T090000Z', end: '20240102T096000Z' })));
    const read = only(parsed);
    expect(show(read.end)).toBe('2024-01-02T09:00:00Z');
    expect(codes(parsed)).toEqual(['invalid-end']);
  });

  test('invalid dates in the large real file each cost only their own event', () => {
    const text = fixture('node-ical__test__fixtures__large-file-with-late-error.ics');
    const parsed = parseCalendar(text);
    const blocks = text.split('BEGIN:VEVENT').length - 1;
    const invalid = parsed.issues.filter((i) => i.code === 'invalid-date');
    // Events 060 and 061 (30 and 31 February) among them.
    expect(invalid.map((i) => i.uid)).toEqual(expect.arrayContaining(['event060@example.com', 'event061@example.com']));
    const duplicate = parsed.issues.filter((i) => i.code === 'duplicate-start');
    expect(duplicate).toEqual([expect.objectContaining({ uid: 'event_error@example.com', line: lineOf(text, 'BEGIN:VEVENT', blocks - 1) })]);
    expect(parsed.events).toHaveLength(blocks - invalid.length - duplicate.length);
    expect(parsed.events.map((e) => e.summary)).toContain('Event 400');
  });
});

describe('records that cost only themselves', () => {
  test('a truncated file keeps the complete events before the cut and reports the cut one and the file', () => {
    const whole = calendar(
      event({ uid: 'first', summary: 'First', start: '20240102T090000Z' }),
      event({ uid: 'second', summary: 'Second', start: '20240103T090000Z' }),
      event({ uid: 'third', summary: 'Third', start: '20240104T090000Z', end: '20240104T100000Z' }),
    );
    const cut = whole.slice(0, whole.indexOf('DTEND:20240104'));
    const parsed = parseCalendar(cut);
    expect(parsed.events.map((e) => e.summary)).toEqual(['First', 'Second']);
    expect(parsed.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'truncated-file' }),
      expect.objectContaining({ severity: 'error', code: 'truncated-event', uid: 'third', line: lineOf(cut, 'BEGIN:VEVENT', 2) }),
    ]);
  });

  test('a file cut right after an END:VEVENT keeps every event and reports only the file', () => {
    const whole = calendar(event({ uid: 'first', start: '20240102T090000Z' }), event({ uid: 'second', start: '20240103T090000Z' }));
    const parsed = parseCalendar(whole.slice(0, whole.lastIndexOf('END:VCALENDAR')));
    expect(parsed.events.map((e) => e.uid)).toEqual(['first', 'second']);
    expect(codes(parsed)).toEqual(['truncated-file']);
  });

  test('a duplicate DTSTART costs only that event', () => {
    const text = calendar(
      event({ uid: 'before', start: '20240102T090000Z' }),
      event({ uid: 'twice', start: '20240103T090000Z', extra: ['DTSTART:20240103T100000Z'] }),
      event({ uid: 'after', start: '20240104T090000Z' }),
    );
    const parsed = parseCalendar(text);
    expect(parsed.events.map((e) => e.uid)).toEqual(['before', 'after']);
    expect(parsed.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'duplicate-start', uid: 'twice', line: lineOf(text, 'BEGIN:VEVENT', 1) }),
    ]);
  });

  test('an invalid RRULE costs only its own event (badRRULE.ics)', () => {
    const text = fixture('node-ical__test__fixtures__badRRULE.ics');
    const parsed = parseCalendar(text);
    expect(parsed.blockCount).toBe(3);
    expect(parsed.events.map((e) => e.summary)).toEqual(['Brain Break', 'Invalid RRULE property']);
    expect(parsed.events.map((e) => e.rrules)).toEqual([['FREQ=WEEKLY;BYDAY=FR,MO,TH,TU,WE'], ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR']]);
    expect(parsed.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'invalid-recurrence', uid: '11le1ep09hvog7dbotn6foj38e@google.com', line: 47 }),
    ]);
  });

  test('a refused RRULE costs its event with recurrence-refused', () => {
    const parsed = parseCalendar(
      calendar(event({ uid: 'hourly', start: '20240102T090000Z', rrule: 'FREQ=HOURLY' }), event({ uid: 'ok', start: '20240102T090000Z' })),
    );
    expect(parsed.events.map((e) => e.uid)).toEqual(['ok']);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'recurrence-refused', uid: 'hourly' })]);
  });

  test('an event without DTSTART is reported as missing-start', () => {
    const parsed = parseCalendar(calendar(event({ uid: 'nowhere', summary: 'Somewhen' })));
    expect(parsed.events).toEqual([]);
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'missing-start', uid: 'nowhere' })]);
  });
});

describe('case-insensitive names and values', () => {
  test.each([
    ['STATUS:cancelled', { status: 'cancelled' }],
    ['status:cancelled', { status: 'cancelled' }],
    ['STATUS:Tentative', { status: 'tentative' }],
    ['STATUS:CANCELED', { status: 'cancelled' }],
    ['TRANSP:transparent', { isTransparent: true }],
    ['transp:transparent', { isTransparent: true }],
    ['TRANSP:opaque', { isTransparent: false }],
    ['X-MICROSOFT-CDO-BUSYSTATUS:oof', { busyStatus: 'oof' }],
    ['x-microsoft-cdo-busystatus:Free', { busyStatus: 'free' }],
    ['summary:Budget review', { summary: 'Budget review' }],
    ['categories:Strategy,Board', { categories: ['Strategy', 'Board'] }],
  ])('%s is understood', (line, expected) => {
    expect(parseOne({ start: '20240102T090000Z', extra: [line] })).toMatchObject(expected);
  });

  test('an event written entirely in lower case is read like its upper-case twin', () => {
    const upper = [
      'BEGIN:VEVENT',
      'UID:same',
      'DTSTART;TZID=Europe/Berlin:20240102T090000',
      'DTEND;TZID=Europe/Berlin:20240102T100000',
      'SUMMARY:Staff meeting',
      'STATUS:CANCELLED',
      'TRANSP:TRANSPARENT',
      'ATTENDEE;CN=Ada;PARTSTAT=DECLINED:mailto:ada@example.com',
      'END:VEVENT',
    ];
    const lower = [
      'begin:vevent',
      'uid:same',
      'dtstart;tzid=Europe/Berlin:20240102T090000',
      'dtend;tzid=Europe/Berlin:20240102T100000',
      'summary:Staff meeting',
      'status:cancelled',
      'transp:transparent',
      'attendee;cn=Ada;partstat=declined:mailto:ada@example.com',
      'end:vevent',
    ];
    const read = (lines: string[]) => only(parseCalendar(calendar(lines.join(CRLF) + CRLF)));
    const fromLower = read(lower);
    expect(fromLower).toEqual({ ...read(upper), line: fromLower.line });
    expect(fromLower).toMatchObject({ summary: 'Staff meeting', status: 'cancelled', isTransparent: true });
    expect(show(fromLower.start)).toBe('2024-01-02T08:00:00Z');
  });
});

describe('time zones', () => {
  test('an Outlook DTSTART with its value inside the TZID quotes is read, not reported missing (ms_timezones.ics)', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__ms_timezones.ics'));
    expect(codes(parsed)).not.toContain('missing-start');
    const jira = parsed.events.find((e) => e.summary === "Log Yesterday's Jira time");
    expect(jira && show(jira.start)).toBe('2020-06-09T07:00:00Z'); // 09:00 in W. Europe Standard Time (CEST)
  });

  test('a lower-case IANA name is read as the canonical zone', () => {
    const parsed = parseOne({ start: ';TZID=europe/berlin:20240102T090000' });
    expect(parsed.start).toEqual({ kind: 'time', ms: Date.parse('2024-01-02T08:00:00Z'), zone: 'Europe/Berlin' });
  });

  const berlinLike = vtimezone(
    'Customized Time Zone',
    { start: '16010101T030000', offsetFrom: '+0200', offsetTo: '+0100', rrule: 'FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10' },
    { start: '16010101T020000', offsetFrom: '+0100', offsetTo: '+0200', rrule: 'FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3' },
  );
  const india = vtimezone('Customized Time Zone 2', { start: '16010101T000000', offsetFrom: '+0530', offsetTo: '+0530' });

  test.each([
    ['W. Europe Standard Time', '20240115T090000', '2024-01-15T08:00:00Z'],
    ['W. Europe Standard Time', '20240715T090000', '2024-07-15T07:00:00Z'],
    ['"W. Europe Standard Time"', '20240715T090000', '2024-07-15T07:00:00Z'],
    ['Pacific Standard Time', '20240715T090000', '2024-07-15T16:00:00Z'],
    ['"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"', '20240715T090000', '2024-07-15T07:00:00Z'],
    ['"(UTC-05:00) Eastern Time (US & Canada)"', '20240115T090000', '2024-01-15T14:00:00Z'],
    ['"Amsterdam, Belgrade, Berlin, Brussels, Budapest, Madrid, Paris, Prague, Stockholm"', '20240715T090000', '2024-07-15T07:00:00Z'],
    // Bare offsets are fixed: no summer time.
    ['UTC+01', '20240715T090000', '2024-07-15T08:00:00Z'],
    ['"(GMT +01:00)"', '20240715T090000', '2024-07-15T08:00:00Z'],
    ['GMT-4', '20240115T090000', '2024-01-15T13:00:00Z'],
    ['"UTC+05:30"', '20240115T090000', '2024-01-15T03:30:00Z'],
    // Defined only by the file's own VTIMEZONE.
    ['Customized Time Zone', '20240115T090000', '2024-01-15T08:00:00Z'],
    ['Customized Time Zone', '20240715T090000', '2024-07-15T07:00:00Z'],
    ['"Customized Time Zone 2"', '20240715T090000', '2024-07-15T03:30:00Z'],
    ['/mozilla.org/20050126_1/Europe/Berlin', '20240715T090000', '2024-07-15T07:00:00Z'],
    ['Europe/Berlin', '20240331T023000', '2024-03-31T01:30:00Z'],
  ])('TZID=%s at %s is the instant %s', (tzid, wall, expected) => {
    const parsed = parseCalendar(calendar(event({ uid: 'e1', start: `;TZID=${tzid}:${wall}` }), { timezones: [berlinLike, india] }));
    expect(show(only(parsed).start)).toBe(expected);
    expect(parsed.issues).toEqual([]);
  });

  test.each([
    ['node-ical__test__fixtures__Office-2012-owa.ics', 0, '2020-10-28T02:30:00Z'], // (GMT+10:00) Canberra, Melbourne, Sydney: summer time
    ['node-ical__test__fixtures__Office-2012-owa.ics', 1, '2020-10-28T17:30:00Z'], // (UTC-05:00) Eastern Time (US & Canada)
    ['node-ical__test__fixtures__music-school-weekly-until.ics', 0, '2022-10-04T13:00:00Z'], // (GMT +01:00)
    ['node-ical__test__fixtures__exchange-custom-tz.ics', 0, '2019-04-30T02:00:00Z'], // (UTC+07:00) Bangkok
    ['node-ical__test__fixtures__multi-era-vtimezone.ics', 0, '2025-06-10T18:00:00Z'], // Customized Time Zone 1 (EDT)
    ['node-ical__test__fixtures__multi-era-vtimezone.ics', 1, '1985-10-15T18:00:00Z'],
    ['node-ical__test__fixtures__test_with_tz_list.ics', 0, '2024-04-15T17:00:00Z'], // a list of cities
    ['node-ical__test__fixtures__ms_timezones.ics', 0, '2020-09-10T07:00:00Z'], // W. Europe Standard Time
  ])('%s event %i starts at %s', (file, index, expected) => {
    const parsed = parseCalendar(fixture(file));
    expect(show(parsed.events[index]!.start)).toBe(expected);
    expect(parsed.issues.filter((i) => i.code === 'unknown-time-zone')).toEqual([]);
  });

  test('an unknown TZID is reported once, on its line, and its times are read as floating', () => {
    const text = calendar(
      event({ uid: 'a', start: ';TZID=Mars/Olympus_Mons:20240715T090000', end: ';TZID=Mars/Olympus_Mons:20240715T100000' }),
      event({ uid: 'b', start: ';TZID=Mars/Olympus_Mons:20240716T090000' }),
      { timeZone: 'America/New_York' },
    );
    const parsed = parseCalendar(text);
    expect(parsed.events.map((e) => show(e.start))).toEqual(['2024-07-15T13:00:00Z', '2024-07-16T13:00:00Z']);
    expect(parsed.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'unknown-time-zone', line: lineOf(text, 'DTSTART;TZID=Mars') }),
    ]);
    expect(parsed.issues[0]!.message).toContain('America/New_York');
  });

  test('a custom TZID without its VTIMEZONE is unknown (bad_custom_ms_tz2.ics)', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__bad_custom_ms_tz2.ics'), { floatingZone: 'Europe/Berlin' });
    expect(parsed.issues).toContainEqual(expect.objectContaining({ code: 'unknown-time-zone', line: 6 }));
    expect(show(parsed.events[0]!.start)).toBe('2021-03-25T09:35:00Z');
  });
});

describe('floating times', () => {
  const floating = (calendarOptions: object, options: ParseOptions) =>
    parseCalendar(calendar(event({ uid: 'f', start: '20240715T090000', end: '20240715T100000' }), calendarOptions), options);

  test.each([
    ['X-WR-TIMEZONE wins over the option', { timeZone: 'America/New_York' }, { floatingZone: 'Asia/Tokyo' }, '2024-07-15T13:00:00Z', 'America/New_York'],
    ['X-WR-TIMEZONE alone', { timeZone: 'Asia/Tokyo' }, {}, '2024-07-15T00:00:00Z', 'Asia/Tokyo'],
    ['the floatingZone option without X-WR-TIMEZONE', {}, { floatingZone: 'Asia/Tokyo' }, '2024-07-15T00:00:00Z', 'Asia/Tokyo'],
    ['a Windows X-WR-TIMEZONE', { timeZone: 'W. Europe Standard Time' }, {}, '2024-07-15T07:00:00Z', 'Europe/Berlin'],
    ['neither: UTC, not the machine zone', {}, {}, '2024-07-15T09:00:00Z', 'UTC'],
  ])('%s', (_name, calendarOptions, options, expected, zone) => {
    const parsed = floating(calendarOptions, options);
    expect(show(only(parsed).start)).toBe(expected);
    expect(parsed.floatingZone).toBe(zone);
  });

  test('a floating event in mixed-timezone-handling.ics is read in its X-WR-TIMEZONE (US/Pacific)', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__mixed-timezone-handling.ics'));
    const noZone = parsed.events.find((e) => e.summary === 'No Timezone')!;
    // 28 October 2002, 01:20:30 PST (summer time ended the day before).
    expect(show(noZone.start)).toBe('2002-10-28T09:20:30Z');
  });
});

describe('dates and durations', () => {
  test('an Outlook all-day event written as midnight date-times is read as its dates', () => {
    const parsed = parseOne({
      start: ';TZID=W. Europe Standard Time:20260303T000000',
      end: ';TZID=W. Europe Standard Time:20260306T000000',
      extra: ['X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'],
    });
    expect([parsed.start, parsed.end]).toEqual([
      { kind: 'date', date: '2026-03-03' },
      { kind: 'date', date: '2026-03-06' },
    ]);
  });

  test('the Outlook all-day flag on a timed event that is not midnight to midnight changes nothing', () => {
    const parsed = parseOne({ start: '20260303T090000Z', end: '20260303T100000Z', extra: ['X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'] });
    expect(parsed.start.kind).toBe('time');
  });

  test.each([
    ['a one-day event', ';VALUE=DATE:20240301', ';VALUE=DATE:20240302', '2024-03-01', '2024-03-02'],
    ['a three-day event', ';VALUE=DATE:20240301', ';VALUE=DATE:20240304', '2024-03-01', '2024-03-04'],
    ['an event over a month end in a leap year', ';VALUE=DATE:20240228', ';VALUE=DATE:20240302', '2024-02-28', '2024-03-02'],
    ['an event without DTEND', ';VALUE=DATE:20240301', undefined, '2024-03-01', '2024-03-02'],
    ['an event whose DTEND equals DTSTART', ';VALUE=DATE:20241231', ';VALUE=DATE:20241231', '2024-12-31', '2025-01-01'],
    ['a date written without VALUE=DATE', ':20240301', ':20240303', '2024-03-01', '2024-03-03'],
  ])('%s keeps its dates', (_name, start, end, expectedStart, expectedEnd) => {
    const parsed = parseCalendar(calendar(event({ uid: 'd', start, end })));
    const read = only(parsed);
    expect([read.start.kind, show(read.start), show(read.end)]).toEqual(['date', expectedStart, expectedEnd]);
    expect(parsed.issues).toEqual([]);
  });

  test('a multi-day all-day event keeps its dates whatever TZID it carries (sabredav-school-holidays.ics)', () => {
    const read = only(parseCalendar(fixture('node-ical__test__fixtures__sabredav-school-holidays.ics')));
    expect([show(read.start), show(read.end)]).toEqual(['2018-07-02', '2018-08-11']);
  });

  test.each([
    ['PT1H', '20240102T090000Z', '2024-01-02T10:00:00Z'],
    ['PT1H15M5S', '20240102T090000Z', '2024-01-02T10:15:05Z'],
    ['P1DT2H', '20240102T090000Z', '2024-01-03T11:00:00Z'],
    ['P1W', '20240102T090000Z', '2024-01-09T09:00:00Z'],
    ['PT1W', '20240102T090000Z', '2024-01-09T09:00:00Z'],
    ['PT0S', '20240102T090000Z', '2024-01-02T09:00:00Z'],
    ['P2D', ';VALUE=DATE:20240102', '2024-01-04'],
    ['PT1W', ';VALUE=DATE:20240102', '2024-01-09'],
    ['PT0S', ';VALUE=DATE:20240102', '2024-01-03'],
    // A day is a calendar day: the wall-clock time stays across the change to summer time.
    ['P1D', ';TZID=Europe/Berlin:20240330T120000', '2024-03-31T10:00:00Z'],
    ['PT24H', ';TZID=Europe/Berlin:20240330T120000', '2024-03-31T11:00:00Z'],
  ])('DURATION:%s from %s ends at %s', (duration, start, expected) => {
    const parsed = parseCalendar(calendar(event({ uid: 'd', start, extra: [`DURATION:${duration}`] })));
    expect(show(only(parsed).end)).toBe(expected);
    expect(parsed.issues).toEqual([]);
  });

  test.each(['P1M', 'P', '-PT1H', 'PT1H30', 'one hour'])('DURATION:%s is invalid-duration and the event is kept without an end', (duration) => {
    const parsed = parseCalendar(calendar(event({ uid: 'd', start: '20240102T090000Z', extra: [`DURATION:${duration}`] })));
    expect(show(only(parsed).end)).toBe('2024-01-02T09:00:00Z');
    expect(codes(parsed)).toEqual(['invalid-duration']);
  });

  test.each([
    ['node-ical__test__fixtures__test_date_time_duration.ics', '2024-02-15T09:00:00Z', '2024-02-15T10:15:00Z'],
    ['node-ical__test__fixtures__test_date_duration.ics', '2024-02-15', '2024-02-22'],
    ['icaljs__samples__duration_instead_of_dtend.ics', '2012-06-30T13:00:00Z', '2012-07-01T13:00:00Z'],
  ])('%s: DURATION instead of DTEND gives %s to %s', (file, start, end) => {
    const read = parseCalendar(fixture(file)).events[0]!;
    expect([show(read.start), show(read.end)]).toEqual([start, end]);
  });

  test.each([
    ['an end before the start', '20240102T090000Z', '20240102T080000Z', 'end-before-start'],
    ['a date end on a timed start', '20240102T090000Z', ';VALUE=DATE:20240103', 'mismatched-end'],
  ])('%s is ignored and reported', (_name, start, end, code) => {
    const parsed = parseCalendar(calendar(event({ uid: 'd', start, end })));
    expect(show(only(parsed).end)).toBe('2024-01-02T09:00:00Z');
    expect(codes(parsed)).toEqual([code]);
  });
});

describe('identity', () => {
  const noUid = (summary: string, start = '20240102T090000Z') => event({ summary, start, end: '20240102T100000Z' });

  test('an event without UID gets the same derived UID on every parse, and in any position in the file', () => {
    const first = parseCalendar(calendar(noUid('Staff meeting'), noUid('Budget review')));
    const again = parseCalendar(calendar(noUid('Budget review'), noUid('Staff meeting')));
    const uidOf = (parsed: ParsedCalendar, summary: string) => parsed.events.find((e) => e.summary === summary)!.uid;
    expect(uidOf(again, 'Staff meeting')).toBe(uidOf(first, 'Staff meeting'));
    expect(uidOf(again, 'Budget review')).toBe(uidOf(first, 'Budget review'));
    expect(first.events.every((e) => !e.hasOwnUid && /^altitude-[0-9a-f]{32}$/.test(e.uid))).toBe(true);
  });

  test.each([
    ['another title', noUid('Budget review')],
    ['another start', noUid('Staff meeting', '20240103T090000Z')],
    ['another end', event({ summary: 'Staff meeting', start: '20240102T090000Z', end: '20240102T103000Z' })],
  ])('an event without UID that differs by %s gets a different UID', (_name, other) => {
    const parsed = parseCalendar(calendar(noUid('Staff meeting'), other));
    expect(parsed.events).toHaveLength(2);
    expect(parsed.events[0]!.uid).not.toBe(parsed.events[1]!.uid);
  });

  test('an event with a UID keeps it', () => {
    expect(parseOne({ uid: 'abc@example.com', start: '20240102T090000Z' })).toMatchObject({ uid: 'abc@example.com', hasOwnUid: true });
  });
});

describe('several versions of one UID', () => {
  test('the highest SEQUENCE wins wherever it stands, and each older version is reported', () => {
    const text = calendar(
      event({ uid: 'v', summary: 'First', start: '20240102T090000Z', extra: ['SEQUENCE:0'] }),
      event({ uid: 'v', summary: 'Latest', start: '20240102T110000Z', extra: ['SEQUENCE:2'] }),
      event({ uid: 'v', summary: 'Middle', start: '20240102T100000Z', extra: ['SEQUENCE:1'] }),
    );
    const parsed = parseCalendar(text);
    expect(only(parsed).summary).toBe('Latest');
    expect(parsed.issues).toEqual([
      expect.objectContaining({ severity: 'info', code: 'older-version-ignored', uid: 'v', line: lineOf(text, 'BEGIN:VEVENT', 0) }),
      expect.objectContaining({ severity: 'info', code: 'older-version-ignored', uid: 'v', line: lineOf(text, 'BEGIN:VEVENT', 2) }),
    ]);
  });

  test('the same SEQUENCE twice is reported as duplicate-uid and the later entry is kept', () => {
    const text = calendar(
      event({ uid: 'v', summary: 'Earlier', start: '20240102T090000Z' }),
      event({ uid: 'v', summary: 'Later', start: '20240102T100000Z' }),
    );
    const parsed = parseCalendar(text);
    expect(only(parsed).summary).toBe('Later');
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'duplicate-uid', uid: 'v', line: lineOf(text, 'BEGIN:VEVENT', 0) })]);
  });

  test('duplicate-uid-sequence.ics keeps the newer version of each UID', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__duplicate-uid-sequence.ics'));
    expect(parsed.events.map((e) => e.summary).sort()).toEqual(['Team Meeting (SEQUENCE 2)', 'Updated version (SEQUENCE 3) - should win']);
    expect(codes(parsed)).toEqual(['older-version-ignored', 'older-version-ignored']);
  });

  test('overrides are versioned per RECURRENCE-ID (recurrence-sequence.ics)', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__recurrence-sequence.ics'));
    const overrides = parsed.events.filter((e) => e.recurrenceId).map((e) => [show(e.recurrenceId!), e.summary]);
    expect(overrides.sort()).toEqual([
      ['2024-01-02T10:00:00Z', 'Moved to afternoon (SEQUENCE 3)'],
      ['2024-01-03T10:00:00Z', 'Newer override (SEQUENCE 5) - should win'],
      ['2024-01-04T09:00:00Z', 'Morning slot (SEQUENCE 2)'],
      ['2024-01-04T15:00:00Z', 'Afternoon slot (SEQUENCE 4) - different time same day'],
    ]);
    expect(codes(parsed)).toEqual(['older-version-ignored', 'older-version-ignored']);
  });
});

describe('other components', () => {
  test('VTODO, VJOURNAL and VFREEBUSY are reported as info and not read (vtodo-vfreebusy.ics)', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__vtodo-vfreebusy.ics'));
    expect(parsed.events.map((e) => e.summary)).toEqual(['Coffee with Jason', 'Code Review', 'Dinner with T']);
    expect(parsed.issues).toEqual([
      {
        severity: 'info',
        code: 'other-components',
        message: 'The file also holds 1 VTODO, 1 VJOURNAL, 1 VFREEBUSY; only events (VEVENT) are time in a calendar and were read.',
      },
    ]);
  });

  test('a file of to-dos only has no events and says both things', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__utf8-french-calendar.ics'));
    expect(parsed.events).toEqual([]);
    expect(codes(parsed).sort()).toEqual(['no-events', 'other-components']);
  });

  test('an alarm inside an event is part of the event, not another component', () => {
    const parsed = parseCalendar(
      calendar(event({ uid: 'a', start: '20240102T090000Z', extra: ['BEGIN:VALARM', 'TRIGGER:-PT15M', 'DURATION:PT1H', 'ACTION:DISPLAY', 'END:VALARM'] })),
    );
    expect(show(only(parsed).end)).toBe('2024-01-02T09:00:00Z');
    expect(parsed.issues).toEqual([]);
  });
});

describe('people', () => {
  test("the attendees' PARTSTAT and CUTYPE are read, rooms told apart from people", () => {
    const read = parseOne({
      start: '20240102T090000Z',
      extra: [
        organizer('assistant@example.com', 'Assistant'),
        attendee('Leader@Example.com', { CN: '"Lee, Leader"', PARTSTAT: 'DECLINED' }),
        attendee('peer@example.com', { PARTSTAT: 'TENTATIVE' }),
        attendee('report@example.com', { PARTSTAT: 'ACCEPTED', CUTYPE: 'INDIVIDUAL' }),
        attendee('room-4.12@example.com', { CUTYPE: 'ROOM', CN: 'Room 4.12', PARTSTAT: 'ACCEPTED' }),
        attendee('beamer@example.com', { CUTYPE: 'RESOURCE' }),
        attendee('team@example.com', { CUTYPE: 'GROUP', PARTSTAT: 'NEEDS-ACTION' }),
      ],
    });
    expect(read.organizer).toEqual({ email: 'assistant@example.com', name: 'Assistant' });
    expect(read.attendees).toEqual([
      { email: 'leader@example.com', name: 'Lee, Leader', response: 'declined', kind: 'person' },
      { email: 'peer@example.com', name: null, response: 'tentative', kind: 'person' },
      { email: 'report@example.com', name: null, response: 'accepted', kind: 'person' },
      { email: 'room-4.12@example.com', name: 'Room 4.12', response: 'accepted', kind: 'room' },
      { email: 'beamer@example.com', name: null, response: 'none', kind: 'resource' },
      { email: 'team@example.com', name: null, response: 'needs-action', kind: 'group' },
    ]);
  });

  test('a folded ATTENDEE line of Apple Calendar is read whole (tentative-apple-calendar.ics)', () => {
    const parsed = parseCalendar(fixture('node-ical__test__fixtures__tentative-apple-calendar.ics'));
    const tentative = parsed.events.find((e) => e.summary === 'Tentative')!;
    expect(tentative.status).toBe('tentative');
    expect(tentative.attendees).toEqual([{ email: 'tentative@example.com', name: 'tentative@example.com', response: 'tentative', kind: 'person' }]);
    expect(parsed.events.find((e) => e.summary === 'Cancelled')!.status).toBe('cancelled');
  });
});
