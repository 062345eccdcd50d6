import type { ClientFigures } from '../../../shared/coaching.ts';
import type { CountingSettings } from '../metrics/counting-settings.ts';
import type { PeriodFigures } from '../metrics/compare-periods.ts';

/**
 * The headline of one client on the coach's list: the current quarter (judged whole, with days
 * still booked ahead, as the dashboard's "This quarter" shows it) and the last 12 months'
 * strategic share. The same figures the client's dashboard shows for those two periods.
 */
export function toClientFigures(quarter: PeriodFigures, lastYear: PeriodFigures, settings: CountingSettings): ClientFigures {
  const planning = quarter.planning[0];
  return {
    quarter: {
      quarter: planning?.quarter ?? '',
      from: quarter.period.from,
      to: quarter.period.to,
      countedMinutes: quarter.countedMinutes,
      strategicMinutes: quarter.minutes.strategic,
      strategicShare: quarter.shares.strategic,
      protectedDays: planning?.protectedDays ?? 0,
      heldDays: planning?.heldDays ?? 0,
      scheduledDays: planning?.scheduledDays ?? 0,
      flags: quarter.flags.map((flag) => ({ code: flag.code, message: flag.message, advice: flag.advice })),
    },
    last12Months: {
      from: lastYear.period.from,
      to: lastYear.period.to,
      countedMinutes: lastYear.countedMinutes,
      strategicShare: lastYear.shares.strategic,
      // No counted time is no judgement, as for the flag itself.
      isLow: lastYear.countedMinutes > 0 && lastYear.shares.strategic < settings.strategicShareMin,
    },
    targets: { strategicShareMin: settings.strategicShareMin, planningDaysPerQuarter: settings.planningDaysPerQuarter },
  };
}
