import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_EXPANSION_LIMITS,
  expandEvents,
  type EventInstance,
  type Expansion,
  type ExpansionWindow,
} from '../../../server/domain/ics/expand-events.ts';
import { parseCalendar } from '../../../server/domain/ics/parse-calendar.ts';
import type { When } from '../../../server/domain/ics/when.ts';
import { FIXTURE_DIR } from '../../support/digest-fixtures.ts';
import { calendar, event } from '../../support/ics-builder.ts';

const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

/** A window of whole UTC days, `from` and `to` inclusive. */
function days(from: string, to: string): ExpansionWindow {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  return { fromDate: from, toDate: to, fromMs: Date.parse(`${from}T00:00:00Z`), toMs: next.getTime() };
}

const WIDE = days('2000-01-01', '2030-12-31');

function show(when: When): string {
  return when.kind === 'date' ? when.date : new Date(when.ms).toISOString().replace('.000Z', 'Z');
}

function expand(text: string, window: ExpansionWindow = WIDE, limits = DEFAULT_EXPANSION_LIMITS): Expansion {
  const parsed = parseCalendar(text);
  return expandEvents(parsed.events, window, limits);
}

const starts = (instances: EventInstance[]) => instances.map((i) => show(i.start));
const keys = (instances: EventInstance[]) => instances.map((i) => i.recurrenceId);

describe('the window', () => {
  const daily = calendar(event({ uid: 'd', start: '20240101T090000Z', end: '20240101T093000Z', rrule: 'FREQ=DAILY' }));

  test('an endless series is expanded only inside the window', () => {
    const { instances, issues } = expand(daily, days('2024-03-01', '2024-03-07'));
    expect(starts(instances)).toEqual([
      '2024-03-01T09:00:00Z',
      '2024-03-02T09:00:00Z',
      '2024-03-03T09:00:00Z',
      '2024-03-04T09:00:00Z',
      '2024-03-05T09:00:00Z',
      '2024-03-06T09:00:00Z',
      '2024-03-07T09:00:00Z',
    ]);
    expect(issues).toEqual([]);
  });

  test.each([
    ['ends exactly at the window start', '20240229T230000Z', '20240301T000000Z', false],
    ['overlaps the window start', '20240229T233000Z', '20240301T003000Z', true],
    ['starts in the last minute', '20240307T235900Z', '20240308T003000Z', true],
    ['starts exactly at the window end', '20240308T000000Z', '20240308T010000Z', false],
    ['has no duration, at the window start', '20240301T000000Z', undefined, true],
    ['has no duration, at the window end', '20240308T000000Z', undefined, false],
  ])('a timed event that %s: inside is %s', (_name, start, end, isInside) => {
    const result = expand(calendar(event({ uid: 'one', start, end })), days('2024-03-01', '2024-03-07'));
    expect(result.instances.length).toBe(isInside ? 1 : 0);
    expect(result.outsideWindow).toBe(isInside ? 0 : 1);
  });

  test.each([
    ['the day before the window', '20240229', '20240301', false],
    ['the first day of the window', '20240301', '20240302', true],
    ['the last day of the window', '20240307', '20240308', true],
    ['the day after the window', '20240308', '20240309', false],
    ['days across the window start', '20240227', '20240302', true],
  ])('an all-day event on %s: inside is %s', (_name, start, end, isInside) => {
    const result = expand(calendar(event({ uid: 'one', start: `;VALUE=DATE:${start}`, end: `;VALUE=DATE:${end}` })), days('2024-03-01', '2024-03-07'));
    expect(result.instances.length).toBe(isInside ? 1 : 0);
  });

  test('a series instance that began before the window and lasts into it is kept', () => {
    const text = calendar(event({ uid: 'n', start: '20240101T220000Z', end: '20240102T020000Z', rrule: 'FREQ=DAILY' }));
    expect(starts(expand(text, days('2024-03-01', '2024-03-01')).instances)).toEqual(['2024-02-29T22:00:00Z', '2024-03-01T22:00:00Z']);
  });

  test('a single event is its own instance, without recurrence id', () => {
    const { instances } = expand(calendar(event({ uid: 'one', start: '20240102T090000Z', end: '20240102T100000Z' })));
    expect(instances).toEqual([
      expect.objectContaining({ uid: 'one', recurrenceId: null, isRecurring: false, start: expect.objectContaining({ ms: Date.parse('2024-01-02T09:00:00Z') }) }),
    ]);
  });
});

