/**
 * Small-group suppression for every aggregate HR sees (cohort charts, diagnostic evidence).
 *
 * The rule, with K the smallest group shown (ALTITUDE_MIN_GROUP, default 5, never below 5):
 *
 * 1. Size. An aggregate over fewer than K people is not shown: with 2 or 3 people a median is
 *    one of them, and a mean is one subtraction away from each of them.
 *
 * 2. Difference. Two aggregates of the same measure over groups that differ by 1 to K-1 people
 *    let a reader solve for those people: mean(6 people) * 6 - mean(5 of them) * 5 is the sixth
 *    person's figure. This holds between a filtered group and its parent (the complement is the
 *    difference), and it holds between quarters too: a leader's strategic share barely moves
 *    from one quarter to the next, so "5 had data in Q1, the same 5 and one more in Q2" gives
 *    the newcomer's share to within the quarter-to-quarter drift. So all groups of one measure
 *    shown together (one response) are compared pairwise, by their members, not by their sizes:
 *    two groups of 6 that swap one person differ by 2 and are just as revealing.
 *    Groups are decided in the order given (the caller puts what the page is about first); a
 *    group is shown only when it has K or more people and differs from every group already
 *    shown by 0 (the same people: nothing new) or by K or more people. A suppressed group is
 *    not shown, so later groups need not keep their distance from it.
 *
 * 3. What groups are made of. Every figure aggregated here is one the HR user may also read
 *    leader by leader, because the leader shared it with them: the compliance row of a leader who
 *    accepted (category shares, hours, planning days, flags, talent reviews, the calendar's first
 *    day), and whether they work with a coach only while they tick the box for it. That makes the
 *    attack rules 1 and 2 cannot stop (changing the group between requests: removing one member,
 *    or waiting for one to join, and asking again) harmless: it yields a figure HR can read anyway.
 *    Rules 1 and 2 keep aggregates from naming anyone to whoever else sees them (a printed
 *    diagnostic, a slide). A count of anything HR cannot read per person (say, who has a coach
 *    among those who did not share it) would leak by differencing whatever guard one response
 *    had, so no such count is made.
 */

export const DEFAULT_MIN_GROUP = 5;
export const MIN_GROUP_FLOOR = 5;

/** ALTITUDE_MIN_GROUP: a whole number of at least 5; anything else stops the server with a message. */
export function resolveMinGroup(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_MIN_GROUP;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < MIN_GROUP_FLOOR || value > 1000) {
    throw new RangeError(`ALTITUDE_MIN_GROUP must be a whole number from ${MIN_GROUP_FLOOR} to 1000 (aggregates over fewer people are never shown); got "${raw}".`);
  }
  return value;
}

export type Suppression = 'fewer-than-k' | 'difference';

export interface CandidateGroup<Id> {
  key: string;
  members: readonly Id[];
}

/** Rules 1 and 2: which groups of one measure may be shown together; null means shown. */
export function decideGroups<Id>(groups: ReadonlyArray<CandidateGroup<Id>>, k: number): Map<string, Suppression | null> {
  const decisions = new Map<string, Suppression | null>();
  const shown: Array<Set<Id>> = [];
  for (const group of groups) {
    const members = new Set(group.members);
    if (members.size < k) {
      decisions.set(group.key, 'fewer-than-k');
      continue;
    }
    const tooClose = shown.some((other) => {
      const difference = symmetricDifferenceSize(members, other);
      return difference > 0 && difference < k;
    });
    if (tooClose) {
      decisions.set(group.key, 'difference');
      continue;
    }
    shown.push(members);
    decisions.set(group.key, null);
  }
  return decisions;
}

/** Rule 1 for a single aggregate shown on its own. */
export function decideGroupSize(size: number, k: number): Suppression | null {
  return size < k ? 'fewer-than-k' : null;
}

function symmetricDifferenceSize<Id>(a: ReadonlySet<Id>, b: ReadonlySet<Id>): number {
  let count = 0;
  for (const id of a) if (!b.has(id)) count++;
  for (const id of b) if (!a.has(id)) count++;
  return count;
}
