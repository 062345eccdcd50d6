import { findFreeStarts, LUNCH_END, LUNCH_START, markBusy, WORKDAY_END, WORKDAY_START, type DayGrid } from './day-grid.ts';
import { CATEGORY_IDS, type CategoryId, type EventIntent, type PartStat, type PlannedEvent } from './event-model.ts';
import { ONE_OFF_KINDS, type OneOffKind } from './one-off-kinds.ts';
import { buildParticipants } from './participants.ts';
import { isInFuture, makeTitle, pickDuration, type PlanContext } from './plan-context.ts';
import { createPlannedEvent, createTimedTiming } from './planned-event.ts';
import type { Random } from './random.ts';
import type { DayEntry } from './series-instances.ts';

// One-off entries for one working day: mostly meetings of the profile's mix, plus the
// entries the product must leave out (cancelled, declined, free, personal, travel).

type OneOffVariant = 'regular' | 'cancelled' | 'declined' | 'free' | 'personal' | 'travel';

const FREE_SHARE = 0.02;
const PERSONAL_SHARE = 0.012;
const TRAVEL_SHARE = 0.006;

// Works councils are a weekly fact of life in Germany and France, rarer elsewhere.
const WORKS_COUNCIL_WEIGHT = { de: 2, fr: 1.5, es: 1, en: 0.4 } as const;

export interface DayPlacement {
  day: number;
  grid: DayGrid;
  entries: DayEntry[];
  hasLunchBlock: boolean;
  /** Running number for keys of entries added to this day. */
  nextIndex: number;
}

function pickKind(context: PlanContext, random: Random, intent: EventIntent, needsAttendees: boolean): OneOffKind {
  const kinds = ONE_OFF_KINDS.filter((kind) => kind.intent === intent && (!needsAttendees || kind.participants !== 'solo'));
  const usable = kinds.length > 0 ? kinds : ONE_OFF_KINDS.filter((kind) => kind.participants !== 'solo');
  return random.pickWeighted(
    usable.map((kind) => {
      const boost = kind.profileBoost?.[context.options.profile] ?? 1;
      const language = kind.titleKey === 'worksCouncil' ? WORKS_COUNCIL_WEIGHT[context.options.language] : 1;
      return [kind, kind.weight * boost * language] as const;
    }),
  );
}

export function pickIntent(context: PlanContext, random: Random): CategoryId | 'unclassified' {
  if (random.chance(context.settings.ambiguousShare)) return 'unclassified';
  return random.pickWeighted(CATEGORY_IDS.map((id) => [id, context.settings.oneOffMix[id]] as const));
}

function weighStart(start: number): number {
  const minute = start % 60;
  return minute === 0 ? 3 : minute === 30 ? 2 : 0.6;
}

/** A free start for `duration`, avoiding lunch unless the day has no lunch block and luck says so. */
export function findStart(placement: DayPlacement, random: Random, duration: number, from = WORKDAY_START, to = WORKDAY_END): number | undefined {
  const avoidsLunch = placement.hasLunchBlock || random.chance(0.85);
  const starts = findFreeStarts(placement.grid, duration, from, to).filter(
    (start) => !avoidsLunch || start + duration <= LUNCH_START || start >= LUNCH_END,
  );
  if (starts.length === 0) return undefined;
  return random.pickWeighted(starts.map((start) => [start, weighStart(start)] as const));
}

/** Any start in working hours, preferring one that collides with something (why it was declined). */
function findAnyStart(placement: DayPlacement, random: Random, duration: number, prefersConflict: boolean): number {
  const latest = Math.max(WORKDAY_START, WORKDAY_END - duration);
  const busyEntries = placement.entries.filter((entry) => entry.end - entry.start >= duration / 2 && entry.start <= latest);
  if (prefersConflict && busyEntries.length > 0) return random.pick(busyEntries).start;
  return WORKDAY_START + 15 * random.int(0, Math.floor((latest - WORKDAY_START) / 15));
}

function nextKey(placement: DayPlacement, prefix: string): string {
  placement.nextIndex += 1;
  return `${prefix}:${placement.day}:${placement.nextIndex}`;
}