describe('EXDATE and EXRULE', () => {
  const series = (...exdates: string[]) =>
    calendar(
      event({
        uid: 's',
        start: ';TZID=Europe/Berlin:20240304T090000',
        end: ';TZID=Europe/Berlin:20240304T100000',
        rrule: 'FREQ=DAILY;COUNT=4',
        exdate: exdates,
      }),
    );

  test.each([
    ['nothing', [], ['2024-03-04T08:00:00Z', '2024-03-05T08:00:00Z', '2024-03-06T08:00:00Z', '2024-03-07T08:00:00Z']],
    ['its instance, in the series zone', [';TZID=Europe/Berlin:20240305T090000'], ['2024-03-04T08:00:00Z', '2024-03-06T08:00:00Z', '2024-03-07T08:00:00Z']],
    ['its instance, written in UTC', [':20240305T080000Z'], ['2024-03-04T08:00:00Z', '2024-03-06T08:00:00Z', '2024-03-07T08:00:00Z']],
    ['two instances in one line', [';TZID=Europe/Berlin:20240304T090000,20240307T090000'], ['2024-03-05T08:00:00Z', '2024-03-06T08:00:00Z']],
    ['nothing when it misses by an hour', [';TZID=Europe/Berlin:20240305T100000'], ['2024-03-04T08:00:00Z', '2024-03-05T08:00:00Z', '2024-03-06T08:00:00Z', '2024-03-07T08:00:00Z']],
    ['that day, when it is a DATE', [';VALUE=DATE:20240306'], ['2024-03-04T08:00:00Z', '2024-03-05T08:00:00Z', '2024-03-07T08:00:00Z']],
  ])('EXDATE removes %s', (_name, exdates, expected) => {
    expect(starts(expand(series(...exdates)).instances)).toEqual(expected);
  });

  test('a DATE EXDATE matches the day in the series zone, not in UTC', () => {
    // 00:30 in Berlin is 23:30 UTC the day before.
    const text = calendar(
      event({ uid: 'late', start: ';TZID=Europe/Berlin:20240304T003000', rrule: 'FREQ=DAILY;COUNT=3', exdate: ';VALUE=DATE:20240305' }),
    );
    expect(starts(expand(text).instances)).toEqual(['2024-03-03T23:30:00Z', '2024-03-05T23:30:00Z']);
  });

  test('a DATE EXDATE on a real timed series removes that day (rdate_exdate.ics)', () => {
    expect(starts(expand(fixture('icaljs__samples__rdate_exdate.ics')).instances)).toEqual([
      '2024-06-09T03:00:00Z',
      '2024-06-10T03:00:00Z',
      '2024-06-12T03:00:00Z',
    ]);
  });

  test('EXDATE removes an all-day instance', () => {
    const text = calendar(
      event({ uid: 'a', start: ';VALUE=DATE:20240304', end: ';VALUE=DATE:20240305', rrule: 'FREQ=DAILY;COUNT=3', exdate: ';VALUE=DATE:20240305' }),
    );
    expect(starts(expand(text).instances)).toEqual(['2024-03-04', '2024-03-06']);
  });

  test.each([
    ['the weekends, keeping its Monday start', '20240304T090000Z', 'FREQ=WEEKLY;BYDAY=SA,SU', ['03-04', '03-05', '03-06', '03-07', '03-08', '03-11', '03-12', '03-13']],
    ['the Mondays, its start included', '20240304T090000Z', 'FREQ=WEEKLY;BYDAY=MO', ['03-05', '03-06', '03-07', '03-08', '03-09', '03-10', '03-12', '03-13']],
    ['every other day from its start', '20240304T090000Z', 'FREQ=DAILY;INTERVAL=2', ['03-05', '03-07', '03-09', '03-11', '03-13']],
    ['the weekends of an all-day series', ';VALUE=DATE:20240304', 'FREQ=WEEKLY;BYDAY=SA,SU', ['03-04', '03-05', '03-06', '03-07', '03-08', '03-11', '03-12', '03-13']],
    ['the Mondays of an all-day series', ';VALUE=DATE:20240304', 'FREQ=WEEKLY;BYDAY=MO', ['03-05', '03-06', '03-07', '03-08', '03-09', '03-10', '03-12', '03-13']],
  ])('EXRULE subtracts %s', (_name, start, exrule, expected) => {
    const text = calendar(event({ uid: 'x', start, rrule: 'FREQ=DAILY;COUNT=10', extra: [`EXRULE:${exrule}`] }));
    expect(starts(expand(text).instances).map((s) => s.slice(5, 10))).toEqual(expected);
  });
});

