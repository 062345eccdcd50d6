import { markBusy, WORKDAY_END } from './day-grid.ts';
import { buildMeeting, draftMeeting, pickIntent, type DayPlacement } from './one-off-meetings.ts';
import { ONE_OFF_KINDS } from './one-off-kinds.ts';
import { isOpenWorkingDay, type PlanContext } from './plan-context.ts';
import type { Random } from './random.ts';
import type { DayEntry } from './series-instances.ts';

// Real calendars overlap: double bookings the leader accepted anyway, a meeting dropped into
// a focus block, and now and then a "protected" planning day that someone booked over.
// The product's no-double-counting rules need these cases to exist.

const PROFILES_THAT_BREAK_PROTECTION = new Set(['balanced', 'strategic', 'developer', 'networker']);

function countMonths(context: PlanContext, lastDay: number): number {
  return Math.max(0, lastDay - context.firstDay + 1) / 30.44;
}

function listCandidates(
  context: PlanContext,
  placements: ReadonlyMap<number, DayPlacement>,
  lastDay: number,
  isWanted: (entry: DayEntry) => boolean,
): [DayPlacement, DayEntry][] {
  const candidates: [DayPlacement, DayEntry][] = [];
  for (const placement of placements.values()) {
    if (placement.day > lastDay || !isOpenWorkingDay(context, placement.day)) continue;
    for (const entry of placement.entries) if (isWanted(entry)) candidates.push([placement, entry]);
  }
  return candidates;
}

function addOverlappingMeeting(context: PlanContext, random: Random, placement: DayPlacement, start: number, maxDuration: number): void {
  const draft = draftMeeting(context, random, pickIntent(context, random), true);
  const duration = Math.min(random.pick([30, 45, 60]), maxDuration, WORKDAY_END - start);
  if (duration < 15) return;
  const event = buildMeeting(context, random, placement, { ...draft, duration }, start, {
    leaderResponse: random.chance(0.7) ? 'ACCEPTED' : 'TENTATIVE',
    keyPrefix: 'overlap',
  });
  context.events.push(event);
  markBusy(placement.grid, start, start + duration);
  placement.entries.push({ start, end: start + duration, isSolo: false });
}

function addDoubleBookings(context: PlanContext, random: Random, placements: ReadonlyMap<number, DayPlacement>, lastDay: number): void {
  const candidates = listCandidates(context, placements, lastDay, (entry) => !entry.isSolo);
  const count = Math.round(context.settings.doubleBookingsPerMonth * countMonths(context, lastDay));
  for (let index = 0; index < count && candidates.length > 0; index += 1) {
    const [placement, entry] = random.pick(candidates);
    const start = entry.start + random.pick([0, 0, 15, 30].filter((offset) => entry.start + offset < entry.end));
    addOverlappingMeeting(context, random, placement, start, 60);
  }
}

function addFocusInterruptions(context: PlanContext, random: Random, placements: ReadonlyMap<number, DayPlacement>, lastDay: number): void {
  const candidates = listCandidates(context, placements, lastDay, (entry) => entry.isSolo && entry.end - entry.start >= 60);
  const count = Math.round(context.settings.focusOverlapsPerMonth * countMonths(context, lastDay));
  for (let index = 0; index < count && candidates.length > 0; index += 1) {
    const [placement, entry] = random.pick(candidates);
    const start = entry.start + random.pick([0, 30]);
    addOverlappingMeeting(context, random, placement, start, entry.end - start);
  }
}

/** One past planning day gets an escalation call booked over it, so it no longer counts as protected. */
function breakOneProtectedDay(context: PlanContext, random: Random, placements: ReadonlyMap<number, DayPlacement>): void {
  if (!PROFILES_THAT_BREAK_PROTECTION.has(context.options.profile) || !random.chance(0.5)) return;
  const pastPlanningDays = context.events
    .filter((event) => event.titleKey === 'planningDay' && event.timing.kind === 'all-day' && event.timing.firstDay < context.today)
    .map((event) => (event.timing.kind === 'all-day' ? event.timing.firstDay : 0));
  if (pastPlanningDays.length === 0) return;
  const placement = placements.get(random.pick(pastPlanningDays));
  const escalation = ONE_OFF_KINDS.find((kind) => kind.titleKey === 'escalationCall');
  if (!placement || !escalation) return;
  const start = random.pick([10 * 60 + 30, 11 * 60, 14 * 60]);
  const event = buildMeeting(context, random, placement, { kind: escalation, duration: 30, isLeaderOrganiser: false }, start, {
    leaderResponse: 'ACCEPTED',
    keyPrefix: 'overlap',
  });
  context.events.push(event);
}

export function addDeliberateOverlaps(context: PlanContext, random: Random, placements: ReadonlyMap<number, DayPlacement>): void {
  // Only past and near-future days: nobody has double-booked next quarter yet.
  const lastDay = Math.min(context.lastDay, context.today + 14);
  addDoubleBookings(context, random, placements, lastDay);
  addFocusInterruptions(context, random, placements, lastDay);
  breakOneProtectedDay(context, random, placements);
}
