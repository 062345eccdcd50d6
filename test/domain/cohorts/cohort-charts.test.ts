import { describe, expect, test } from 'vitest';
import { buildCohortCharts, mean, median, quartersEndingWith, toShareBuckets, type QuarterStanding } from '../../../server/domain/cohorts/cohort-charts.ts';

describe('shaping helpers', () => {
  test.each([
    [[], null],
    [[0.3], 0.3],
    [[0.1, 0.3], 0.2],
    [[0.5, 0.1, 0.3], 0.3],
    [[0.4, 0.1, 0.3, 0.2], 0.25],
  ])('median of %j is %s', (values, expected) => {
    const value = median(values);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });

  test('mean', () => {
    expect(mean([])).toBeNull();
    expect(mean([0.1, 0.2, 0.6])).toBeCloseTo(0.3, 12);
  });

  test.each([
    ['2026-Q1', 4, ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']],
    ['2026-Q3', 2, ['2026-Q2', '2026-Q3']],
    ['2026-Q1', 1, ['2026-Q1']],
  ] as const)('the %i quarters ending with %s', (last, count, expected) => {
    expect(quartersEndingWith(last, count)).toEqual(expected);
  });

  test.each([
    [0, 0],
    [0.049, 0],
    [0.05, 1],
    [0.199, 3],
    [0.2, 4],
    [96 / 480, 4],
    [0.2499, 4],
    [0.4999, 9],
    [0.5, 10],
    [0.93, 10],
    [1, 10],
  ])('a share of %d lands in bucket %i (5-point buckets, 50 and more together)', (share, index) => {
    const buckets = toShareBuckets([share]);
    expect(buckets).toHaveLength(11);
    expect(buckets.findIndex((b) => b.count === 1)).toBe(index);
  });

  test('the buckets are labelled by their bounds', () => {
    const buckets = toShareBuckets([]);
    expect(buckets[0]).toEqual({ from: 0, to: 5, count: 0 });
    expect(buckets[4]).toEqual({ from: 20, to: 25, count: 0 });
    expect(buckets[10]).toEqual({ from: 50, to: null, count: 0 });
  });
});

/** `n` members with data in `quarter`, shares spread from 10% up, planning met by the first `meeting`. */
function cohortQuarter(quarter: string, ids: number[], meeting = 0): QuarterStanding[] {
  return ids.map((id, index) => ({ memberId: id, quarter, strategicShare: 0.1 + index * 0.03, meetsPlanningTarget: index < meeting }));
}
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the cohort charts', () => {
  test('a quarter of 7: distribution, 20% line count, median, planning share and trend', () => {
    const standings = [...cohortQuarter('2026-Q1', ids(1, 7), 3), ...cohortQuarter('2025-Q4', ids(1, 7), 7)];
    const charts = buildCohortCharts(standings, '2026-Q1', 5, 0.2);
    expect(charts.distribution.suppression).toBeNull();
    expect(charts.distribution.people).toBe(7);
    // 10, 13, 16, 19, 22, 25, 28 %
    expect(charts.distribution.buckets.map((b) => b.count).slice(0, 7)).toEqual([0, 0, 2, 2, 1, 2, 0]);
    expect(charts.distribution.below).toBe(4);
    expect(charts.distribution.median).toBeCloseTo(0.19, 12);
    expect(charts.planningTarget.map((p) => [p.quarter, p.meeting, p.people])).toEqual([
      ['2025-Q2', null, null],
      ['2025-Q3', null, null],
      ['2025-Q4', 7, 7],
      ['2026-Q1', 3, 7],
    ]);
    expect(charts.planningTarget[3]!.share).toBeCloseTo(3 / 7, 12);
    expect(charts.planningTarget[0]!.suppression).toBe('no-data');
    // Leading quarters before anyone's data are dropped, down to four.
    expect(charts.trend.map((t) => t.quarter)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(charts.trend[3]!.mean).toBeCloseTo(0.19, 12);
  });

  test('a quarter with 4 people hides every figure of it, and says "fewer than K"', () => {
    const charts = buildCohortCharts(cohortQuarter('2026-Q1', ids(1, 4), 2), '2026-Q1', 5, 0.2);
    expect(charts.distribution).toMatchObject({ suppression: 'fewer-than-k', people: null, below: null, median: null });
    expect(charts.distribution.buckets.every((b) => b.count === 0)).toBe(true);
    expect(charts.planningTarget[3]).toMatchObject({ suppression: 'fewer-than-k', meeting: null, share: null, people: null });
    expect(charts.trend.at(-1)).toMatchObject({ suppression: 'fewer-than-k', median: null, mean: null });
  });

  test('5 with data in one quarter and the same 5 plus one in the next: the other quarter is hidden by difference', () => {
    const standings = [...cohortQuarter('2026-Q1', ids(1, 6), 6), ...cohortQuarter('2025-Q4', ids(1, 5), 5)];
    const charts = buildCohortCharts(standings, '2026-Q1', 5, 0.2);
    expect(charts.distribution.suppression).toBeNull();
    const q4 = charts.trend.find((t) => t.quarter === '2025-Q4')!;
    expect(q4).toMatchObject({ suppression: 'difference', median: null, mean: null, people: null });
    expect(charts.planningTarget.find((p) => p.quarter === '2025-Q4')).toMatchObject({ suppression: 'difference', meeting: null });
    // Viewed from 2025-Q4, that quarter is kept and 2026-Q1 is not shown at all (the trend ends at the chosen quarter).
    const older = buildCohortCharts(standings, '2025-Q4', 5, 0.2);
    expect(older.distribution.suppression).toBeNull();
    expect(older.trend.map((t) => t.quarter)).not.toContain('2026-Q1');
  });

  test('growing by 5 at a time keeps every quarter visible', () => {
    const standings = [...cohortQuarter('2025-Q3', ids(1, 5)), ...cohortQuarter('2025-Q4', ids(1, 10)), ...cohortQuarter('2026-Q1', ids(1, 15))];
    const charts = buildCohortCharts(standings, '2026-Q1', 5, 0.2);
    expect(charts.trend.filter((t) => t.suppression === null).map((t) => [t.quarter, t.people])).toEqual([
      ['2025-Q3', 5],
      ['2025-Q4', 10],
      ['2026-Q1', 15],
    ]);
  });

  test('members without counted time (share null) are in no group', () => {
    const standings = [...cohortQuarter('2026-Q1', ids(1, 5)), { memberId: 9, quarter: '2026-Q1', strategicShare: null, meetsPlanningTarget: false }];
    const charts = buildCohortCharts(standings, '2026-Q1', 5, 0.2);
    expect(charts.distribution.people).toBe(5);
  });

  test('a trend of eight quarters when there is data that far back', () => {
    const quarters = quartersEndingWith('2026-Q1', 10);
    const standings = quarters.flatMap((q) => cohortQuarter(q, ids(1, 6)));
    const charts = buildCohortCharts(standings, '2026-Q1', 5, 0.2);
    expect(charts.trend.map((t) => t.quarter)).toEqual(quarters.slice(2));
    expect(charts.trend.every((t) => t.suppression === null)).toBe(true);
  });
});
