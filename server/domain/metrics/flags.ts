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

/** More than half of counted time unclassified: the shares describe the rules more than the week. */
const MOSTLY_UNCLASSIFIED = 0.5;

const STRATEGIC_ADVICE =
  'Protect a weekly strategic thinking block, hand operational reviews and status meetings to your direct reports, and check which recurring meetings still need you.';

/** TAXONOMY.md "Low strategic share": under the threshold of counted work time. Strictly
 * under: exactly 20.0% is not flagged. No counted time, no judgement.
 *
 * Unclassified time is counted work time, so the flag stands as the taxonomy defines it even when
 * most events still wait for a decision. But then the share says more about what is not yet
 * placed than about the leader's week: the message and advice say so, and ask for the placing first. */
export function flagLowStrategicShare(strategicMinutes: number, countedMinutes: number, settings: CountingSettings, unclassifiedMinutes = 0): Flag | null {
  if (countedMinutes <= 0) return null;
  const share = strategicMinutes / countedMinutes;
  if (share >= settings.strategicShareMin) return null;
  const unclassifiedShare = unclassifiedMinutes / countedMinutes;
  const isMostlyUnclassified = unclassifiedShare > MOSTLY_UNCLASSIFIED;
  const underTarget = `Strategic time is ${percent(share)} of counted work time, under the target of ${percent(settings.strategicShareMin)}`;
  return {
    code: 'low-strategic-share',
    message: isMostlyUnclassified
      ? `${underTarget}; ${percent(unclassifiedShare)} of counted work time is still unclassified.`
      : `${underTarget}: too little to set direction and translate strategy into priorities.`,
    advice: isMostlyUnclassified
      ? `First place the unclassified events (${percent(unclassifiedShare)} of counted time) on the Events page or with a rule: they are counted, so until they have a category the strategic share is not yet meaningful. Then, if it stays under the target: ${lowerFirst(STRATEGIC_ADVICE)}`
      : STRATEGIC_ADVICE,
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

function lowerFirst(text: string): string {
  return `${text[0]!.toLowerCase()}${text.slice(1)}`;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}