describe('RDATE', () => {
  test('RDATE adds instances, each lasting as long as the first', () => {
    const text = calendar(
      event({
        uid: 'r',
        start: '20240304T090000Z',
        end: '20240304T100000Z',
        rrule: 'FREQ=WEEKLY;COUNT=2',
        extra: ['RDATE:20240306T150000Z,20240320T090000Z', 'RDATE;VALUE=PERIOD:20240322T120000Z/20240322T180000Z'],
      }),
    );
    const { instances } = expand(text);
    expect(instances.map((i) => [show(i.start), show(i.end)])).toEqual([
      ['2024-03-04T09:00:00Z', '2024-03-04T10:00:00Z'],
      ['2024-03-06T15:00:00Z', '2024-03-06T16:00:00Z'],
      ['2024-03-11T09:00:00Z', '2024-03-11T10:00:00Z'],
      ['2024-03-20T09:00:00Z', '2024-03-20T10:00:00Z'],
      ['2024-03-22T12:00:00Z', '2024-03-22T13:00:00Z'],
    ]);
  });

  test("a date-only RDATE on a timed series takes the series' time of day in its zone", () => {
    const text = calendar(
      event({ uid: 'r', start: ';TZID=Europe/Berlin:20240304T090000', end: ';TZID=Europe/Berlin:20240304T100000', extra: ['RDATE;VALUE=DATE:20240410'] }),
    );
    // 09:00 in Berlin is 08:00 UTC in March (CET) and 07:00 UTC in April (CEST).
    expect(starts(expand(text).instances)).toEqual(['2024-03-04T08:00:00Z', '2024-04-10T07:00:00Z']);
  });

  test('RDATE alone makes a series out of a single event', () => {
    const text = calendar(event({ uid: 'r', start: '20240304T090000Z', extra: ['RDATE:20240305T090000Z'] }));
    const { instances } = expand(text);
    expect(keys(instances)).toEqual(['2024-03-04T09:00:00Z', '2024-03-05T09:00:00Z']);
    expect(instances.every((i) => i.isRecurring)).toBe(true);
  });

  test('RDATEs of a monthly series land between its instances, across the change of clock (recur_instances_finite.ics)', () => {
    expect(starts(expand(fixture('icaljs__samples__recur_instances_finite.ics')).instances)).toEqual([
      '2012-10-02T17:00:00Z',
      '2012-11-05T18:00:00Z',
      '2012-11-06T18:00:00Z',
      '2012-11-10T18:00:00Z',
      '2012-12-04T18:00:00Z',
    ]);
  });
});

