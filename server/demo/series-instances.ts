import { findFreeStarts, isFree, LUNCH_END, LUNCH_START, markBusy, WORKDAY_END, WORKDAY_START, type DayGrid } from './day-grid.ts';
import type { Attendance, InstanceOverride, PlannedEvent, WallTime } from './event-model.ts';
import { getDateParts } from './local-time.ts';
import { fillTitleTemplate, getDayInfo, isInFuture, type PlanContext } from './plan-context.ts';
import { createPlannedEvent, createTimedTiming } from './planned-event.ts';
import type { Random } from './random.ts';
import type { ScheduledSeries } from './series-schedule.ts';

// What happens to one instance of a standing meeting: it takes place, is skipped (EXDATE),
// moved or renamed (a RECURRENCE-ID override with SEQUENCE bumped), cancelled by the
// organiser, or declined by the leader.

export interface SeriesState {
  scheduled: ScheduledSeries;
  exdates: WallTime[];
  overrides: InstanceOverride[];
  /** Review seasons in which a 1:1 has already been renamed to a review. */
  reviewHalves: Set<number>;
}

/** An accepted entry the leader sits in, for the pass that adds double bookings later. */
export interface DayEntry {
  start: number;
  end: number;
  isSolo: boolean;
}

export interface InstanceOutcome {
  /** Whether the instance still appears on the calendar (everything but an EXDATE). */
  isListed: boolean;
  entry?: DayEntry;
}

const MOVE_SHARE = 0.04;
const SKIP_SHARE = 0.03;
const DECLINE_SHARE = 0.025;

export function createSeriesState(scheduled: ScheduledSeries): SeriesState {
  return { scheduled, exdates: [], overrides: [], reviewHalves: new Set() };
}

function withLeaderAnswer(context: PlanContext, attendees: readonly Attendance[], partStat: Attendance['partStat']): Attendance[] {
  return attendees.map((attendance) =>
    attendance.person.email === context.roster.leader.email ? { ...attendance, partStat } : attendance,
  );
}

function overlapsBlock(context: PlanContext, day: number, start: number, end: number): boolean {
  return getDayInfo(context, day).timedBlocks.some((block) => block.start < end && start < block.end);
}

function findMoveTarget(random: Random, grid: DayGrid, duration: number, original: number): number | undefined {
  const starts = findFreeStarts(grid, duration, WORKDAY_START + 60, WORKDAY_END, 30).filter(
    (start) => start !== original && (start + duration <= LUNCH_START || start >= LUNCH_END),
  );
  return starts.length > 0 ? random.pick(starts) : undefined;
}

