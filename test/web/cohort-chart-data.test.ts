import { describe, expect, test } from 'vitest';
import { toShareBuckets } from '../../server/domain/cohorts/cohort-charts.ts';
import { CATEGORY_COLOURS } from '../../shared/category-colours.ts';
import type { ChartsView } from '../../shared/cohorts-api.ts';
import { bucketLabel, hiddenText, toDistributionBars, toPlanningBars, toTrendLines } from '../../web/src/chart-data/cohort-charts.ts';

describe('cohort chart data', () => {
  test('distribution: a bar per bucket, under-target buckets in the operational colour, the line on the 20% edge', () => {
    const distribution: ChartsView['distribution'] = { quarter: '2026-Q1', suppression: null, people: 6, buckets: toShareBuckets([0.12, 0.19, 0.2, 0.21, 0.35, 0.6]), below: 2, median: 0.205 };
    const bars = toDistributionBars(distribution, 0.2);
    expect(bars.labels).toEqual(['0–5%', '5–10%', '10–15%', '15–20%', '20–25%', '25–30%', '30–35%', '35–40%', '40–45%', '45–50%', '50% +']);
    expect(bars.datasets[0]!.data).toEqual([0, 0, 1, 1, 2, 0, 0, 1, 0, 0, 1]);
    expect(bars.datasets[0]!.backgroundColor.slice(2, 6)).toEqual([CATEGORY_COLOURS.operational, CATEGORY_COLOURS.operational, CATEGORY_COLOURS.strategic, CATEGORY_COLOURS.strategic]);
    expect(bars.lineAt).toBe(4);
    expect(toDistributionBars(distribution, 0.25).lineAt).toBe(5);
  });

  test('planning: percentages with one decimal, hidden quarters as gaps', () => {
    const rows: ChartsView['planningTarget'] = [
      { quarter: '2025-Q2', suppression: 'no-data', people: null, meeting: null, share: null },
      { quarter: '2025-Q3', suppression: 'fewer-than-k', people: null, meeting: null, share: null },
      { quarter: '2025-Q4', suppression: null, people: 6, meeting: 4, share: 4 / 6 },
      { quarter: '2026-Q1', suppression: null, people: 7, meeting: 7, share: 1 },
    ];
    const bars = toPlanningBars(rows);
    expect(bars.labels).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(bars.datasets[0]!.data).toEqual([null, null, 66.7, 100]);
    expect(bars.datasets[0]!.backgroundColor).toBe(CATEGORY_COLOURS['organisational-planning']);
  });

  test('trend: median, mean and a flat target line; a hidden quarter is a gap, never a zero', () => {
    const trend: ChartsView['trend'] = [
      { quarter: '2025-Q4', suppression: 'difference', people: null, median: null, mean: null },
      { quarter: '2026-Q1', suppression: null, people: 6, median: 0.2051, mean: 0.19 },
    ];
    const lines = toTrendLines(trend, 0.2);
    expect(lines.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Median strategic share (%)', [null, 20.5]],
      ['Mean strategic share (%)', [null, 19]],
      ['Target (20%)', [20, 20]],
    ]);
    expect(lines.datasets.every((d) => d.spanGaps === false)).toBe(true);
  });

  test.each([
    ['fewer-than-k', 5, 'fewer than 5 people: hidden to protect individuals'],
    ['fewer-than-k', 7, 'fewer than 7 people: hidden to protect individuals'],
    ['difference', 5, 'hidden to protect individuals: this group differs by fewer than 5 people from another one shown'],
    ['no-data', 5, 'no data'],
  ] as const)('%s (K=%i) reads "%s"', (reason, k, text) => {
    expect(hiddenText(reason, k)).toBe(text);
  });

  test('bucket labels', () => {
    expect(bucketLabel({ from: 15, to: 20 })).toBe('15–20%');
    expect(bucketLabel({ from: 50, to: null })).toBe('50% +');
  });
});
