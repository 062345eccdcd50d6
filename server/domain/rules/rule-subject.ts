import { durationMinutesOf, isAllDay, type EventRecord } from '../events/event-record.ts';
import { normaliseText } from './normalise-text.ts';

/** Who the leader is, for "organised by me", "my response" and "outside my unit". */
export interface LeaderContext {
  email: string;
  /** Domains of the leader's unit; by default the domain of the leader's e-mail. */
  unitDomains: readonly string[];
  /** Members of the leader's unit by e-mail. When given, it decides who is inside the unit. */
  unitMembers: readonly string[];
}

/** The facts rules look at, computed once per event: texts folded, people counted. */
export interface RuleSubject {
  title: string;
  description: string;
  location: string;
  organizerEmail: string;
  attendeeEmail: string[];
  attendeeDomain: string[];
  categories: string[];
  attendeeCount: number;
  outsideShare: number;
  durationMinutes: number;
  allDay: boolean;
  recurring: boolean;
  organizer: 'self' | 'other';
  status: 'confirmed' | 'tentative' | 'cancelled' | 'none';
  showAs: 'busy' | 'free' | 'tentative' | 'out-of-office' | 'working-elsewhere';
  myResponse: 'accepted' | 'declined' | 'tentative' | 'needs-action' | 'none';
}

export function buildLeaderContext(email: string, unitDomains: readonly string[] = [], unitMembers: readonly string[] = []): LeaderContext {
  const normalised = email.trim().toLowerCase();
  const domain = normalised.split('@')[1] ?? '';
  return {
    email: normalised,
    unitDomains: unitDomains.length > 0 ? unitDomains.map((d) => d.toLowerCase()) : domain ? [domain] : [],
    unitMembers: unitMembers.map((m) => m.toLowerCase()),
  };
}

export function buildRuleSubject(event: EventRecord, leader: LeaderContext): RuleSubject {
  const others = othersIn(event, leader.email);
  const organizerEmail = event.organizer?.email ?? '';

  const emails = [...others.values()].filter(Boolean);
  const domains = [...new Set(emails.map((e) => e.split('@')[1] ?? '').filter(Boolean))];
  const outside = [...others.values()].filter((email) => isOutsideUnit(email, leader)).length;

  return {
    // Bounded, so that no rule (a user's regular expression above all) works on megabytes.
    title: normaliseText(event.summary.slice(0, 500)),
    description: normaliseText(event.description.slice(0, 4000)),
    location: normaliseText(event.location.slice(0, 500)),
    organizerEmail,
    attendeeEmail: emails,
    attendeeDomain: domains,
    categories: event.categories.map(normaliseText),
    attendeeCount: others.size,
    outsideShare: others.size === 0 ? 0 : outside / others.size,
    durationMinutes: durationMinutesOf(event),
    allDay: isAllDay(event),
    recurring: event.isRecurring,
    // No organiser: Google and Apple leave it out for entries nobody was invited to.
    organizer: organizerEmail === '' || organizerEmail === leader.email ? 'self' : 'other',
    status: event.status ?? 'none',
    showAs: showAsOf(event),
    myResponse: leaderResponse(event, leader.email),
  };
}

/** The leader's answer to an invitation: accepted when they organised it, else their PARTSTAT. */
export function leaderResponse(event: Pick<EventRecord, 'attendees' | 'organizer'>, leaderEmail: string): RuleSubject['myResponse'] {
  const organizerEmail = event.organizer?.email ?? '';
  if (organizerEmail !== '' && organizerEmail === leaderEmail) return 'accepted';
  return responseOf(event.attendees.find((a) => a.email !== '' && a.email === leaderEmail)?.response);
}

/**
 * TAXONOMY.md spoils a planning day only with an *accepted* work event: the leader's own
 * entries and the invitations they accepted. An unanswered or tentative invitation does not.
 * When the leader is not among an event's attendees their answer cannot be told, and an event
 * in their calendar is taken as one they keep.
 */
export function isAcceptedByLeader(event: Pick<EventRecord, 'attendees' | 'organizer'>, leaderEmail: string): boolean {
  const response = leaderResponse(event, leaderEmail);
  return response === 'accepted' || response === 'none';
}

/** The people in a meeting besides the leader, by e-mail (or name): attendees and organiser, rooms aside. */
export function othersIn(event: Pick<EventRecord, 'attendees' | 'organizer'>, leaderEmail: string): Map<string, string> {
  const others = new Map<string, string>();
  for (const attendee of event.attendees) {
    if (attendee.kind === 'room' || attendee.kind === 'resource') continue;
    if (attendee.email && attendee.email === leaderEmail) continue;
    others.set(attendee.email || `name:${attendee.name ?? ''}`, attendee.email);
  }
  const organizerEmail = event.organizer?.email ?? '';
  if (organizerEmail && organizerEmail !== leaderEmail) others.set(organizerEmail, organizerEmail);
  return others;
}

function isOutsideUnit(email: string, leader: LeaderContext): boolean {
  if (!email) return false; // an attendee named without address cannot be placed; count as inside
  if (leader.unitMembers.length > 0) return !leader.unitMembers.includes(email);
  const domain = email.split('@')[1] ?? '';
  return !leader.unitDomains.includes(domain);
}

function showAsOf(event: EventRecord): RuleSubject['showAs'] {
  switch (event.busyStatus) {
    case 'oof':
      return 'out-of-office';
    case 'free':
      return 'free';
    case 'tentative':
      return 'tentative';
    case 'working-elsewhere':
      return 'working-elsewhere';
    case 'busy':
      return event.isTransparent ? 'free' : 'busy';
    default:
      return event.isTransparent ? 'free' : event.status === 'tentative' ? 'tentative' : 'busy';
  }
}

function responseOf(response: string | undefined): RuleSubject['myResponse'] {
  switch (response) {
    case 'accepted':
    case 'declined':
    case 'tentative':
    case 'needs-action':
      return response;
    default:
      return 'none';
  }
}

/** Attendees besides the leader (rooms aside): a meeting, as opposed to a solo block. */
export function isMeeting(subject: Pick<RuleSubject, 'attendeeCount'>): boolean {
  return subject.attendeeCount > 0;
}
