import type { CalendarEvent } from './calendar-event.ts';

export interface LeaderIdentity {
  email: string | null;
  /** How it was found, in words for the import report; null when given explicitly. */
  inferredFrom: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/**
 * RFC 5321's limit on an address. Checked before EMAIL, whose two unbounded parts around the dot
 * backtrack quadratically on a long text with many dots: a 120 kB X-WR-CALNAME held an import for
 * 9 s (found by test/services/import-properties.test.ts).
 */
const MAX_EMAIL_LENGTH = 254;
/** The owner of a calendar is in nearly all of its meetings; require a clear share. */
const MIN_PRESENCE = 0.3;

/**
 * Whose calendar is this? Google names a primary calendar after its owner's address
 * (X-WR-CALNAME); otherwise the owner is the person in most events, as organiser or attendee
 * (counting presence rather than organising, so an assistant who books many meetings does not
 * win).
 */
export function inferLeader(calendarName: string | null, events: readonly CalendarEvent[]): LeaderIdentity {
  const name = calendarName?.trim().toLowerCase() ?? '';
  if (looksLikeEmail(name)) return { email: name, inferredFrom: `the calendar's name (X-WR-CALNAME)` };

  const presence = new Map<string, number>();
  let withPeople = 0;
  for (const event of events) {
    const people = new Set<string>();
    if (event.organizer?.email) people.add(event.organizer.email);
    // Only people: a distribution list (CUTYPE=GROUP) invited to most meetings is not the owner.
    for (const attendee of event.attendees) if (attendee.email && attendee.kind === 'person') people.add(attendee.email);
    if (people.size > 0) withPeople++;
    for (const email of people) if (looksLikeEmail(email)) presence.set(email, (presence.get(email) ?? 0) + 1);
  }
  const ranked = [...presence].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const best = ranked[0];
  // A guess from one or two meetings, or from someone in a minority of them, is no guess.
  if (!best || best[1] < 2 || best[1] < MIN_PRESENCE * withPeople) return { email: null, inferredFrom: null };
  return { email: best[0], inferredFrom: `the person in most meetings (${best[1]} of ${withPeople})` };
}

export function isEmail(text: string): boolean {
  return looksLikeEmail(text.trim());
}

function looksLikeEmail(text: string): boolean {
  return text.length <= MAX_EMAIL_LENGTH && EMAIL.test(text);
}
