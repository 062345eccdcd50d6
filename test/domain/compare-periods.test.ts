import { describe, expect, test } from 'vitest';
import { COUNTED_IDS, type CountedId } from '../../shared/taxonomy.ts';
import type { WorkInstance } from '../../server/domain/metrics/allocate-days.ts';
import { comparePeriods, type PeriodFigures } from '../../server/domain/metrics/compare-periods.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../../server/domain/metrics/counting-settings.ts';
import { summarisePeriod } from '../../server/domain/metrics/summarise-period.ts';

const ZONE = 'UTC';
const NOW = Date.parse('2026-03-20T12:00:00Z');
// Whole days of 24 h, so a block's minutes are counted as written.
const SETTINGS = { ...DEFAULT_COUNTING_SETTINGS, workingDayMinutes: 1440 };

function block(date: string, startHour: number, minutes: number, category: CountedId): WorkInstance {
  const ms = Date.parse(`${date}T${String(startHour).padStart(2, '0')}:00:00Z`);
  return { start: { kind: 'time', ms, zone: ZONE }, end: { kind: 'time', ms: ms + minutes * 60_000, zone: ZONE }, category, isMeeting: true, isAccepted: true };
}

function planningDay(date: string): WorkInstance {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: { kind: 'date', date }, end: { kind: 'date', date: next }, category: 'organisational-planning', isMeeting: false, isAccepted: true };
}

function figures(instances: WorkInstance[], from: string, to: string): PeriodFigures {
  return summarisePeriod(instances, { from, to, timeZone: ZONE }, NOW, SETTINGS);
}

// Period A (a week in January): 10 h, 1 h of it strategic. Period B (a week in February): 12 h, 3 h strategic.
const CALENDAR = [
  block('2026-01-05', 8, 60, 'strategic'),
  block('2026-01-06', 8, 540, 'operational'),
  block('2026-02-02', 8, 180, 'strategic'),
  block('2026-02-03', 8, 360, 'operational'),
  block('2026-02-04', 8, 90, 'developmental'),
  block('2026-02-05', 8, 90, 'unclassified'),
];
const A = figures(CALENDAR, '2026-01-05', '2026-01-11');
const B = figures(CALENDAR, '2026-02-02', '2026-02-08');