export interface MeetingDraft {
  kind: OneOffKind;
  duration: number;
  isLeaderOrganiser: boolean;
}

export function draftMeeting(context: PlanContext, random: Random, intent: EventIntent, needsAttendees: boolean): MeetingDraft {
  const kind = pickKind(context, random, intent, needsAttendees);
  return {
    kind,
    duration: pickDuration(random, kind.durations, context.options.density),
    isLeaderOrganiser: kind.participants === 'solo' || random.chance(kind.leaderOrganises),
  };
}

/** Turns a drafted kind into a planned entry at `start`. */
export function buildMeeting(
  context: PlanContext,
  random: Random,
  placement: DayPlacement,
  draft: MeetingDraft,
  start: number,
  overrides: { leaderResponse?: PartStat; keyPrefix?: string } = {},
): PlannedEvent {
  const { day } = placement;
  const isFuture = isInFuture(context, day, start);
  const participants = buildParticipants(context, random, draft.kind.participants, day, draft.isLeaderOrganiser, isFuture, overrides.leaderResponse);
  const isSolo = draft.kind.participants === 'solo';
  const isUrgent = draft.kind.titleKey === 'incidentCall' || draft.kind.titleKey === 'escalationCall';
  return createPlannedEvent({
    key: nextKey(placement, overrides.keyPrefix ?? 'meeting'),
    titleKey: draft.kind.titleKey,
    summary: makeTitle(context, random, draft.kind.titleKey, day, participants.values),
    timing: createTimedTiming(day, start, start + draft.duration),
    intent: draft.kind.intent,
    ...(participants.organizer ? { organizer: participants.organizer } : {}),
    attendees: participants.attendees,
    hasOnlineMeeting: !isSolo && random.chance(0.35),
    ...(!isSolo && random.chance(0.15) ? { location: random.pick(context.vocabulary.rooms) } : {}),
    ...(!isSolo && random.chance(0.06) ? { agenda: random.pick(context.vocabulary.agendas) } : {}),
    createdDaysBefore: isUrgent ? 0 : random.int(1, 21),
  });
}

function addRegular(context: PlanContext, random: Random, placement: DayPlacement): PlannedEvent | undefined {
  const draft = draftMeeting(context, random, pickIntent(context, random), false);
  // A full day still takes a short meeting: try the drafted length, then 30 and 15 minutes.
  for (const duration of new Set([draft.duration, 30, 15].filter((minutes) => minutes <= draft.duration))) {
    const start = findStart(placement, random, duration);
    if (start === undefined) continue;
    const event = buildMeeting(context, random, placement, { ...draft, duration }, start);
    markBusy(placement.grid, start, start + duration);
    placement.entries.push({ start, end: start + duration, isSolo: draft.kind.participants === 'solo' });
    return event;
  }
  // No room left: an invitation from someone else still lands, and a full calendar answers it
  // the way busy leaders do, mostly with a decline, sometimes with a tentative double booking.
  if (draft.isLeaderOrganiser || draft.kind.participants === 'solo') return undefined;
  const isDeclined = random.chance(0.7);
  const start = findAnyStart(placement, random, draft.duration, true);
  const event = buildMeeting(context, random, placement, draft, start, { leaderResponse: isDeclined ? 'DECLINED' : 'TENTATIVE' });
  return isDeclined ? { ...event, intent: 'excluded', exclusion: 'declined' } : event;
}

function addCancelled(context: PlanContext, random: Random, placement: DayPlacement): PlannedEvent {
  const draft = draftMeeting(context, random, pickIntent(context, random), true);
  const start = findStart(placement, random, draft.duration) ?? findAnyStart(placement, random, draft.duration, false);
  const event = buildMeeting(context, random, placement, draft, start);
  return { ...event, status: 'CANCELLED', sequence: 1, intent: 'excluded', exclusion: 'cancelled' };
}

