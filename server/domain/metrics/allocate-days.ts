import type { CountedId } from '../../../shared/taxonomy.ts';
import type { When } from '../ics/when.ts';
import { dateOfMs, isWeekday, shiftDate, startOfDayMs } from './calendar-days.ts';

/** An instance that counts as work time: excluded ones never reach the counting. */
export interface WorkInstance {
  start: When;
  end: When;
  category: CountedId;
  /** Has attendees besides the leader; a meeting takes the minutes of an overlapping solo block. */
  isMeeting: boolean;
  /** Kept by the leader (not an unanswered or tentative invitation): only such events spoil a planning day. */
  isAccepted: boolean;
}

export interface DayAllocation {
  date: string;
  /** Minutes each instance (by index) is credited with on this day. */
  minutesByInstance: Map<number, number>;
  isProtectedPlanningDay: boolean;
  /** When the day ends, for telling held from scheduled planning days. */
  endMs: number;
}

interface TimedSpan {
  index: number;
  startMs: number;
  endMs: number;
  isMeeting: boolean;
  isPlanning: boolean;
  isAccepted: boolean;
}

/**
 * Credits each day's minutes to instances by the counting rules of TAXONOMY.md:
 * - no minute twice: where a meeting overlaps a solo block the meeting takes the minutes;
 *   events of the same kind share overlapping minutes equally;
 * - a timed event counts at most one working day on any one day;
 * - an all-day work event fills one working day on each weekday it covers, less the minutes
 *   timed events on that day take from it (by the same precedence: a meeting beats a solo
 *   block, the same kind shares).
 * Days are the leader's: `zone` decides where each one starts.
 */
export function allocateDays(
  instances: readonly WorkInstance[],
  dates: readonly string[],
  zone: string,
  workingDayMinutes: number,
  planningDayMinutes: number,
): DayAllocation[] {
  if (dates.length === 0) return [];
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const dayStarts = new Map<string, number>();
  for (const date of [...dates, shiftDate(last, 1)]) dayStarts.set(date, startOfDayMs(date, zone));

  const timedByDate = new Map<string, TimedSpan[]>();
  const allDayByDate = new Map<string, number[]>();
  instances.forEach((instance, index) => {
    if (instance.start.kind === 'time' && instance.end.kind === 'time') {
      if (instance.end.ms <= instance.start.ms) return;
      const span: TimedSpan = {
        index,
        startMs: instance.start.ms,
        endMs: instance.end.ms,
        isMeeting: instance.isMeeting,
        isPlanning: instance.category === 'organisational-planning',
        isAccepted: instance.isAccepted,
      };
      const firstDate = maxDate(dateOfMs(span.startMs, zone), first);
      const lastDate = minDate(dateOfMs(span.endMs - 1, zone), last);
      for (let date = firstDate; date <= lastDate; date = shiftDate(date, 1)) push(timedByDate, date, span);
    } else if (instance.start.kind === 'date' && instance.end.kind === 'date') {
      const lastDate = minDate(shiftDate(instance.end.date, -1), last);
      for (let date = maxDate(instance.start.date, first); date <= lastDate; date = shiftDate(date, 1)) {
        if (isWeekday(date)) push(allDayByDate, date, index);
      }
    }
  });

  return dates.map((date) => {
    const dayStart = dayStarts.get(date)!;
    const dayEnd = dayStarts.get(shiftDate(date, 1))!;
    const timed = timedByDate.get(date) ?? [];
    const allDay = allDayByDate.get(date) ?? [];
    const minutes = new Map<number, number>();
    const timedMinutes = sweepDay(timed, dayStart, dayEnd, workingDayMinutes);

    if (allDay.length === 0) {
      for (const [index, value] of timedMinutes) minutes.set(index, value);
    } else {
      const allDayMeetings = allDay.filter((index) => instances[index]!.isMeeting);
      const holders = allDayMeetings.length > 0 ? allDayMeetings : allDay;
      const holdersAreMeetings = allDayMeetings.length > 0;
      let kept = 0;
      for (const span of timed) {
        const value = timedMinutes.get(span.index) ?? 0;
        // The all-day events span the working day, so they overlap every timed event of the day.
        const share = span.isMeeting === holdersAreMeetings ? value / (holders.length + 1) : span.isMeeting ? value : 0;
        minutes.set(span.index, share);
        kept += share;
      }
      const pool = Math.max(0, workingDayMinutes - kept) / holders.length;
      for (const index of holders) minutes.set(index, pool);
    }

    return {
      date,
      minutesByInstance: minutes,
      isProtectedPlanningDay: isProtectedPlanningDay(instances, timed, allDay, minutes, planningDayMinutes),
      endMs: dayEnd,
    };
  });
}

/** Splits one day among timed events: a meeting beats a solo block, equals share. */
function sweepDay(spans: readonly TimedSpan[], dayStart: number, dayEnd: number, workingDayMinutes: number): Map<number, number> {
  const result = new Map<number, number>();
  if (spans.length === 0) return result;
  const points = new Set<number>();
  for (const span of spans) {
    points.add(Math.max(span.startMs, dayStart));
    points.add(Math.min(span.endMs, dayEnd));
  }
  const sorted = [...points].sort((a, b) => a - b);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const active = spans.filter((span) => span.startMs <= from && span.endMs >= to);
    if (active.length === 0) continue;
    const meetings = active.filter((span) => span.isMeeting);
    const takers = meetings.length > 0 ? meetings : active;
    const each = (to - from) / 60_000 / takers.length;
    for (const span of takers) result.set(span.index, (result.get(span.index) ?? 0) + each);
  }
  for (const [index, value] of result) result.set(index, Math.min(value, workingDayMinutes));
  return result;
}

/**
 * TAXONOMY.md: a day with at least `planningDayMinutes` of organisational-planning time (an
 * all-day planning event counts as a full day, whatever the working-day setting) that no other
 * accepted work event overlaps. An all-day event spans the whole day, so it overlaps every other
 * event of that day.
 */
function isProtectedPlanningDay(
  instances: readonly WorkInstance[],
  timed: readonly TimedSpan[],
  allDay: readonly number[],
  minutes: ReadonlyMap<number, number>,
  planningDayMinutes: number,
): boolean {
  const allDayPlanning = allDay.filter((index) => instances[index]!.category === 'organisational-planning');
  let planning = 0;
  for (const [index, value] of minutes) if (instances[index]!.category === 'organisational-planning') planning += value;
  if (planning < planningDayMinutes && allDayPlanning.length === 0) return false;

  const allDayOther = allDay.filter((index) => instances[index]!.category !== 'organisational-planning' && instances[index]!.isAccepted);
  const timedPlanning = timed.filter((span) => span.isPlanning);
  const timedOther = timed.filter((span) => !span.isPlanning && span.isAccepted);

  if (allDayPlanning.length > 0 && (allDayOther.length > 0 || timedOther.length > 0)) return false;
  if (timedPlanning.length > 0 && allDayOther.length > 0) return false;
  return !timedPlanning.some((p) => timedOther.some((o) => o.startMs < p.endMs && o.endMs > p.startMs));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
