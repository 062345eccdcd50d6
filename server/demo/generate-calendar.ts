import { resolveCalendarOptions, type GenerateCalendarOptions } from './calendar-options.ts';
import { planLeaderCalendar } from './calendar-plan.ts';
import type { CalendarPlan } from './event-model.ts';
import { renderCalendar } from './render-calendar.ts';

// Deterministic, realistic iCalendar exports of a Leader of Leaders' calendar: demo data for
// newcomers, the benchmark's busy leader-year, and the demo cohort. Pure: no clock, no I/O,
// no Math.random(); the same options give the same bytes.

export type {
  CalendarFlavour,
  CalendarLanguage,
  GenerateCalendarOptions,
  LeaderProfile,
} from './calendar-options.ts';
export type { CalendarPlan, EventIntent, PlannedEvent } from './event-model.ts';

export function generateLeaderCalendar(options: GenerateCalendarOptions): string {
  const resolved = resolveCalendarOptions(options);
  return renderCalendar(planLeaderCalendar(resolved), resolved);
}

/**
 * The same calendar as data, with each entry's intended category (`intent`): the answer key
 * for measuring how well the classifier places generated entries.
 */
export function planLeaderCalendarEvents(options: GenerateCalendarOptions): CalendarPlan {
  return planLeaderCalendar(resolveCalendarOptions(options));
}