describe('comparing two periods', () => {
  const comparison = comparePeriods(A, B);
  const row = (id: CountedId) => comparison.categories.find((c) => c.id === id)!;

  test('lists the five categories and unclassified, in the taxonomy order', () => {
    expect(comparison.categories.map((c) => c.id)).toEqual([...COUNTED_IDS]);
  });

  test.each([
    // id, hours A, hours B, change in hours, share A, share B, change in points
    ['strategic', 1, 3, 2, 0.1, 0.25, 15],
    ['operational', 9, 6, -3, 0.9, 0.5, -40],
    ['developmental', 0, 1.5, 1.5, 0, 0.125, 12.5],
    ['unclassified', 0, 1.5, 1.5, 0, 0.125, 12.5],
    ['cross-functional', 0, 0, 0, 0, 0, 0],
  ] as const)('%s: %d h -> %d h (%d h), share %d -> %d (%d points)', (id, hoursA, hoursB, changeHours, shareA, shareB, points) => {
    const category = row(id);
    expect(category.a.hours).toBe(hoursA);
    expect(category.b.hours).toBe(hoursB);
    expect(category.change.hours).toBe(changeHours);
    expect(category.a.share).toBeCloseTo(shareA, 10);
    expect(category.b.share).toBeCloseTo(shareB, 10);
    expect(category.change.points).toBe(points);
  });

  test('minutes and shares are the summaries’ own, untouched', () => {
    for (const id of COUNTED_IDS) {
      expect(row(id).a).toMatchObject({ minutes: A.minutes[id], share: A.shares[id] });
      expect(row(id).b).toMatchObject({ minutes: B.minutes[id], share: B.shares[id] });
    }
  });

  test('counted time of each period and its change', () => {
    expect(comparison.counted).toEqual({ a: 600, b: 720, changeMinutes: 120, changeHours: 2 });
  });

  test('two weeks are the same length: per week is the total over one week', () => {
    expect([comparison.a.days, comparison.a.weeks, comparison.b.days, comparison.b.weeks]).toEqual([7, 1, 7, 1]);
    expect(comparison.isSameLength).toBe(true);
    expect(comparison.countedPerWeek).toEqual({ a: 600, b: 720, change: 120 });
    expect(row('strategic').perWeek).toEqual({ a: 60, b: 180, change: 120 });
  });

  test('each period carries its own flags', () => {
    expect(comparison.a.flags.map((f) => f.code)).toContain('low-strategic-share');
    expect(comparison.b.flags.map((f) => f.code)).not.toContain('low-strategic-share');
  });

  test('a period with no counted time compares as zero shares, never as a division by zero', () => {
    const empty = figures(CALENDAR, '2026-01-19', '2026-01-25');
    const result = comparePeriods(empty, B);
    expect(result.categories.find((c) => c.id === 'strategic')!.change.points).toBe(25);
    expect(result.categories.every((c) => Number.isFinite(c.change.points))).toBe(true);
    expect(result.counted.a).toBe(0);
  });

  test('a change that rounds to nothing is 0, not -0', () => {
    const same = comparePeriods(A, A);
    for (const category of same.categories) {
      expect(Object.is(category.change.points, -0)).toBe(false);
      expect(Object.is(category.change.hours, -0)).toBe(false);
    }
  });

  test('changes come from exact shares: a third against a quarter is 8.3 points', () => {
    const third = figures([block('2026-01-05', 8, 60, 'strategic'), block('2026-01-05', 10, 120, 'operational')], '2026-01-05', '2026-01-05');
    const quarter = figures([block('2026-01-05', 8, 60, 'strategic'), block('2026-01-05', 10, 180, 'operational')], '2026-01-05', '2026-01-05');
    expect(comparePeriods(quarter, third).categories[1]!.change.points).toBe(8.3);
  });
});

describe('planning days of each period', () => {
  // Q1 2026: planning days on 15 Jan and 12 Feb (held by 20 March) and 25 March (still ahead).
  const calendar = [planningDay('2026-01-15'), planningDay('2026-02-12'), planningDay('2026-03-25')];

  test('only days inside the period count for it, held and scheduled told apart', () => {
    const a = figures(calendar, '2026-01-01', '2026-01-31');
    const b = figures(calendar, '2026-02-01', '2026-03-31');
    const result = comparePeriods(a, b);
    expect(result.a.planningDays).toEqual({ protectedDays: 1, heldDays: 1, scheduledDays: 0, dates: ['2026-01-15'] });
    expect(result.b.planningDays).toEqual({ protectedDays: 2, heldDays: 1, scheduledDays: 1, dates: ['2026-02-12', '2026-03-25'] });
  });

  test('the quarters each period touches are judged whole, as on the dashboard', () => {
    const result = comparePeriods(figures(calendar, '2026-01-01', '2026-01-31'), figures(calendar, '2026-02-01', '2026-03-31'));
    expect(result.a.quarters).toEqual([{ quarter: '2026-Q1', protectedDays: 3, heldDays: 2, scheduledDays: 1, dates: ['2026-01-15', '2026-02-12', '2026-03-25'] }]);
    expect(result.a.flags.some((f) => f.code === 'missing-planning-days')).toBe(false);
  });

  test('a period with no planning day inside it says so with zeros', () => {
    const result = comparePeriods(figures(calendar, '2026-01-01', '2026-01-10'), figures(calendar, '2026-01-01', '2026-01-10'));
    expect(result.a.planningDays).toEqual({ protectedDays: 0, heldDays: 0, scheduledDays: 0, dates: [] });
  });
});

