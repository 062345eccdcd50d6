import { CATEGORY_COLOURS } from '../../../shared/category-colours.ts';
import type { ChartsView, Hidden } from '../../../shared/cohorts-api.ts';

const TARGET_LINE = '#1d2330';

/** Why a figure is not shown, in the words the page uses. */
export function hiddenText(reason: Hidden, minGroup: number): string {
  if (reason === 'no-data') return 'no data';
  if (reason === 'fewer-than-k') return `fewer than ${minGroup} people: hidden to protect individuals`;
  return `hidden to protect individuals: this group differs by fewer than ${minGroup} people from another one shown`;
}

export function bucketLabel(bucket: { from: number; to: number | null }): string {
  return bucket.to === null ? `${bucket.from}% +` : `${bucket.from}–${bucket.to}%`;
}

export interface DistributionBars {
  labels: string[];
  datasets: Array<{ label: string; data: number[]; backgroundColor: string[] }>;
  /** Where the target line falls, in bucket units from the left edge (20% -> 4). */
  lineAt: number;
}

/**
 * People per 5-point bucket of strategic share. Buckets under the target are drawn in the
 * operational colour (the time went to running today's business), the others in the strategic
 * one; the target line sits on the bucket edge, since 20.0% is on target.
 */
export function toDistributionBars(distribution: ChartsView['distribution'], threshold: number): DistributionBars {
  const buckets = distribution.buckets;
  const width = buckets.length > 1 ? buckets[0]!.to! - buckets[0]!.from : 5;
  return {
    labels: buckets.map(bucketLabel),
    datasets: [
      {
        label: 'Leaders',
        data: buckets.map((b) => b.count),
        backgroundColor: buckets.map((b) => (b.from < threshold * 100 ? CATEGORY_COLOURS.operational : CATEGORY_COLOURS.strategic)),
      },
    ],
    lineAt: (threshold * 100) / width,
  };
}

export interface PlanningBars {
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null>; backgroundColor: string }>;
}

/** Percentage of leaders meeting their planning-day target per quarter; hidden quarters have no bar. */
export function toPlanningBars(rows: ChartsView['planningTarget']): PlanningBars {
  return {
    labels: rows.map((row) => row.quarter),
    datasets: [
      {
        label: 'Leaders meeting their planning-day target (%)',
        data: rows.map((row) => (row.share === null ? null : Math.round(row.share * 1000) / 10)),
        backgroundColor: CATEGORY_COLOURS['organisational-planning'],
      },
    ],
  };
}

export interface TrendLines {
  labels: string[];
  datasets: Array<{
    label: string;
    data: Array<number | null>;
    borderColor: string;
    backgroundColor: string;
    borderDash: number[];
    pointRadius: number;
    spanGaps: false;
  }>;
}

/** Median and mean strategic share per quarter (percent), with the target line; hidden quarters are gaps. */
export function toTrendLines(trend: ChartsView['trend'], threshold: number): TrendLines {
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
  return {
    labels: trend.map((row) => row.quarter),
    datasets: [
      { label: 'Median strategic share (%)', data: trend.map((row) => percent(row.median)), borderColor: CATEGORY_COLOURS.strategic, backgroundColor: CATEGORY_COLOURS.strategic, borderDash: [], pointRadius: 4, spanGaps: false },
      { label: 'Mean strategic share (%)', data: trend.map((row) => percent(row.mean)), borderColor: CATEGORY_COLOURS['organisational-planning'], backgroundColor: CATEGORY_COLOURS['organisational-planning'], borderDash: [4, 3], pointRadius: 3, spanGaps: false },
      { label: `Target (${Math.round(threshold * 100)}%)`, data: trend.map(() => Math.round(threshold * 1000) / 10), borderColor: TARGET_LINE, backgroundColor: TARGET_LINE, borderDash: [6, 4], pointRadius: 0, spanGaps: false },
    ],
  };
}
