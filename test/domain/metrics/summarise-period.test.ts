import { describe, expect, test } from 'vitest';
import type { CountedId } from '../../../shared/taxonomy.ts';
import type { WorkInstance } from '../../../server/domain/metrics/allocate-days.ts';
import { countingSettingsSchema, DEFAULT_COUNTING_SETTINGS } from '../../../server/domain/metrics/counting-settings.ts';
import { summarisePeriod } from '../../../server/domain/metrics/summarise-period.ts';

const ZONE = 'UTC';
const period = (from: string, to: string, timeZone = ZONE) => ({ from, to, timeZone });

function block(date: string, startHour: number, minutes: number, category: CountedId, isMeeting = true): WorkInstance {
  const ms = Date.parse(`${date}T${String(startHour).padStart(2, '0')}:00:00Z`);
  return { start: { kind: 'time', ms, zone: ZONE }, end: { kind: 'time', ms: ms + minutes * 60_000, zone: ZONE }, category, isMeeting, isAccepted: true };
}

function planningDay(date: string): WorkInstance {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: { kind: 'date', date }, end: { kind: 'date', date: next }, category: 'organisational-planning', isMeeting: false, isAccepted: true };
}

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('low strategic share', () => {
  // 1000 minutes of counted time with a given strategic part.
  const withStrategic = (strategic: number) => [block('2026-11-02', 8, strategic, 'strategic'), block('2026-11-03', 8, 1000 - strategic, 'operational')];
  const flagged = (strategic: number) =>
    summarisePeriod(withStrategic(strategic), period('2026-11-01', '2026-11-30'), NOW, { ...DEFAULT_COUNTING_SETTINGS, workingDayMinutes: 1440 }).flags.some(
      (f) => f.code === 'low-strategic-share',
    );

  test.each([
    [199, true], // 19.9%
    [200, false], // exactly 20.0% is not under 20%
    [201, false],
    [0, true],
  ])('%i of 1000 counted minutes strategic: flagged %s', (strategic, expected) => {
    expect(flagged(strategic)).toBe(expected);
  });

  test('no counted work time raises no strategic flag', () => {
    expect(summarisePeriod([], period('2026-11-01', '2026-11-30'), NOW, DEFAULT_COUNTING_SETTINGS).flags.some((f) => f.code === 'low-strategic-share')).toBe(false);
  });

  test('the threshold is a setting', () => {
    const settings = { ...DEFAULT_COUNTING_SETTINGS, workingDayMinutes: 1440, strategicShareMin: 0.1 };
    const summary = summarisePeriod(withStrategic(150), period('2026-11-01', '2026-11-30'), NOW, settings);
    expect(summary.flags.some((f) => f.code === 'low-strategic-share')).toBe(false);
  });

  test('a fresh import with every event unclassified is still flagged, and the advice asks to place the events first', () => {
    const summary = summarisePeriod([block('2026-11-02', 8, 480, 'unclassified')], period('2026-11-01', '2026-11-30'), NOW, DEFAULT_COUNTING_SETTINGS);
    const flag = summary.flags.find((f) => f.code === 'low-strategic-share');
    expect(flag?.advice).toMatch(/^First place the unclassified events \(100\.0% of counted time\)/);
  });

  test('shares are fractions of counted work time, unclassified included', () => {
    const summary = summarisePeriod(
      [block('2026-11-02', 8, 60, 'strategic'), block('2026-11-02', 10, 180, 'unclassified')],
      period('2026-11-01', '2026-11-30'),
      NOW,
      DEFAULT_COUNTING_SETTINGS,
    );
    expect(summary.countedMinutes).toBe(240);
    expect(summary.shares.strategic).toBeCloseTo(0.25, 10);
    expect(summary.shares.unclassified).toBeCloseTo(0.75, 10);
  });
});