describe('RECURRENCE-ID overrides', () => {
  test('an override moves and retitles its instance, which is counted once (daily-count-exdate-recurrence-id.ics)', () => {
    const { instances } = expand(fixture('node-ical__test__fixtures__daily-count-exdate-recurrence-id.ics'));
    // COUNT=10 from 6 July 2015, 12:00 Los Angeles, less the EXDATEs of 8 and 10 July.
    expect(instances).toHaveLength(8);
    const moved = instances.filter((i) => i.recurrenceId === '2015-07-07T19:00:00Z');
    expect(moved.map((i) => [show(i.start), i.event.summary])).toEqual([['2015-07-09T22:00:00Z', 'More Treasure Hunting']]);
    expect(instances.filter((i) => i.event.summary === 'Treasure Hunting').map((i) => i.recurrenceId)).toEqual([
      '2015-07-06T19:00:00Z',
      '2015-07-09T19:00:00Z',
      '2015-07-11T19:00:00Z',
      '2015-07-12T19:00:00Z',
      '2015-07-13T19:00:00Z',
      '2015-07-14T19:00:00Z',
      '2015-07-15T19:00:00Z',
    ]);
    expect(new Set(keys(instances)).size).toBe(instances.length);
  });

  test('an override listed before its master is matched all the same (google-recurrence-order.ics)', () => {
    const { instances } = expand(fixture('node-ical__test__fixtures__google-recurrence-order.ics'));
    expect(instances.map((i) => [i.recurrenceId, show(i.start), i.event.summary])).toEqual([
      ['2026-02-10T17:00:00Z', '2026-02-10T17:00:00Z', 'TEST RECURR 3'],
      ['2026-02-11T17:00:00Z', '2026-02-11T17:30:00Z', 'TEST RECURR 3 - MODIFIED'],
      ['2026-02-12T17:00:00Z', '2026-02-12T17:00:00Z', 'TEST RECURR 3'],
    ]);
  });

  const weekly = (override: string) =>
    calendar(
      event({ uid: 'w', summary: 'Staff meeting', start: '20240205T090000Z', end: '20240205T100000Z', rrule: 'FREQ=WEEKLY;COUNT=8' }),
      override,
    );

  test('an override moved into the window from a slot outside it is kept under its original slot', () => {
    const text = weekly(event({ uid: 'w', summary: 'Moved into March', recurrenceId: '20240226T090000Z', start: '20240301T140000Z', end: '20240301T150000Z' }));
    const { instances } = expand(text, days('2024-03-01', '2024-03-31'));
    expect(instances.map((i) => [i.recurrenceId, show(i.start), i.event.summary])).toEqual([
      ['2024-03-04T09:00:00Z', '2024-03-04T09:00:00Z', 'Staff meeting'],
      ['2024-03-11T09:00:00Z', '2024-03-11T09:00:00Z', 'Staff meeting'],
      ['2024-03-18T09:00:00Z', '2024-03-18T09:00:00Z', 'Staff meeting'],
      ['2024-03-25T09:00:00Z', '2024-03-25T09:00:00Z', 'Staff meeting'],
      ['2024-02-26T09:00:00Z', '2024-03-01T14:00:00Z', 'Moved into March'],
    ]);
  });

  test('an instance moved out of the window leaves it', () => {
    const text = weekly(event({ uid: 'w', summary: 'Moved to April', recurrenceId: '20240311T090000Z', start: '20240402T090000Z' }));
    const { instances } = expand(text, days('2024-03-01', '2024-03-31'));
    expect(keys(instances)).toEqual(['2024-03-04T09:00:00Z', '2024-03-18T09:00:00Z', '2024-03-25T09:00:00Z']);
  });

  test('a cancelled override stays as an instance with status cancelled', () => {
    const text = weekly(event({ uid: 'w', summary: 'Staff meeting', recurrenceId: '20240212T090000Z', start: '20240212T090000Z', end: '20240212T100000Z', extra: ['STATUS:CANCELLED'] }));
    const { instances } = expand(text, days('2024-02-01', '2024-02-29'));
    expect(instances.map((i) => [i.recurrenceId, i.event.status])).toEqual([
      ['2024-02-05T09:00:00Z', null],
      ['2024-02-12T09:00:00Z', 'cancelled'],
      ['2024-02-19T09:00:00Z', null],
      ['2024-02-26T09:00:00Z', null],
    ]);
  });

  test('an override written as a DATE on a timed series replaces that day', () => {
    const text = weekly(event({ uid: 'w', summary: 'Afternoon instead', recurrenceId: ';VALUE=DATE:20240212', start: '20240212T150000Z' }));
    const { instances } = expand(text, days('2024-02-01', '2024-02-29'));
    expect(instances.map((i) => [i.recurrenceId, show(i.start)])).toEqual([
      ['2024-02-05T09:00:00Z', '2024-02-05T09:00:00Z'],
      ['2024-02-12T09:00:00Z', '2024-02-12T15:00:00Z'],
      ['2024-02-19T09:00:00Z', '2024-02-19T09:00:00Z'],
      ['2024-02-26T09:00:00Z', '2024-02-26T09:00:00Z'],
    ]);
  });

  test('orphan overrides (no master in the file) stand alone, each under its own slot', () => {
    const text = calendar(
      event({ uid: 'invite', summary: 'Just this one', recurrenceId: '20240212T090000Z', start: '20240213T090000Z', end: '20240213T100000Z' }),
      event({ uid: 'invite', summary: 'And this one', recurrenceId: '20240219T090000Z', start: '20240219T090000Z', end: '20240219T100000Z' }),
    );
    const { instances } = expand(text);
    expect(instances.map((i) => [i.uid, i.recurrenceId, i.isRecurring, show(i.start), i.event.summary])).toEqual([
      ['invite', '2024-02-12T09:00:00Z', true, '2024-02-13T09:00:00Z', 'Just this one'],
      ['invite', '2024-02-19T09:00:00Z', true, '2024-02-19T09:00:00Z', 'And this one'],
    ]);
  });
});

