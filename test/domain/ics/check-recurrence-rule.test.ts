import { describe, expect, test } from 'vitest';
import { checkRecurrenceRule } from '../../../server/domain/ics/check-recurrence-rule.ts';

const list = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i).join(',');

describe('checkRecurrenceRule', () => {
  test.each([
    ['FREQ=DAILY', 'FREQ=DAILY'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', 'FREQ=WEEKLY;BYDAY=MO,WE,FR'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['FREQ=MONTHLY;BYDAY=+2TU', 'FREQ=MONTHLY;BYDAY=+2TU'],
    ['FREQ=YEARLY;BYDAY=53MO', 'FREQ=YEARLY;BYDAY=53MO'],
    ['FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-31', 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-31'],
    ['FREQ=WEEKLY;INTERVAL=1000', 'FREQ=WEEKLY;INTERVAL=1000'],
    ['FREQ=DAILY;COUNT=100000', 'FREQ=DAILY;COUNT=100000'],
    ['FREQ=DAILY;COUNT=1', 'FREQ=DAILY;COUNT=1'],
    ['FREQ=WEEKLY;UNTIL=20240229', 'FREQ=WEEKLY;UNTIL=20240229'],
    ['FREQ=WEEKLY;UNTIL=20241231T235959Z', 'FREQ=WEEKLY;UNTIL=20241231T235959Z'],
    ['FREQ=WEEKLY;UNTIL=20241231T100000', 'FREQ=WEEKLY;UNTIL=20241231T100000'],
    ['FREQ=WEEKLY;WKST=SU;BYDAY=MO', 'FREQ=WEEKLY;WKST=SU;BYDAY=MO'],
    // Times of day: up to four instances a day, midnight (0) included.
    ['FREQ=DAILY;BYHOUR=0,9', 'FREQ=DAILY;BYHOUR=0,9'],
    ['FREQ=DAILY;BYHOUR=8,10,14,16', 'FREQ=DAILY;BYHOUR=8,10,14,16'],
    ['FREQ=DAILY;BYHOUR=9,15;BYMINUTE=0,30', 'FREQ=DAILY;BYHOUR=9,15;BYMINUTE=0,30'],
    ['FREQ=DAILY;BYHOUR=23;BYMINUTE=59;BYSECOND=60', 'FREQ=DAILY;BYHOUR=23;BYMINUTE=59;BYSECOND=60'],
    // Lists up to 60 values.
    [`FREQ=YEARLY;BYYEARDAY=${list(1, 60)}`, `FREQ=YEARLY;BYYEARDAY=${list(1, 60)}`],
  ])('%s is accepted as %s', (rule, normalised) => {
    expect(checkRecurrenceRule(rule)).toEqual({ ok: true, rule: normalised });
  });

  test.each([
    ['rrule:freq=weekly;byday=mo,we', 'FREQ=WEEKLY;BYDAY=MO,WE'],
    ['  FREQ=DAILY;COUNT=5;  ', 'FREQ=DAILY;COUNT=5'],
    ['FREQ = DAILY ; INTERVAL = 2', 'FREQ=DAILY;INTERVAL=2'],
    ['RRULE:FREQ=MONTHLY;BYMONTHDAY=1', 'FREQ=MONTHLY;BYMONTHDAY=1'],
  ])('a valid rule is normalised: %s -> %s', (rule, normalised) => {
    expect(checkRecurrenceRule(rule)).toEqual({ ok: true, rule: normalised });
  });

  test.each([
    ['FREQ=HOURLY', 'FREQ=HOURLY repeats more often than daily'],
    ['FREQ=MINUTELY;INTERVAL=15', 'FREQ=MINUTELY repeats more often than daily'],
    ['FREQ=SECONDLY', 'FREQ=SECONDLY repeats more often than daily'],
    ['FREQ=DAILY;BYHOUR=8,10,12,14,16', 'the rule makes 5 instances a day'],
    ['FREQ=DAILY;BYHOUR=9,10,11;BYMINUTE=0,30', 'the rule makes 6 instances a day'],
    ['FREQ=WEEKLY;BYMINUTE=0,15,30,45,50', 'the rule makes 5 instances a day'],
    ['FREQ=YEARLY;BYHOUR=9;BYMINUTE=0;BYSECOND=0,1,2,3,4', 'the rule makes 5 instances a day'],
    [`FREQ=YEARLY;BYYEARDAY=${list(1, 61)}`, 'BYYEARDAY lists 61 values; at most 60'],
    [`FREQ=YEARLY;BYMONTHDAY=${list(-31, 31)},${list(1, 30)}`, 'BYMONTHDAY lists 61 values; at most 60'],
    [`FREQ=YEARLY;BYDAY=${Array.from({ length: 61 }, () => 'MO').join(',')}`, 'BYDAY lists 61 values; at most 60'],
    ['FREQ=DAILY;BYEASTER=0', 'the parts BYEASTER are not supported'],
    ['FREQ=MONTHLY;RSCALE=HEBREW;SKIP=FORWARD', 'the parts RSCALE, SKIP are not supported'],
  ])('%s is refused: %s', (rule, reason) => {
    const check = checkRecurrenceRule(rule);
    expect(check).toMatchObject({ ok: false, code: 'recurrence-refused' });
    expect(check.ok === false && check.message).toContain(reason);
  });

  test.each([
    ['', 'it has no FREQ'],
    ['INTERVAL=2;COUNT=3', 'it has no FREQ'],
    ['FREQ=', 'it has no FREQ'],
    ['FREQ=FORTNIGHTLY', 'FREQ=FORTNIGHTLY is not a frequency'],
    ['AnythingRandom;FREQ=WEEKLY', '"AnythingRandom" is not a NAME=VALUE part'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ appears twice'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL=0 is not a whole number from 1 to 1000'],
    ['FREQ=DAILY;INTERVAL=1001', 'INTERVAL=1001'],
    ['FREQ=DAILY;INTERVAL=1.5', 'INTERVAL=1.5'],
    ['FREQ=DAILY;COUNT=0', 'COUNT=0 is not a whole number from 1 to 100000'],
    ['FREQ=DAILY;COUNT=-3', 'COUNT=-3'],
    ['FREQ=DAILY;COUNT=100001', 'COUNT=100001'],
    ['FREQ=DAILY;UNTIL=tomorrow', 'UNTIL=TOMORROW is not a date'],
    ['FREQ=DAILY;UNTIL=20240132', 'UNTIL=20240132 is not a date'],
    ['FREQ=DAILY;UNTIL=20230229T000000Z', 'UNTIL=20230229T000000Z is not a date'],
    ['FREQ=DAILY;UNTIL=20241301T000000Z', 'UNTIL=20241301T000000Z is not a date'],
    ['FREQ=DAILY;UNTIL=20241231T250000Z', 'UNTIL=20241231T250000Z is not a date'],
    ['FREQ=WEEKLY;WKST=XX', 'WKST=XX is not a weekday'],
    ['FREQ=WEEKLY;WKST=1MO', 'WKST=1MO is not a weekday'],
    ['FREQ=DAILY;BYHOUR=24', 'BYHOUR has the value "24"'],
    ['FREQ=DAILY;BYMINUTE=60', 'BYMINUTE has the value "60"'],
    ['FREQ=DAILY;BYSECOND=61', 'BYSECOND has the value "61"'],
    ['FREQ=YEARLY;BYMONTH=0', 'BYMONTH has the value "0"'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH has the value "13"'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY has the value "0"'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY has the value "32"'],
    ['FREQ=MONTHLY;BYMONTHDAY=-32', 'BYMONTHDAY has the value "-32"'],
    ['FREQ=YEARLY;BYYEARDAY=367', 'BYYEARDAY has the value "367"'],
    ['FREQ=YEARLY;BYWEEKNO=54', 'BYWEEKNO has the value "54"'],
    ['FREQ=MONTHLY;BYSETPOS=0', 'BYSETPOS has the value "0"'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,,15', 'BYMONTHDAY has the value ""'],
    ['FREQ=MONTHLY;BYDAY=0MO', 'BYDAY has the value "0MO"'],
    ['FREQ=YEARLY;BYDAY=54MO', 'BYDAY has the value "54MO"'],
    ['FREQ=WEEKLY;BYDAY=MONDAY', 'BYDAY has the value "MONDAY"'],
    ['FREQ=WEEKLY;BYDAY=', 'BYDAY has the value ""'],
  ])('%s is invalid: %s', (rule, reason) => {
    const check = checkRecurrenceRule(rule);
    expect(check).toMatchObject({ ok: false, code: 'invalid-recurrence' });
    expect(check.ok === false && check.message).toContain(reason);
  });

  test('every refusal is one sentence the import report can show', () => {
    expect(checkRecurrenceRule('FREQ=HOURLY')).toEqual({
      ok: false,
      code: 'recurrence-refused',
      message: 'The recurrence rule was refused: FREQ=HOURLY repeats more often than daily; calendars of people do not, and such rules are not expanded.',
    });
    expect(checkRecurrenceRule('FREQ=DAILY;COUNT=0')).toEqual({
      ok: false,
      code: 'invalid-recurrence',
      message: 'The recurrence rule is invalid: COUNT=0 is not a whole number from 1 to 100000.',
    });
  });
});
