import type { RuleInput } from '../../shared/rules.ts';
import type { UserRole } from '../db/schema.ts';
import type { CalendarFlavour, CalendarLanguage, LeaderProfile } from './calendar-options.ts';

/**
 * The demo's one password, documented in the README and offered on the sign-in page. It is
 * public on purpose: the demo is for trying Altitude out, never for real calendars.
 */
export const DEMO_PASSWORD = 'altitude-demo-2026';

/**
 * The code of Oliver's open invitation to Daniel, public like the password: a real code is
 * random and shown to the leader once. The coach enters it on Clients to accept.
 */
export const DEMO_INVITE_CODE = 'OLIV-2026';

/** What the sign-in page and the README show of a demo account. */
export interface DemoAccount {
  email: string;
  password: string;
  role: UserRole;
  description: string;
}

export interface DemoCalendar {
  /** Fixed, so that every fresh demo holds the same calendars. */
  seed: number;
  profile: LeaderProfile;
  language: CalendarLanguage;
  flavour: CalendarFlavour;
  /** The import starts on the first day of the quarter this many months ago... */
  monthsBack: number;
  /** ...and ends on the last day of the quarter this many months ahead. */
  monthsAhead: number;
}

export interface DemoAccountSpec extends DemoAccount {
  name: string;
  /** Leaders only: their zone and the calendar year imported for them. */
  timeZone?: string;
  calendar?: DemoCalendar;
  /** Rules the leader added on the rules page, before the import. */
  rules?: readonly RuleInput[];
}

const ORG = 'northwind.example';

function leader(
  local: string,
  name: string,
  timeZone: string,
  calendar: Omit<DemoCalendar, 'monthsBack' | 'monthsAhead'> & Partial<DemoCalendar>,
  description: string,
  rules?: readonly RuleInput[],
): DemoAccountSpec {
  return {
    email: `${local}@${ORG}`,
    password: DEMO_PASSWORD,
    role: 'leader',
    name,
    timeZone,
    // A year back and a quarter ahead, as exported calendars hold: the last twelve months and
    // the planning days already booked for the next quarter.
    calendar: { monthsBack: 12, monthsAhead: 3, ...calendar },
    description,
    ...(rules ? { rules } : {}),
  };
}

/**
 * Every demo account, in the order the sign-in page lists them. Single source for the seed,
 * the README's table and GET /api/demo-accounts. Who granted whom is in seed-demo-consent.ts.
 */
export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  leader(
    'maya.okafor',
    'Maya Okafor',
    'Europe/Berlin',
    { seed: 42, profile: 'balanced', language: 'en', flavour: 'google' },
    'Leader (Berlin): a balanced year, under the 20% strategic line; coached by Daniel Reyes (who may edit), in the HR cohort',
  ),
  {
    email: 'daniel.reyes@reyes-coaching.example',
    password: DEMO_PASSWORD,
    role: 'coach',
    name: 'Daniel Reyes',
    description: `Coach: two clients (Maya may be edited, Jonas read-only) and a pending invitation from Oliver (accept it with the code ${DEMO_INVITE_CODE})`,
  },
  {
    email: `priya.nair@${ORG}`,
    password: DEMO_PASSWORD,
    role: 'hr',
    name: 'Priya Nair',
    description: 'HR: owns the cohort "Leading Leaders 2026" (10 joined, 1 invited, 1 declined) and two dated diagnostics',
  },
  {
    email: `admin@${ORG}`,
    password: DEMO_PASSWORD,
    role: 'admin',
    name: 'Ada Admin',
    description: 'Administrator: manages accounts',
  },
  leader(
    'jonas.weber',
    'Jonas Weber',
    'Europe/Berlin',
    { seed: 1101, profile: 'operational', language: 'de', flavour: 'outlook' },
    'Leader (Berlin, German titles, Outlook): operational, little strategic time; a read-only coaching client',
  ),
  leader(
    'amelie.laurent',
    'Amélie Laurent',
    'Europe/Paris',
    { seed: 1102, profile: 'strategic', language: 'fr', flavour: 'google' },
    'Leader (Paris, French titles): strategic, well above the 20% line',
  ),
  leader(
    'lucia.fernandez',
    'Lucía Fernández',
    'Europe/Madrid',
    { seed: 1103, profile: 'planner', language: 'es', flavour: 'outlook' },
    'Leader (Madrid, Spanish titles, Outlook): a planner, with a rule of her own for her Spanish planning-day titles',
    // The default rules miss "Planificación T2" and "Planificación organizativa (reservado)":
    // a leader who plans in Spanish teaches Altitude her own titles.
    [
      {
        name: 'Mis días de planificación',
        conditions: [
          { field: 'allDay', op: 'is', value: true },
          { field: 'title', op: 'starts-with', value: 'Planificación' },
        ],
        category: 'organisational-planning',
      },
    ],
  ),
  leader(
    'oliver.bennett',
    'Oliver Bennett',
    'Europe/London',
    { seed: 1104, profile: 'firefighter', language: 'en', flavour: 'outlook' },
    'Leader (London, Outlook): a firefighter with hardly any strategic time or planning days; has invited a coach',
  ),
  leader(
    'grace.tan',
    'Grace Tan',
    'Asia/Singapore',
    { seed: 1105, profile: 'strategic', language: 'en', flavour: 'google' },
    'Leader (Singapore): strategic, above the 20% line',
  ),
  leader(
    'marcus.johnson',
    'Marcus Johnson',
    'America/New_York',
    { seed: 1106, profile: 'networker', language: 'en', flavour: 'outlook' },
    'Leader (New York, Outlook): a networker, much time across units',
  ),
  leader(
    'sophie.schneider',
    'Sophie Schneider',
    'Europe/Berlin',
    { seed: 1107, profile: 'developer', language: 'de', flavour: 'google' },
    'Leader (Berlin, German titles): develops people, long 1:1s and coaching',
  ),
  leader(
    'camille.dubois',
    'Camille Dubois',
    'Europe/Paris',
    { seed: 1108, profile: 'operational', language: 'fr', flavour: 'outlook' },
    'Leader (Paris, French titles, Outlook): operational, no planning days; has not yet answered the HR cohort invitation',
  ),
  leader(
    'hannah.clarke',
    'Hannah Clarke',
    'Europe/London',
    { seed: 1109, profile: 'strategic', language: 'en', flavour: 'outlook' },
    'Leader (London, Outlook): strategic, above the 20% line',
  ),
  leader(
    'javier.morales',
    'Javier Morales',
    'Europe/Madrid',
    { seed: 1110, profile: 'balanced', language: 'es', flavour: 'google' },
    'Leader (Madrid, Spanish titles): balanced; declined the HR cohort',
  ),
  leader(
    'wei.ling.chen',
    'Wei Ling Chen',
    'Asia/Singapore',
    { seed: 1111, profile: 'planner', language: 'en', flavour: 'google' },
    'Leader (Singapore): a planner, three or more protected planning days in most quarters',
  ),
];

export const DEMO_COHORT_NAME = 'Leading Leaders 2026';

export function demoAccount(email: string): DemoAccountSpec {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  return account;
}

/** The public part of an account: what the route and the README show. */
export function toDemoAccount({ email, password, role, description }: DemoAccountSpec): DemoAccount {
  return { email, password, role, description };
}
