import type { Attendance, PartStat, Person } from './event-model.ts';
import type { ParticipantPattern } from './one-off-kinds.ts';
import { pickGuestResponse, pickLeaderResponse, type PlanContext } from './plan-context.ts';
import type { Random } from './random.ts';
import { listActiveDirects, type DirectReport } from './roster.ts';
import { PEER_UNIT_KEYS, type PeerUnitKey } from './vocabulary.ts';

export interface Participants {
  organizer?: Person;
  attendees: Attendance[];
  /** Placeholder values that must agree with who is invited ({person}, {unit}, {vendor}...). */
  values: Record<string, string>;
}

interface Guests {
  /** Who sends the invitation when the leader does not. */
  host: Person;
  guests: Person[];
  values: Record<string, string>;
}

function pickSome<T>(random: Random, items: readonly T[], min: number, max: number): T[] {
  return random.shuffle(items).slice(0, Math.min(items.length, random.int(min, max)));
}

function pickPeerUnit(random: Random): PeerUnitKey {
  return random.pick(PEER_UNIT_KEYS);
}

function pickDirects(context: PlanContext, random: Random, day: number, min: number, max: number): DirectReport[] {
  const active = listActiveDirects(context.roster, day);
  return pickSome(random, active, min, max);
}

function requireFirst<T>(items: readonly T[], fallback: T): T {
  return items[0] ?? fallback;
}

function chooseGuests(context: PlanContext, random: Random, pattern: ParticipantPattern, day: number): Guests {
  const { roster, vocabulary } = context;
  const anyDirect = listActiveDirects(roster, day)[0] ?? roster.directs[0];
  if (!anyDirect) throw new Error('A leader of leaders needs direct reports');
  switch (pattern) {
    case 'solo':
      return { host: roster.leader, guests: [], values: {} };
    case 'direct': {
      const direct = random.pick(listActiveDirects(roster, day));
      return { host: direct, guests: [direct], values: { person: direct.firstName, team: direct.team } };
    }
    case 'directs': {
      const directs = pickDirects(context, random, day, 2, 4);
      const lead = requireFirst(directs, anyDirect);
      const guests: Person[] = [...directs];
      if (random.chance(0.3)) guests.push(roster.businessManager);
      return { host: lead, guests, values: { person: lead.firstName, team: lead.team } };
    }
    case 'unit': {
      const directs = pickDirects(context, random, day, 1, 2);
      const lead = requireFirst(directs, anyDirect);
      const skips = pickSome(random, directs.flatMap((direct) => direct.skipReports), 1, 3);
      return { host: lead, guests: [...directs, ...skips], values: { person: lead.firstName, team: lead.team } };
    }
    case 'skip': {
      const direct = random.pick(listActiveDirects(roster, day));
      const skip = random.pick(direct.skipReports.length > 0 ? direct.skipReports : [direct]);
      return { host: skip, guests: [skip], values: { person: skip.firstName, team: direct.team } };
    }
    case 'peer': {
      const unit = pickPeerUnit(random);
      const [head, colleague] = roster.peers[unit];
      const peer = head ?? roster.boss;
      const guests: Person[] = [peer];
      if (colleague && random.chance(0.35)) guests.push(colleague);
      if (random.chance(0.3)) guests.push(random.pick(listActiveDirects(roster, day)));
      return { host: peer, guests, values: { unit: vocabulary.peerUnits[unit], person: peer.firstName } };
    }
    case 'peers': {
      const units = pickSome(random, PEER_UNIT_KEYS, 2, 4);
      const heads = units.map((unit) => roster.peers[unit][0]).filter((person): person is Person => person !== undefined);
      const guests: Person[] = [...heads];
      if (random.chance(0.25)) guests.push(roster.boss);
      if (random.chance(0.5)) guests.push(random.pick(listActiveDirects(roster, day)));
      const firstUnit = requireFirst(units, 'product');
      return { host: requireFirst(heads, roster.boss), guests, values: { unit: vocabulary.peerUnits[firstUnit] } };
    }
    case 'exec': {
      const units = pickSome(random, PEER_UNIT_KEYS, 2, 3);
      const heads = units.map((unit) => roster.peers[unit][0]).filter((person): person is Person => person !== undefined);
      return { host: roster.boss, guests: [roster.boss, ...heads], values: { unit: vocabulary.peerUnits[requireFirst(units, 'finance')] } };
    }
    case 'hr': {
      const partner = requireFirst(roster.peers.people, roster.boss);
      const directs = pickDirects(context, random, day, 1, 4);
      return { host: partner, guests: [partner, ...directs], values: { team: requireFirst(directs, anyDirect).team } };
    }
    case 'finance': {
      const controller = roster.peers.finance[1] ?? roster.boss;
      const guests: Person[] = [roster.businessManager, controller];
      if (random.chance(0.4)) guests.push(random.pick(listActiveDirects(roster, day)));
      return { host: roster.businessManager, guests, values: {} };
    }
    case 'vendor': {
      const vendor = random.pick(roster.vendors);
      const contacts = pickSome(random, vendor.contacts, 1, 2);
      const direct = random.pick(listActiveDirects(roster, day));
      const host = random.chance(0.5) ? requireFirst(contacts, direct) : direct;
      return { host, guests: [...contacts, direct], values: { vendor: vendor.name } };
    }
    case 'partner': {
      const partner = random.pick(roster.partners);
      const contacts = pickSome(random, partner.contacts, 1, 2);
      const unit = random.pick(['sales', 'procurement', 'product'] as const);
      const peer = requireFirst(roster.peers[unit], roster.boss);
      return {
        host: random.chance(0.5) ? requireFirst(contacts, peer) : peer,
        guests: [...contacts, peer],
        values: { partner: partner.name, unit: vocabulary.peerUnits[unit] },
      };
    }
    case 'customer': {
      const customer = random.pick(roster.customers);
      const accountManager = requireFirst(roster.peers.sales, roster.boss);
      const directs = pickDirects(context, random, day, 1, 2);
      const guests: Person[] = [accountManager, ...directs];
      if (random.chance(0.5)) guests.push(random.pick(customer.contacts));
      return { host: accountManager, guests, values: { customer: customer.name } };
    }
    case 'mentee':
      return { host: roster.mentee, guests: [roster.mentee], values: { person: roster.mentee.firstName } };
    case 'council': {
      const partner = requireFirst(roster.peers.people, roster.boss);
      const chair = requireFirst(roster.worksCouncil, partner);
      return { host: chair, guests: [...roster.worksCouncil, partner], values: {} };
    }
  }
}