describe('all-day series', () => {
  test("Exchange's override written as a midnight DATE-TIME matches its date (exchange_whole_day_moved_recurrence.ics)", () => {
    const { instances } = expand(fixture('node-ical__test__fixtures__exchange_whole_day_moved_recurrence.ics'));
    // Tuesdays and Thursdays from 19 February to UNTIL 2026-08-17T22:00Z, midnight of 18 August in Berlin.
    expect(instances).toHaveLength(52);
    expect(instances[0]).toMatchObject({ recurrenceId: '2026-02-19', start: { kind: 'date', date: '2026-02-19' } });
    expect(instances.at(-1)).toMatchObject({ recurrenceId: '2026-08-18', start: { kind: 'date', date: '2026-08-18' } });
    const moved = instances.filter((i) => i.recurrenceId === '2026-02-26');
    expect(moved.map((i) => [show(i.start), show(i.end)])).toEqual([['2026-02-27', '2026-02-28']]);
    expect(starts(instances)).not.toContain('2026-02-26');
  });

  test('the same, with the override in a bare-offset zone (exchange_whole_day_moved_recurrence_offset_tz.ics)', () => {
    const { instances } = expand(fixture('node-ical__test__fixtures__exchange_whole_day_moved_recurrence_offset_tz.ics'));
    expect(instances).toHaveLength(52);
    expect(instances.filter((i) => i.recurrenceId === '2026-02-26').map((i) => show(i.start))).toEqual(['2026-02-27']);
  });

  test('a whole-day instance moved over the change of clock stays on its dates (whole_day_moved_over_dst_change_berlin.ics)', () => {
    const { instances } = expand(fixture('node-ical__test__fixtures__whole_day_moved_over_dst_change_berlin.ics'));
    expect(instances.map((i) => [i.recurrenceId, show(i.start), show(i.end)])).toEqual([
      ['2024-10-27', '2024-10-27', '2024-10-28'],
      ['2024-10-28', '2024-10-30', '2024-10-31'],
      ['2024-10-29', '2024-10-29', '2024-10-30'],
    ]);
  });

  test('a multi-day series keeps its length and its dates', () => {
    const text = calendar(event({ uid: 'm', start: ';VALUE=DATE:20240101', end: ';VALUE=DATE:20240104', rrule: 'FREQ=MONTHLY;COUNT=3' }));
    expect(expand(text).instances.map((i) => `${show(i.start)}..${show(i.end)}`)).toEqual([
      '2024-01-01..2024-01-04',
      '2024-02-01..2024-02-04',
      '2024-03-01..2024-03-04',
    ]);
  });

  test.each([
    ['a date', 'FREQ=DAILY;UNTIL=20240110', '2024-01-10'],
    ['the end of that UTC day', 'FREQ=DAILY;UNTIL=20240110T235959Z', '2024-01-10'],
    ['midnight of the next day in Berlin (Outlook)', 'FREQ=DAILY;UNTIL=20240109T230000Z', '2024-01-10'],
    ['midnight of the day in New York (Outlook)', 'FREQ=DAILY;UNTIL=20240110T050000Z', '2024-01-10'],
  ])('UNTIL written as %s ends the all-day series on its last date', (_name, rule, last) => {
    const text = calendar(event({ uid: 'u', start: ';VALUE=DATE:20240105', end: ';VALUE=DATE:20240106', rrule: rule }));
    const { instances } = expand(text);
    expect([instances[0] && show(instances[0].start), instances.at(-1) && show(instances.at(-1)!.start)]).toEqual(['2024-01-05', last]);
  });
});

