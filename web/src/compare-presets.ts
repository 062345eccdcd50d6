import { plural } from './format.ts';
import type { Period } from './periods.ts';

export interface QuarterPreset extends Period {
  /** "2026-Q1". */
  id: string;
  /** "2026-Q1" too: quarters are written one way everywhere (dashboard, compliance, flags, API). */
  label: string;
}

/** The current quarter and the ones before it, newest first: what a comparison usually picks from. */
export function quarterPresets(today: string, count = 8): QuarterPreset[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const presets: QuarterPreset[] = [];
  for (let i = 0; i < count; i++) {
    presets.push({
      id: `${year}-Q${quarter}`,
      label: `${year}-Q${quarter}`,
      from: iso(Date.UTC(year, (quarter - 1) * 3, 1)),
      to: iso(Date.UTC(year, quarter * 3, 0)),
    });
    [year, quarter] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
  }
  return presets;
}

/** A period's name: the quarter's when it is exactly one, otherwise its dates. */
export function describePeriod(period: Period, presets: readonly QuarterPreset[], format: (date: string) => string): string {
  const preset = presets.find((p) => p.from === period.from && p.to === period.to);
  return preset ? preset.label : `${format(period.from)} – ${format(period.to)}`;
}

/** Whether a custom period can be asked for: both dates, in order. */
export function isValidPeriod(period: Partial<Period>): period is Period {
  return Boolean(period.from && period.to && /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "5 days", "13 weeks", "12.9 weeks (90 days)": a period's length in the weeks per-week figures divide by. */
export function periodLength(days: number): string {
  if (days < 7) return plural(days, 'day');
  if (days % 7 === 0) return plural(days / 7, 'week');
  return `${(days / 7).toFixed(1)} weeks (${days} days)`;
}
