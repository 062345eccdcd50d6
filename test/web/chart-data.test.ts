import { describe, expect, test } from 'vitest';
import { COUNTED_IDS, type CountedId } from '../../shared/taxonomy.ts';
import { toCategoryDoughnut } from '../../web/src/chart-data/category-doughnut.ts';
import { toQuarterStrip } from '../../web/src/chart-data/quarter-strip.ts';
import { toWeeklyBars } from '../../web/src/chart-data/weekly-bars.ts';
import { periodFor } from '../../web/src/periods.ts';

const minutes = (values: Partial<Record<CountedId, number>>): Record<CountedId, number> =>
  Object.fromEntries(COUNTED_IDS.map((id) => [id, values[id] ?? 0])) as Record<CountedId, number>;

describe('the category doughnut', () => {
  test('has the five categories and unclassified, in hours, with fixed colours and the rows for its table', () => {
    const data = toCategoryDoughnut(minutes({ operational: 90, strategic: 30 }), minutes({ operational: 0.75, strategic: 0.25 }));
    expect(data.labels).toEqual(['Operational', 'Strategic', 'Developmental', 'Cross-functional', 'Organisational planning', 'Unclassified']);
    expect(data.datasets[0]!.data).toEqual([1.5, 0.5, 0, 0, 0, 0]);
    expect(data.datasets[0]!.backgroundColor).toEqual(['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#56B4E9', '#8C8C8C']);
    expect(data.rows[1]).toEqual({ id: 'strategic', label: 'Strategic', colour: '#0072B2', hours: 0.5, share: 0.25 });
  });
});

describe('the weekly bars', () => {
  const weeks = [
    { weekStart: '2026-03-02', minutes: minutes({ strategic: 120, operational: 480 }) },
    { weekStart: '2026-03-09', minutes: minutes({ strategic: 0, developmental: 300 }) },
  ];
  const data = toWeeklyBars(weeks, 0.2);

  test('stack hours per category per week, strategic at the bottom', () => {
    expect(data.labels).toEqual(['2026-03-02', '2026-03-09']);
    const bars = data.datasets.filter((d) => d.type === 'bar');
    expect(bars.map((d) => d.label)).toEqual(['Strategic', 'Operational', 'Developmental', 'Cross-functional', 'Organisational planning', 'Unclassified']);
    expect(bars[0]!.data).toEqual([2, 0]);
    expect(bars[1]!.data).toEqual([8, 0]);
  });

  test("draw the strategic target as the hours that are 20% of each week's counted time", () => {
    const line = data.datasets.find((d) => d.type === 'line')!;
    expect(line.data).toEqual([2, 1]); // 20% of 10 h, 20% of 5 h
    expect(line.label).toContain('20%');
  });
});

describe('the quarter strip', () => {
  test('shows held days, then scheduled ones, then empty places up to the target', () => {
    const [row] = toQuarterStrip([{ quarter: '2026-Q4', heldDays: 1, scheduledDays: 1, dates: ['2026-10-14', '2026-12-09'] }], 3);
    expect(row!.cells).toEqual([
      { state: 'held', date: '2026-10-14' },
      { state: 'scheduled', date: '2026-12-09' },
      { state: 'missing', date: null },
    ]);
    expect(row!.summary).toBe('1 held, 1 scheduled of 3');
    expect(row!.meetsTarget).toBe(false);
  });

  test('a quarter above the target shows every day and meets it', () => {
    const [row] = toQuarterStrip([{ quarter: '2026-Q1', heldDays: 4, scheduledDays: 0, dates: ['2026-01-06', '2026-02-03', '2026-03-03', '2026-03-17'] }], 3);
    expect(row!.cells).toHaveLength(4);
    expect(row!.meetsTarget).toBe(true);
  });
});

describe('period presets', () => {
  test.each([
    ['this-quarter', '2026-11-25', { from: '2026-10-01', to: '2026-12-31' }],
    ['last-quarter', '2026-11-25', { from: '2026-07-01', to: '2026-09-30' }],
    ['last-quarter', '2026-02-10', { from: '2025-10-01', to: '2025-12-31' }],
    ['last-12-months', '2026-11-25', { from: '2025-11-26', to: '2026-11-25' }],
    ['last-12-months', '2024-02-29', { from: '2023-03-01', to: '2024-02-29' }],
  ] as const)('%s on %s', (preset, today, expected) => {
    expect(periodFor(preset, today)).toEqual(expected);
  });
});