/**
 * Builds organiser and attendees. The leader is always on the list of a meeting, with an
 * answer; guests' answers vary the way Google records them.
 */
export function buildParticipants(
  context: PlanContext,
  random: Random,
  pattern: ParticipantPattern,
  day: number,
  isLeaderOrganiser: boolean,
  isFuture: boolean,
  leaderResponse?: PartStat,
): Participants {
  const { host, guests, values } = chooseGuests(context, random, pattern, day);
  if (pattern === 'solo') return { attendees: [], values };
  const leader = context.roster.leader;
  const organizer = isLeaderOrganiser ? leader : host;
  const seen = new Set<string>([leader.email]);
  const attendees: Attendance[] = [
    { person: leader, partStat: isLeaderOrganiser ? 'ACCEPTED' : (leaderResponse ?? pickLeaderResponse(random, isFuture)) },
  ];
  for (const guest of guests) {
    if (seen.has(guest.email)) continue;
    seen.add(guest.email);
    const hasNotAnswered = isFuture && random.chance(0.5);
    const partStat: PartStat = guest.email === organizer.email ? 'ACCEPTED' : hasNotAnswered ? 'NEEDS-ACTION' : pickGuestResponse(random);
    attendees.push({ person: guest, partStat, isOptional: random.chance(0.05) });
  }
  if (!seen.has(organizer.email)) attendees.push({ person: organizer, partStat: 'ACCEPTED' });
  return { organizer, attendees, values };
}
