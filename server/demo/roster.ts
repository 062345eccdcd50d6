import type { Person } from './event-model.ts';
import type { Random } from './random.ts';
import { PEER_UNIT_KEYS, type OwnUnit, type PeerUnitKey, type Vocabulary } from './vocabulary.ts';

// The people around a Leader of Leaders. The leader's own unit shares the leader's e-mail
// domain; other units write from their own sub-domain and outside companies from their own
// domain, so "who is it with" can be read from the addresses as well as from the titles.

export interface DirectReport extends Person {
  team: string;
  skipReports: readonly Person[];
  /** First and last local day this person reports to the leader (inclusive). */
  firstDay: number;
  lastDay: number;
}

export interface Company {
  name: string;
  contacts: readonly Person[];
}

export interface Roster {
  leader: Person;
  ownUnit: OwnUnit;
  boss: Person;
  directs: readonly DirectReport[];
  businessManager: Person;
  peers: Readonly<Record<PeerUnitKey, readonly Person[]>>;
  vendors: readonly Company[];
  partners: readonly Company[];
  customers: readonly Company[];
  coach: Person;
  mentee: Person;
  worksCouncil: readonly Person[];
  academy: Person;
}

const VENDOR_NAMES = ['Contoso Logistics', 'Fabrikam', 'Tailspin Systems', 'Litware', 'Adventure Works'] as const;
const PARTNER_NAMES = ['Wingtip Retail', 'Woodgrove Distribution', 'Proseware', 'Alpine Ski House'] as const;
const CUSTOMER_NAMES = ['Coho Winery', 'Fourth Coffee', 'Trey Research', 'Blue Yonder Airlines', 'Lucerne Publishing'] as const;
const COACH_DOMAIN = 'summit-leadership.example';

// German umlauts are written out (Müller -> mueller) before other accents are stripped.
const TRANSLITERATIONS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ı: 'i', ł: 'l', ø: 'o', æ: 'ae' };

export function toEmailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/[äöüßıłøæ]/g, (character) => TRANSLITERATIONS[character] ?? character)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export function toCompanyDomain(companyName: string): string {
  return `${toEmailLocalPart(companyName).replace(/\./g, '-')}.example`;
}

interface NameSource {
  random: Random;
  vocabulary: Vocabulary;
  usedNames: Set<string>;
  usedFirstNames: Set<string>;
  usedEmails: Set<string>;
}

/** Unique full names; first names are kept unique too while the pool lasts, so titles say who. */
function createPerson(source: NameSource, domain: string, needsUniqueFirstName: boolean): Person {
  const { random, vocabulary } = source;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const firstName = random.pick(vocabulary.firstNames);
    const lastName = random.pick(vocabulary.lastNames);
    const name = `${firstName} ${lastName}`;
    if (source.usedNames.has(name)) continue;
    if (needsUniqueFirstName && source.usedFirstNames.has(firstName) && attempt < 150) continue;
    source.usedNames.add(name);
    source.usedFirstNames.add(firstName);
    let email = `${toEmailLocalPart(name)}@${domain}`;
    for (let suffix = 2; source.usedEmails.has(email); suffix += 1) email = `${toEmailLocalPart(name)}${suffix}@${domain}`;
    source.usedEmails.add(email);
    return { name, firstName, email };
  }
  throw new Error('The name pool is too small for the roster');
}

function readFirstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export interface RosterOptions {
  random: Random;
  vocabulary: Vocabulary;
  leaderName: string;
  leaderEmail: string;
  firstDay: number;
  lastDay: number;
}

export function buildRoster(options: RosterOptions): Roster {
  const { random, vocabulary, firstDay, lastDay } = options;
  const domain = options.leaderEmail.split('@')[1] ?? 'example.com';
  const leader: Person = { name: options.leaderName, firstName: readFirstName(options.leaderName), email: options.leaderEmail };
  const source: NameSource = {
    random,
    vocabulary,
    usedNames: new Set([leader.name]),
    usedFirstNames: new Set([leader.firstName]),
    usedEmails: new Set([leader.email]),
  };
  const ownUnit = random.pick(vocabulary.ownUnits);
  const boss = createPerson(source, domain, true);

  const teams = random.shuffle(ownUnit.teams);
  const directCount = random.int(6, 8);
  const span = lastDay - firstDay;
  // One report leaves part-way and a successor joins a few weeks later: series that end and
  // series that start mid-year. Short calendars keep a stable team.
  const hasTurnover = span >= 120;
  const leaverIndex = random.int(0, directCount - 1);
  const leaveDay = firstDay + Math.round(span * (0.3 + random.next() * 0.2));
  const directs: DirectReport[] = [];
  for (let index = 0; index < directCount; index += 1) {
    const person = createPerson(source, domain, true);
    const team = teams[index] ?? `${ownUnit.name} ${index + 1}`;
    const skipReports = [createPerson(source, domain, false), createPerson(source, domain, false)];
    const isLeaver = hasTurnover && index === leaverIndex;
    directs.push({ ...person, team, skipReports, firstDay, lastDay: isLeaver ? leaveDay : lastDay });
  }
  if (hasTurnover) {
    const leaver = directs[leaverIndex];
    const successor = createPerson(source, domain, true);
    directs.push({
      ...successor,
      team: leaver?.team ?? ownUnit.name,
      skipReports: leaver?.skipReports ?? [],
      firstDay: leaveDay + random.int(14, 35),
      lastDay,
    });
  }

  const createPeers = (key: PeerUnitKey): Person[] => [
    createPerson(source, `${key}.${domain}`, true),
    createPerson(source, `${key}.${domain}`, false),
  ];
  const peers: Record<PeerUnitKey, Person[]> = {
    finance: createPeers('finance'),
    sales: createPeers('sales'),
    marketing: createPeers('marketing'),
    people: createPeers('people'),
    it: createPeers('it'),
    legal: createPeers('legal'),
    product: createPeers('product'),
    procurement: createPeers('procurement'),
  };

  const buildCompanies = (names: readonly string[], count: number): Company[] =>
    random.shuffle(names).slice(0, count).map((name) => ({
      name,
      contacts: [createPerson(source, toCompanyDomain(name), false), createPerson(source, toCompanyDomain(name), false)],
    }));

  const mentorUnit = random.pick(PEER_UNIT_KEYS.filter((key) => key !== 'people'));
  return {
    leader,
    ownUnit,
    boss,
    directs,
    businessManager: createPerson(source, domain, false),
    peers,
    vendors: buildCompanies(VENDOR_NAMES, 3),
    partners: buildCompanies(PARTNER_NAMES, 2),
    customers: buildCompanies(CUSTOMER_NAMES, 3),
    coach: createPerson(source, COACH_DOMAIN, true),
    mentee: createPerson(source, `${mentorUnit}.${domain}`, true),
    worksCouncil: [createPerson(source, `${random.pick(PEER_UNIT_KEYS)}.${domain}`, false), createPerson(source, domain, false)],
    academy: { name: 'Leadership Academy', firstName: 'Leadership', email: `leadership.academy@academy.${domain}` },
  };
}

/** Directs who report to the leader on a given day. */
export function listActiveDirects(roster: Roster, day: number): DirectReport[] {
  return roster.directs.filter((direct) => direct.firstDay <= day && day <= direct.lastDay);
}