function addDeclined(context: PlanContext, random: Random, placement: DayPlacement): PlannedEvent {
  const draft = { ...draftMeeting(context, random, pickIntent(context, random), true), isLeaderOrganiser: false };
  const start = findAnyStart(placement, random, draft.duration, random.chance(0.6));
  const event = buildMeeting(context, random, placement, draft, start, { leaderResponse: 'DECLINED' });
  return { ...event, intent: 'excluded', exclusion: 'declined' };
}

function addFreeNotice(context: PlanContext, random: Random, placement: DayPlacement): PlannedEvent {
  const { roster } = context;
  const { day } = placement;
  const duration = random.pick([30, 45, 60]);
  const start = findAnyStart(placement, random, duration, false);
  const organizer = random.chance(0.5) ? roster.boss : (roster.peers.it[0] ?? roster.boss);
  const isFuture = isInFuture(context, day, start);
  return createPlannedEvent({
    key: nextKey(placement, 'notice'),
    titleKey: 'freeNotice',
    summary: makeTitle(context, random, 'freeNotice', day),
    timing: createTimedTiming(day, start, start + duration),
    intent: 'excluded',
    exclusion: 'free',
    isTransparent: true,
    organizer,
    attendees: [
      { person: roster.leader, partStat: isFuture ? 'NEEDS-ACTION' : random.pick(['ACCEPTED', 'TENTATIVE'] as const), isOptional: true },
      { person: organizer, partStat: 'ACCEPTED' },
    ],
    hasOnlineMeeting: true,
    createdDaysBefore: random.int(3, 30),
  });
}

function addSolo(
  context: PlanContext,
  random: Random,
  placement: DayPlacement,
  titleKey: 'personalAppointment' | 'siteVisitTravel',
): PlannedEvent | undefined {
  const duration = titleKey === 'personalAppointment' ? random.pick([45, 60, 90]) : random.pick([30, 45, 60]);
  // Appointments sit at the edges of the day, where people squeeze them in.
  const start = random.chance(0.5)
    ? findStart(placement, random, duration, WORKDAY_START, WORKDAY_START + 90 + duration)
    : findStart(placement, random, duration, 15 * 60 + 30, WORKDAY_END);
  if (start === undefined) return undefined;
  markBusy(placement.grid, start, start + duration);
  return createPlannedEvent({
    key: nextKey(placement, titleKey === 'personalAppointment' ? 'personal' : 'travel'),
    titleKey,
    summary: makeTitle(context, random, titleKey, placement.day),
    timing: createTimedTiming(placement.day, start, start + duration),
    intent: 'excluded',
    exclusion: titleKey === 'personalAppointment' ? 'personal' : 'travel',
    isPrivate: titleKey === 'personalAppointment' && random.chance(0.4),
    createdDaysBefore: random.int(2, 40),
  });
}

/**
 * Adds `count` one-off entries to the day, or as many as fit: drafts that find no room (a
 * solo block, or a meeting the leader would have to send) are redrafted a few times.
 */
export function addOneOffs(context: PlanContext, random: Random, placement: DayPlacement, count: number): number {
  const { settings } = context;
  let placed = 0;
  for (let attempt = 0; placed < count && attempt < count * 3; attempt += 1) {
    const variant = random.pickWeighted<OneOffVariant>([
      ['regular', 1 - settings.cancelShare - settings.declineShare - FREE_SHARE - PERSONAL_SHARE - TRAVEL_SHARE],
      ['cancelled', settings.cancelShare],
      ['declined', settings.declineShare],
      ['free', FREE_SHARE],
      ['personal', PERSONAL_SHARE],
      ['travel', TRAVEL_SHARE],
    ]);
    let event: PlannedEvent | undefined;
    switch (variant) {
      case 'regular':
        event = addRegular(context, random, placement);
        break;
      case 'cancelled':
        event = addCancelled(context, random, placement);
        break;
      case 'declined':
        event = addDeclined(context, random, placement);
        break;
      case 'free':
        event = addFreeNotice(context, random, placement);
        break;
      case 'personal':
        event = addSolo(context, random, placement, 'personalAppointment');
        break;
      case 'travel':
        event = addSolo(context, random, placement, 'siteVisitTravel');
        break;
    }
    if (event) {
      context.events.push(event);
      placed += 1;
    }
  }
  return placed;
}
