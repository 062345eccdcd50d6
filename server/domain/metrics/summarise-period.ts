import { COUNTED_IDS, type CountedId } from '../../../shared/taxonomy.ts';
import { allocateDays, type WorkInstance } from './allocate-days.ts';
import { dateOfMs, listDates, quarterOf, quarterRange, quartersBetween, shiftDate, startOfDayMs, weekStartOf } from './calendar-days.ts';
import type { CountingSettings } from './counting-settings.ts';
import { flagLowStrategicShare, flagMissingPlanningDays, type Flag } from './flags.ts';

/** A period of whole days in the leader's zone, both ends included. */
export interface Period {
  from: string;
  to: string;
  timeZone: string;
}

export type CategoryMinutes = Record<CountedId, number>;

export interface WeekMinutes {
  /** The Monday the week starts on (weeks at the edges of the period are partial). */
  weekStart: string;
  minutes: CategoryMinutes;
}

export interface QuarterPlanning {
  quarter: string;
  protectedDays: number;
  /** Days already over. */
  heldDays: number;
  /** Days still ahead (today included until it ends). */
  scheduledDays: number;
  dates: string[];
}

export interface PeriodSummary {
  period: Period;
  countedMinutes: number;
  minutes: CategoryMinutes;
  shares: CategoryMinutes;
  weekly: WeekMinutes[];
  planning: QuarterPlanning[];
  flags: Flag[];
  /** Minutes credited inside the period, by instance index. */
  instanceMinutes: number[];
  /**
   * With the same events, the summary reads the same until this instant: the first planning day
   * after `nowMs` to end (it turns from scheduled to held) or the next day to begin in the
   * period's zone (today's quarter, which the planning flag judges, follows the date).
   */
  stableUntilMs: number;
}

/**
 * The audit of a period: minutes and shares per category, a weekly series, planning days per
 * quarter and the flags. Planning days are judged over whole quarters (a quarter the period only
 * touches is still judged on all its days), so `instances` must cover those quarters.
 */
export function summarisePeriod(
  instances: readonly WorkInstance[],
  period: Period,
  nowMs: number,
  settings: CountingSettings,
  /** The first day the calendar holds anything: quarters before it are not judged. */
  dataStart: string | null = null,
): PeriodSummary {
  const quarters = quartersBetween(period.from, period.to);
  const dates = listDates(quarterRange(quarters[0]!).from, quarterRange(quarters[quarters.length - 1]!).to);
  const days = allocateDays(instances, dates, period.timeZone, settings.workingDayMinutes, settings.planningDayMinutes);

  const minutes = emptyMinutes();
  const instanceMinutes = new Array<number>(instances.length).fill(0);
  const weeks = new Map<string, CategoryMinutes>();
  for (const day of days) {
    if (day.date < period.from || day.date > period.to) continue;
    const weekStart = weekStartOf(day.date);
    let week = weeks.get(weekStart);
    if (!week) weeks.set(weekStart, (week = emptyMinutes()));
    for (const [index, value] of day.minutesByInstance) {
      const category = instances[index]!.category;
      minutes[category] += value;
      week[category] += value;
      instanceMinutes[index]! += value;
    }
  }

  const countedMinutes = COUNTED_IDS.reduce((sum, id) => sum + minutes[id], 0);
  const shares = emptyMinutes();
  for (const id of COUNTED_IDS) shares[id] = countedMinutes > 0 ? minutes[id] / countedMinutes : 0;

  const planning = quarters.map((quarter): QuarterPlanning => {
    const planningDays = days.filter((day) => day.isProtectedPlanningDay && quarterOf(day.date) === quarter);
    const held = planningDays.filter((day) => day.endMs <= nowMs);
    return {
      quarter,
      protectedDays: planningDays.length,
      heldDays: held.length,
      scheduledDays: planningDays.length - held.length,
      dates: planningDays.map((day) => day.date),
    };
  });

  const today = dateOfMs(nowMs, period.timeZone);
  const todayQuarter = quarterOf(today);
  let stableUntilMs = startOfDayMs(shiftDate(today, 1), period.timeZone);
  for (const day of days) if (day.isProtectedPlanningDay && day.endMs > nowMs && day.endMs < stableUntilMs) stableUntilMs = day.endMs;
  const flags: Flag[] = [];
  const lowShare = flagLowStrategicShare(minutes.strategic, countedMinutes, settings, minutes.unclassified);
  if (lowShare) flags.push(lowShare);
  flags.push(...flagMissingPlanningDays(planning, settings, todayQuarter, dataStart));

  return {
    period,
    countedMinutes: round(countedMinutes),
    minutes: roundAll(minutes),
    shares,
    weekly: [...weeks].map(([weekStart, week]) => ({ weekStart, minutes: roundAll(week) })),
    planning,
    flags,
    instanceMinutes: instanceMinutes.map(round),
    stableUntilMs,
  };
}

function emptyMinutes(): CategoryMinutes {
  return Object.fromEntries(COUNTED_IDS.map((id) => [id, 0])) as CategoryMinutes;
}

function roundAll(minutes: CategoryMinutes): CategoryMinutes {
  return Object.fromEntries(COUNTED_IDS.map((id) => [id, round(minutes[id])])) as CategoryMinutes;
}

/** Minutes are split in equal shares, so fractions arise; reports show tenths of a minute. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
