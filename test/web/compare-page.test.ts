import { describe, expect, test } from 'vitest';
import type { ComparedCategory } from '../../shared/coaching.ts';
import { toCompareBars } from '../../web/src/chart-data/compare-bars.ts';
import { describePeriod, isValidPeriod, periodLength, quarterPresets } from '../../web/src/compare-presets.ts';
import { hoursChange, pointsChange } from '../../web/src/format-change.ts';

describe('quarter presets for the comparison', () => {
  test('the current quarter first, then the ones before it, across a year boundary; written 2026-Q1 as everywhere else', () => {
    const presets = quarterPresets('2026-03-20', 3);
    expect(presets).toEqual([
      { id: '2026-Q1', label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' },
      { id: '2025-Q4', label: '2025-Q4', from: '2025-10-01', to: '2025-12-31' },
      { id: '2025-Q3', label: '2025-Q3', from: '2025-07-01', to: '2025-09-30' },
    ]);
  });

  test.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-06-30', '2026-Q2'],
    ['2026-07-01', '2026-Q3'],
    ['2026-12-31', '2026-Q4'],
  ])('on %s the current quarter is %s', (today, id) => {
    expect(quarterPresets(today, 1)[0]!.id).toBe(id);
  });

  test('a period is named by its quarter when it is exactly one, by its dates otherwise', () => {
    const presets = quarterPresets('2026-03-20');
    expect(describePeriod({ from: '2025-10-01', to: '2025-12-31' }, presets, (d) => d)).toBe('2025-Q4');
    expect(describePeriod({ from: '2025-10-01', to: '2025-12-30' }, presets, (d) => d)).toBe('2025-10-01 – 2025-12-30');
  });

  test.each([
    [1, '1 day'],
    [5, '5 days'],
    [7, '1 week'],
    [91, '13 weeks'],
    [90, '12.9 weeks (90 days)'],
    [275, '39.3 weeks (275 days)'],
  ])('a period of %i days is %s long', (days, text) => {
    expect(periodLength(days)).toBe(text);
  });

  test.each([
    [{ from: '2026-03-02', to: '2026-03-06' }, true],
    [{ from: '2026-03-06', to: '2026-03-06' }, true],
    [{ from: '2026-03-07', to: '2026-03-06' }, false],
    [{ from: '', to: '2026-03-06' }, false],
    [{ from: '2026-3-2', to: '2026-03-06' }, false],
  ])('%j is a usable period: %s', (period, expected) => {
    expect(isValidPeriod(period)).toBe(expected);
  });
});

describe('signed changes', () => {
  test.each([
    [90, '+1.5 h'],
    [-120, '−2.0 h'],
    [0, '±0.0 h'],
    [2, '±0.0 h'], // shows as zero, so no sign
    [-3.5, '−0.1 h'],
  ])('%d minutes reads %s', (minutes, text) => {
    expect(hoursChange(minutes)).toBe(text);
  });

  test.each([
    [20.8, '+20.8 pts'],
    [-13.6, '−13.6 pts'],
    [0, '±0.0 pts'],
    [-0.04, '±0.0 pts'],
  ])('%d points reads %s', (points, text) => {
    expect(pointsChange(points)).toBe(text);
  });
});

describe('the comparison chart', () => {
  const row = (id: ComparedCategory['id'], a: number, b: number): ComparedCategory => ({
    id,
    a: { minutes: 0, hours: 0, share: a },
    b: { minutes: 0, hours: 0, share: b },
    change: { minutes: 0, hours: 0, points: (b - a) * 100 },
    perWeek: { a: 0, b: 0, change: 0 },
  });

  test('shares in percent, A pale with the category outline, B solid, one colour per category', () => {
    const data = toCompareBars([row('operational', 0.5, 0.25), row('strategic', 0.125, 0.3333)], 'A: 2025-Q4', 'B: 2026-Q1');
    expect(data.labels).toEqual(['Operational', 'Strategic']);
    expect(data.datasets.map((d) => d.label)).toEqual(['A: 2025-Q4', 'B: 2026-Q1']);
    expect(data.datasets[0]!.data).toEqual([50, 12.5]);
    expect(data.datasets[1]!.data).toEqual([25, 33.3]);
    expect(data.datasets[0]!.backgroundColor).toEqual(['#E69F004D', '#0072B24D']);
    expect(data.datasets[0]!.borderColor).toEqual(['#E69F00', '#0072B2']);
    expect(data.datasets[1]!.backgroundColor).toEqual(['#E69F00', '#0072B2']);
  });
});