describe('time zones in series', () => {
  test('a weekly 09:00 Europe/Berlin series stays 09:00 local across the change to summer time', () => {
    const text = calendar(event({ uid: 'b', start: ';TZID=Europe/Berlin:20240318T090000', end: ';TZID=Europe/Berlin:20240318T100000', rrule: 'FREQ=WEEKLY;COUNT=4' }));
    const { instances } = expand(text);
    expect(instances.map((i) => [show(i.start), show(i.end)])).toEqual([
      ['2024-03-18T08:00:00Z', '2024-03-18T09:00:00Z'],
      ['2024-03-25T08:00:00Z', '2024-03-25T09:00:00Z'],
      ['2024-04-01T07:00:00Z', '2024-04-01T08:00:00Z'],
      ['2024-04-08T07:00:00Z', '2024-04-08T08:00:00Z'],
    ]);
  });

  test('and back to winter time', () => {
    const text = calendar(event({ uid: 'b', start: ';TZID=Europe/Berlin:20241021T090000', rrule: 'FREQ=WEEKLY;COUNT=2' }));
    expect(starts(expand(text).instances)).toEqual(['2024-10-21T07:00:00Z', '2024-10-28T08:00:00Z']);
  });

  test('a series in UTC keeps its UTC hour', () => {
    const text = calendar(event({ uid: 'u', start: '20240325T080000Z', rrule: 'FREQ=WEEKLY;COUNT=2' }));
    expect(starts(expand(text).instances)).toEqual(['2024-03-25T08:00:00Z', '2024-04-01T08:00:00Z']);
  });

  test.each([
    ['node-ical__test__fixtures__non-utc-until.ics', 53, '2024-01-01T09:00:00Z', '2024-12-30T09:00:00Z'],
    ['node-ical__test__fixtures__non-utc-until-ny.ics', 15, '2024-03-01T19:00:00Z', '2024-03-15T18:00:00Z'],
  ])('a non-UTC UNTIL keeps the last instance (%s)', (file, count, first, last) => {
    const { instances } = expand(fixture(file));
    expect([instances.length, show(instances[0]!.start), show(instances.at(-1)!.start)]).toEqual([count, first, last]);
  });

  test('an UNTIL on the last instance exactly keeps it, one second earlier drops it', () => {
    const until = (value: string) =>
      expand(calendar(event({ uid: 'u', start: ';TZID=Europe/Berlin:20240304T090000', rrule: `FREQ=DAILY;UNTIL=${value}` }))).instances.length;
    expect(until('20240306T090000')).toBe(3);
    expect(until('20240306T080000Z')).toBe(3);
    expect(until('20240306T085959')).toBe(2);
    expect(until('20240306')).toBe(3);
  });
});

describe('limits and keys', () => {
  test('the per-series instance cap keeps the first instances and reports series-capped', () => {
    const text = calendar(event({ uid: 'many', start: '20240101T090000Z', rrule: 'FREQ=DAILY' }));
    const { instances, issues } = expand(text, days('2024-01-01', '2024-12-31'), { ...DEFAULT_EXPANSION_LIMITS, maxInstancesPerSeries: 10 });
    expect(instances).toHaveLength(10);
    expect(show(instances.at(-1)!.start)).toBe('2024-01-10T09:00:00Z');
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'series-capped',
        uid: 'many',
        message: 'The series has 366 instances in the window; only the first 10 (up to 2024-01-10 09:00 UTC) were imported.',
      }),
    ]);
  });

  test('a series at the cap exactly is not reported', () => {
    const text = calendar(event({ uid: 'ten', start: '20240101T090000Z', rrule: 'FREQ=DAILY;COUNT=10' }));
    const { instances, issues } = expand(text, WIDE, { ...DEFAULT_EXPANSION_LIMITS, maxInstancesPerSeries: 10 });
    expect([instances.length, issues]).toEqual([10, []]);
  });

  test('recurrence keys are UTC instants for timed series and dates for all-day series', () => {
    const text = calendar(
      event({ uid: 'timed', start: ';TZID=America/New_York:20240304T090000', rrule: 'FREQ=DAILY;COUNT=2' }),
      event({ uid: 'allday', start: ';VALUE=DATE:20240304', rrule: 'FREQ=DAILY;COUNT=2' }),
    );
    const { instances } = expand(text);
    expect(instances.map((i) => [i.uid, i.recurrenceId])).toEqual([
      ['timed', '2024-03-04T14:00:00Z'],
      ['timed', '2024-03-05T14:00:00Z'],
      ['allday', '2024-03-04'],
      ['allday', '2024-03-05'],
    ]);
  });

  test("an orphan all-day override with Exchange's midnight DATE-TIME is keyed by its date, as its series would key it", () => {
    const text = calendar(
      event({ uid: 'x', recurrenceId: ';TZID=W. Europe Standard Time:20260226T000000', start: ';VALUE=DATE:20260227', end: ';VALUE=DATE:20260228' }),
    );
    expect(keys(expand(text).instances)).toEqual(['2026-02-26']);
  });
});