describe('periods of different lengths: per week', () => {
  // Nine months (Q2 to Q4 2025, 275 days) against one quarter (Q1 2026, 90 days), both at 20 h a
  // week with 4 h strategic: the totals differ threefold, the weeks do not.
  const weekly = (from: string, to: string) => {
    const blocks: WorkInstance[] = [];
    for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 7 * 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      blocks.push(block(date, 8, 240, 'strategic'), block(date, 12, 960, 'operational'));
    }
    return blocks;
  };
  const nineMonths = figures(weekly('2025-04-01', '2025-12-31'), '2025-04-01', '2025-12-31');
  const quarter = figures(weekly('2026-01-01', '2026-03-31'), '2026-01-01', '2026-03-31');
  const comparison = comparePeriods(nineMonths, quarter);
  const strategic = comparison.categories.find((c) => c.id === 'strategic')!;

  test.each([
    // period, from, to, days, weeks
    ['nine months', '2025-04-01', '2025-12-31', 275, 39.29],
    ['a quarter of 90 days', '2026-01-01', '2026-03-31', 90, 12.86],
    ['a quarter of 92 days', '2026-07-01', '2026-09-30', 92, 13.14],
    ['one day', '2026-03-20', '2026-03-20', 1, 0.14],
    ['across a leap day', '2028-02-01', '2028-03-31', 60, 8.57],
  ] as const)('%s (%s to %s) is %i days, %d weeks', (_name, from, to, days, weeks) => {
    const period = comparePeriods(figures([], from, to), figures([], from, to)).a;
    expect([period.days, period.weeks]).toEqual([days, weeks]);
  });

  test('counted minutes over weeks: 40 × 20 h in 275 days is 1221.8 min a week; 13 × 20 h in 90 days is 1213.3', () => {
    // 40 Tuesdays from 1 April to 30 December 2025; 13 Thursdays from 1 January to 26 March 2026.
    expect([comparison.counted.a, comparison.counted.b]).toEqual([40 * 1200, 13 * 1200]);
    expect(comparison.a.countedMinutesPerWeek).toBe(Math.round(((40 * 1200) / (275 / 7)) * 10) / 10);
    expect(comparison.b.countedMinutesPerWeek).toBe(Math.round(((13 * 1200) / (90 / 7)) * 10) / 10);
    expect(comparison.countedPerWeek).toEqual({ a: 1221.8, b: 1213.3, change: -8.5 });
  });

  test('the total change is large and says little; per week and shares are comparable', () => {
    expect(comparison.counted.changeHours).toBe(-540);
    expect(strategic.change.points).toBe(0);
    // The change comes from the exact figures (9600 × 7 / 275 against 3120 × 7 / 90), not from the rounded ones.
    expect(strategic.perWeek).toEqual({ a: 244.4, b: 242.7, change: -1.7 });
    expect(comparison.isSameLength).toBe(false);
  });

  test.each([
    // A, B, same length
    [['2026-01-01', '2026-03-31'], ['2026-07-01', '2026-09-30'], true], // 90 and 92 days
    [['2026-03-02', '2026-03-06'], ['2026-03-09', '2026-03-13'], true],
    [['2026-03-01', '2026-03-10'], ['2026-03-01', '2026-03-11'], true], // 10 and 11 days: a tenth apart
    [['2026-03-01', '2026-03-10'], ['2026-03-01', '2026-03-12'], false], // 10 and 12 days
    [['2025-04-01', '2025-12-31'], ['2026-01-01', '2026-03-31'], false],
  ] as const)('%j against %j: same length %s', ([aFrom, aTo], [bFrom, bTo], same) => {
    expect(comparePeriods(figures([], aFrom, aTo), figures([], bFrom, bTo)).isSameLength).toBe(same);
    expect(comparePeriods(figures([], bFrom, bTo), figures([], aFrom, aTo)).isSameLength).toBe(same);
  });
});