describe('planning days per quarter', () => {
  const summary = (instances: WorkInstance[], from: string, to: string, settings = DEFAULT_COUNTING_SETTINGS) =>
    summarisePeriod(instances, period(from, to), NOW, settings);

  test('days before now are held; today and later are scheduled', () => {
    const result = summary([planningDay('2026-10-14'), planningDay('2026-11-25'), planningDay('2026-12-09')], '2026-10-01', '2026-12-31');
    expect(result.planning).toEqual([{ quarter: '2026-Q4', protectedDays: 3, heldDays: 1, scheduledDays: 2, dates: ['2026-10-14', '2026-11-25', '2026-12-09'] }]);
    expect(result.flags.filter((f) => f.code === 'missing-planning-days')).toEqual([]);
  });

  test('a quarter short of the target is flagged, naming held and scheduled days', () => {
    const result = summary([planningDay('2026-10-14'), planningDay('2026-12-09')], '2026-10-01', '2026-12-31');
    const flag = result.flags.find((f) => f.code === 'missing-planning-days');
    expect(flag).toMatchObject({ quarter: '2026-Q4', protectedDays: 2, heldDays: 1, scheduledDays: 1, target: 3 });
    expect(flag?.message).toContain('1 day of protected planning held and 1 day booked ahead');
  });

  test.each([
    [2, true],
    [3, false],
  ])('with %i planning days the quarter is flagged: %s', (count, expected) => {
    const days = ['2026-07-07', '2026-08-11', '2026-09-15'].slice(0, count).map(planningDay);
    const result = summary(days, '2026-07-01', '2026-09-30');
    expect(result.flags.some((f) => f.code === 'missing-planning-days' && f.quarter === '2026-Q3')).toBe(expected);
  });

  test('the target is a setting', () => {
    const settings = countingSettingsSchema.parse({ planningDaysPerQuarter: 1 });
    const result = summary([planningDay('2026-08-11')], '2026-07-01', '2026-09-30', settings);
    expect(result.flags).toEqual([expect.objectContaining({ code: 'low-strategic-share' })]);
  });

  test('a quarter the period only touches is judged on all its days', () => {
    const result = summary([planningDay('2026-01-06'), planningDay('2026-02-03'), planningDay('2026-03-03')], '2026-03-20', '2026-04-10');
    expect(result.planning.map((q) => [q.quarter, q.protectedDays])).toEqual([
      ['2026-Q1', 3],
      ['2026-Q2', 0],
    ]);
  });

  test('quarters before the calendar starts are not judged; the quarter it starts in says so', () => {
    const result = summarisePeriod([planningDay('2026-05-12')], period('2026-01-01', '2026-06-30'), NOW, DEFAULT_COUNTING_SETTINGS, '2026-05-04');
    const flagged = result.flags.filter((f) => f.code === 'missing-planning-days');
    expect(flagged.map((f) => f.code === 'missing-planning-days' && f.quarter)).toEqual(['2026-Q2']);
    expect(flagged[0]!.message).toContain('The calendar starts on 2026-05-04, inside this quarter.');
  });

  test("quarters and days are in the leader's zone", () => {
    // A planning block from 08:00 to 15:00 on 1 July in Auckland (Q3 there) runs from
    // 20:00 UTC on 30 June (Q2 in UTC) to 03:00 UTC on 1 July.
    const ms = Date.parse('2026-06-30T20:00:00Z');
    const block7h: WorkInstance = {
      start: { kind: 'time', ms, zone: 'Pacific/Auckland' },
      end: { kind: 'time', ms: ms + 7 * 3_600_000, zone: 'Pacific/Auckland' },
      category: 'organisational-planning',
      isMeeting: false,
      isAccepted: true,
    };
    const auckland = summarisePeriod([block7h], period('2026-06-01', '2026-07-31', 'Pacific/Auckland'), NOW, DEFAULT_COUNTING_SETTINGS);
    expect(auckland.planning.find((q) => q.quarter === '2026-Q3')?.dates).toEqual(['2026-07-01']);
    const utc = summarisePeriod([block7h], period('2026-06-01', '2026-07-31', 'UTC'), NOW, DEFAULT_COUNTING_SETTINGS);
    expect(utc.planning.every((q) => q.protectedDays === 0)).toBe(true); // 4 h on 30 June, 3 h on 1 July
  });
});

describe('period and weeks', () => {
  test('only days inside the period are counted', () => {
    const result = summarisePeriod([block('2026-10-30', 9, 60, 'operational'), block('2026-11-02', 9, 60, 'operational')], period('2026-11-01', '2026-11-30'), NOW, DEFAULT_COUNTING_SETTINGS);
    expect(result.countedMinutes).toBe(60);
    expect(result.instanceMinutes).toEqual([0, 60]);
  });

  test('the weekly series starts on Mondays and adds up to the period total', () => {
    const instances = [block('2026-11-02', 9, 60, 'operational'), block('2026-11-08', 9, 30, 'strategic'), block('2026-11-09', 9, 45, 'developmental')];
    const result = summarisePeriod(instances, period('2026-11-01', '2026-11-15'), NOW, DEFAULT_COUNTING_SETTINGS);
    expect(result.weekly.map((w) => w.weekStart)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09']);
    expect(result.weekly[1]!.minutes).toMatchObject({ operational: 60, strategic: 30 });
    const weeklyTotal = result.weekly.reduce((sum, w) => sum + Object.values(w.minutes).reduce((a, b) => a + b, 0), 0);
    expect(weeklyTotal).toBe(result.countedMinutes);
  });
});

describe('how long a summary reads the same', () => {
  const settings = DEFAULT_COUNTING_SETTINGS;
  const q4 = period('2026-10-01', '2026-12-31', 'Europe/Berlin');

  test('without planning days ahead, until the next day begins in the period zone', () => {
    const summary = summarisePeriod([block('2026-11-02', 8, 60, 'strategic')], q4, NOW, settings);
    expect(new Date(summary.stableUntilMs).toISOString()).toBe('2026-11-25T23:00:00.000Z'); // midnight in Berlin
  });

  test('a planning day ending before that: until it ends, when it turns from scheduled to held', () => {
    const at = (ms: number) => summarisePeriod([planningDay('2026-11-25')], period('2026-10-01', '2026-12-31'), ms, settings);
    const before = at(NOW);
    expect(before.planning[0]).toMatchObject({ heldDays: 0, scheduledDays: 1 });
    expect(new Date(before.stableUntilMs).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    // One millisecond earlier it still reads the same; at that instant it does not.
    expect(at(before.stableUntilMs - 1).planning[0]).toMatchObject({ heldDays: 0, scheduledDays: 1 });
    expect(at(before.stableUntilMs).planning[0]).toMatchObject({ heldDays: 1, scheduledDays: 0 });
  });

  test('held planning days and those of later days do not shorten it', () => {
    const summary = summarisePeriod([planningDay('2026-11-24'), planningDay('2026-11-27')], period('2026-10-01', '2026-12-31'), NOW, settings);
    expect(new Date(summary.stableUntilMs).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });
});
