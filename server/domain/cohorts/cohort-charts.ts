import { quarterOf, quarterRange, shiftDate } from '../metrics/calendar-days.ts';
import { decideGroups, type Suppression } from './suppress.ts';

/** One member's standing in one quarter, from their compliance row. */
export interface QuarterStanding {
  memberId: number;
  quarter: string;
  /** Null: no counted work time that quarter (left out of every aggregate). */
  strategicShare: number | null;
  meetsPlanningTarget: boolean;
}

export interface ShareBucket {
  /** Percentage points, lower bound included. */
  from: number;
  /** Upper bound excluded; null for the open top bucket. */
  to: number | null;
  count: number;
}

interface Shown {
  quarter: string;
  /** Null when shown; else why the figure is hidden ('no-data': nobody had counted time). */
  suppression: Suppression | 'no-data' | null;
  /** People in the group; null when hidden. */
  people: number | null;
}

export interface CohortCharts {
  quarter: string;
  minGroup: number;
  /** Where the strategic line is drawn (TAXONOMY.md's default, 20%). */
  threshold: number;
  distribution: Shown & { buckets: ShareBucket[]; below: number | null; median: number | null };
  planningTarget: Array<Shown & { meeting: number | null; share: number | null }>;
  trend: Array<Shown & { median: number | null; mean: number | null }>;
}

export const BUCKET_POINTS = 5;
/** Shares of 50% and more share the top bucket: few leaders get there, and the chart stays legible. */
export const TOP_BUCKET_FROM = 50;
export const PLANNING_QUARTERS = 4;
export const TREND_QUARTERS = 8;
const MIN_TREND_QUARTERS = 4;

/** Counts of shares in buckets of 5 points: 0-5, 5-10 ... 45-50, 50 and more. 20.0% lands in 20-25. */
export function toShareBuckets(shares: readonly number[]): ShareBucket[] {
  const buckets: ShareBucket[] = [];
  for (let from = 0; from < TOP_BUCKET_FROM; from += BUCKET_POINTS) buckets.push({ from, to: from + BUCKET_POINTS, count: 0 });
  buckets.push({ from: TOP_BUCKET_FROM, to: null, count: 0 });
  for (const share of shares) {
    // The epsilon keeps 0.2 (which can come out as 19.999…) in the 20-25 bucket.
    const index = Math.min(buckets.length - 1, Math.max(0, Math.floor((share * 100) / BUCKET_POINTS + 1e-9)));
    buckets[index]!.count++;
  }
  return buckets;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** `count` quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: string, count: number): string[] {
  const quarters = [last];
  while (quarters.length < count) quarters.unshift(quarterOf(shiftDate(quarterRange(quarters[0]!).from, -1)));
  return quarters;
}

/**
 * The three cohort charts for `quarter`. Every quarter's group is the members with counted time
 * that quarter; the groups of all quarters shown are decided together (see suppress.ts), the
 * chosen quarter first, then the others newest first, so the quarter the page is about is the
 * one kept when two are too close.
 */
export function buildCohortCharts(standings: readonly QuarterStanding[], quarter: string, k: number, threshold: number): CohortCharts {
  const trendQuarters = quartersEndingWith(quarter, TREND_QUARTERS);
  const byQuarter = new Map<string, QuarterStanding[]>(trendQuarters.map((q) => [q, []]));
  for (const standing of standings) {
    if (standing.strategicShare !== null) byQuarter.get(standing.quarter)?.push(standing);
  }
  // Leading quarters before anyone's data are left out, down to the last four.
  while (trendQuarters.length > MIN_TREND_QUARTERS && byQuarter.get(trendQuarters[0]!)!.length === 0) trendQuarters.shift();

  const order = [quarter, ...[...trendQuarters].reverse().filter((q) => q !== quarter)];
  const decisions = decideGroups(
    order.map((q) => ({ key: q, members: byQuarter.get(q)!.map((s) => s.memberId) })),
    k,
  );
  const shown = (q: string): Shown => {
    const suppression = byQuarter.get(q)!.length === 0 ? 'no-data' : (decisions.get(q) ?? null);
    return { quarter: q, suppression, people: suppression ? null : byQuarter.get(q)!.length };
  };
  const sharesOf = (q: string) => byQuarter.get(q)!.map((s) => s.strategicShare!);

  const main = shown(quarter);
  const distribution = main.suppression
    ? { ...main, buckets: toShareBuckets([]), below: null, median: null }
    : { ...main, buckets: toShareBuckets(sharesOf(quarter)), below: sharesOf(quarter).filter((s) => s < threshold).length, median: median(sharesOf(quarter)) };

  const planningTarget = quartersEndingWith(quarter, PLANNING_QUARTERS).map((q) => {
    const head = shown(q);
    if (head.suppression) return { ...head, meeting: null, share: null };
    const group = byQuarter.get(q)!;
    const meeting = group.filter((s) => s.meetsPlanningTarget).length;
    return { ...head, meeting, share: meeting / group.length };
  });

  const trend = trendQuarters.map((q) => {
    const head = shown(q);
    if (head.suppression) return { ...head, median: null, mean: null };
    return { ...head, median: median(sharesOf(q)), mean: mean(sharesOf(q)) };
  });

  return { quarter, minGroup: k, threshold, distribution, planningTarget, trend };
}
