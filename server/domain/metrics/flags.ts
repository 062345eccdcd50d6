import { quarterRange } from './calendar-days.ts';
import type { CountingSettings } from './counting-settings.ts';
import type { QuarterPlanning } from './summarise-period.ts';

export type Flag =
  | {
      code: 'low-strategic-share';
      message: string;
      advice: string;
      share: number;
      threshold: number;
    }
  | {
      code: 'missing-planning-days';
      message: string;
      advice: string;
      quarter: string;
      protectedDays: number;
      heldDays: number;
      scheduledDays: number;
      target: number;
    };

/** TAXONOMY.md "Low strategic share": under the threshold of counted work time. Strictly
 * under: exactly 20.0% is not flagged. No counted time, no judgement. */
export function flagLowStrategicShare(strategicMinutes: number, countedMinutes: number, settings: CountingSettings): Flag | null {
  if (countedMinutes <= 0) return null;
  const share = strategicMinutes / countedMinutes;
  if (share >= settings.strategicShareMin) return null;
  return {
    code: 'low-strategic-share',
    message: `Strategic time is ${percent(share)} of counted work time, under the target of ${percent(settings.strategicShareMin)}: too little to set direction and translate strategy into priorities.`,
    advice:
      'Protect a weekly strategic thinking block, hand operational reviews and status meetings to your direct reports, and check which recurring meetings still need you.',
    share,
    threshold: settings.strategicShareMin,
  };
}

/** TAXONOMY.md "No protected planning days": a quarter with fewer than the target, counting
 * days still booked ahead in the current quarter, so the flag warns before the quarter ends. */
export function flagMissingPlanningDays(
  planning: readonly QuarterPlanning[],
  settings: CountingSettings,
  todayQuarter: string,
  dataStart: string | null = null,
): Flag[] {
  const target = settings.planningDaysPerQuarter;
  return planning
    .filter((quarter) => quarter.protectedDays < target)
    // A quarter that ended before the calendar's first event cannot be judged from it.
    .filter((quarter) => dataStart === null || quarterRange(quarter.quarter).to >= dataStart)
    .map((quarter) => {
      const { heldDays, scheduledDays } = quarter;
      const isPast = quarter.quarter < todayQuarter;
      const isFuture = quarter.quarter > todayQuarter;
      const missing = target - quarter.protectedDays;
      const message = isPast
        ? `${quarter.quarter} had ${days(heldDays)} of protected planning; the target is ${target}.`
        : isFuture
          ? `${quarter.quarter} has ${days(scheduledDays)} of protected planning booked; the target is ${target}.`
          : `${quarter.quarter} has ${days(heldDays)} of protected planning held and ${days(scheduledDays)} booked ahead; the target is ${target}.`;
      const startsInside = dataStart !== null && dataStart > quarterRange(quarter.quarter).from;
      return {
        code: 'missing-planning-days' as const,
        message: startsInside ? `${message} (The calendar starts on ${dataStart}, inside this quarter.)` : message,
        advice: isPast
          ? 'Without protected days the unit’s future (talent, capability, organisation design) waits for the operational agenda to allow it. Book next quarter’s days now.'
          : `Book ${missing === 1 ? 'one more day' : `${missing} more days`}: full days with no other meetings, for talent, capability and organisation design.`,
        quarter: quarter.quarter,
        protectedDays: quarter.protectedDays,
        heldDays,
        scheduledDays,
        target,
      };
    });
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}