export function processSeriesInstance(
  context: PlanContext,
  random: Random,
  state: SeriesState,
  day: number,
  grid: DayGrid,
): InstanceOutcome {
  const { spec, startMinute } = state.scheduled;
  const start = startMinute;
  const end = startMinute + spec.duration;
  const original: WallTime = { day, minute: start };
  const info = getDayInfo(context, day);
  const isMeeting = spec.attendees.length > 0;
  const isOwnedByLeader = spec.isLeaderOrganiser || !isMeeting;
  const isPersonal = spec.exclusion === 'personal';
  const skip = (): InstanceOutcome => {
    state.exdates.push(original);
    return { isListed: false };
  };
  const decline = (): InstanceOutcome => {
    state.overrides.push({
      originalStart: original,
      timing: createTimedTiming(day, start, end),
      summary: spec.summary,
      status: 'CONFIRMED',
      attendees: withLeaderAnswer(context, spec.attendees, 'DECLINED'),
      sequence: 0,
      reason: 'declined',
      intent: 'excluded',
      exclusion: 'declined',
    });
    return { isListed: true };
  };

  // Organisers drop public holidays from their series.
  if (info.isHoliday) return skip();
  const isBlocked = info.blocker !== undefined || overlapsBlock(context, day, start, end);
  if (isBlocked) return isOwnedByLeader || isPersonal ? skip() : decline();
  const place = (): InstanceOutcome => {
    markBusy(grid, start, end);
    return { isListed: true, entry: { start, end, isSolo: !isMeeting } };
  };
  if (isPersonal) return place();
  // Far-future instances have not been touched yet.
  if (isInFuture(context, day) && day - context.today > 21) return place();

  const roll = random.next();
  if (roll < MOVE_SHARE) {
    const target = findMoveTarget(random, grid, spec.duration, start);
    if (target !== undefined) {
      const isRenamed = random.chance(0.4);
      const summary = isRenamed
        ? fillTitleTemplate(context, random, random.pick(context.vocabulary.titles.movedInstance), day, { title: spec.summary })
        : spec.summary;
      state.overrides.push({
        originalStart: original,
        timing: createTimedTiming(day, target, target + spec.duration),
        summary,
        status: 'CONFIRMED',
        attendees: spec.attendees,
        sequence: 1,
        reason: 'moved',
        intent: spec.intent,
      });
      markBusy(grid, target, target + spec.duration);
      return { isListed: true, entry: { start: target, end: target + spec.duration, isSolo: !isMeeting } };
    }
  } else if (roll < MOVE_SHARE + SKIP_SHARE) {
    if (isOwnedByLeader) return skip();
    state.overrides.push({
      originalStart: original,
      timing: createTimedTiming(day, start, end),
      summary: spec.summary,
      status: 'CANCELLED',
      attendees: spec.attendees,
      sequence: 1,
      reason: 'cancelled',
      intent: 'excluded',
      exclusion: 'cancelled',
    });
    return { isListed: true };
  } else if (roll < MOVE_SHARE + SKIP_SHARE + DECLINE_SHARE && !isOwnedByLeader) {
    return decline();
  }

  const counterpart = spec.counterpart;
  const { year, month } = getDateParts(day);
  // Review seasons: June-July (mid-year) and December-January (year-end, keyed to December's year).
  const isReviewSeason = month === 6 || month === 7 || month === 12 || month === 1;
  const half = month === 1 ? year * 2 : month === 12 ? year * 2 + 2 : year * 2 + 1;
  if (counterpart && isReviewSeason && !state.reviewHalves.has(half) && random.chance(0.4)) {
    state.reviewHalves.add(half);
    const longer = isFree(grid, end, end + 15) ? end + 15 : end;
    state.overrides.push({
      originalStart: original,
      timing: createTimedTiming(day, start, longer),
      summary: fillTitleTemplate(context, random, random.pick(context.vocabulary.titles.midYearReview), day, {
        person: counterpart.firstName,
      }),
      status: 'CONFIRMED',
      attendees: spec.attendees,
      sequence: 1,
      reason: 'retitled',
      intent: 'developmental',
    });
    markBusy(grid, start, longer);
    return { isListed: true, entry: { start, end: longer, isSolo: false } };
  }
  return place();
}

/** The VEVENT that carries the RRULE, with every EXDATE and override collected on the way. */
export function buildSeriesEvent(state: SeriesState): PlannedEvent {
  const { spec, rule, startMinute, dtstartDay, lastOccurrenceDay } = state.scheduled;
  return createPlannedEvent({
    key: spec.key,
    titleKey: spec.titleKey,
    summary: spec.summary,
    timing: createTimedTiming(dtstartDay, startMinute, startMinute + spec.duration),
    intent: spec.intent,
    ...(spec.exclusion ? { exclusion: spec.exclusion } : {}),
    ...(spec.organizer && spec.attendees.length > 0 ? { organizer: spec.organizer } : {}),
    attendees: spec.attendees,
    hasOnlineMeeting: spec.hasOnlineMeeting,
    ...(spec.location ? { location: spec.location } : {}),
    isPrivate: spec.isPrivate,
    createdDaysBefore: spec.createdDaysBefore,
    recurrence: {
      rule,
      ...(lastOccurrenceDay !== undefined ? { lastStart: { day: lastOccurrenceDay, minute: startMinute } } : {}),
      exdates: state.exdates,
      overrides: state.overrides,
    },
  });
}
