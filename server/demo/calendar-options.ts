import type { CalendarLanguage } from './vocabulary.ts';

export type { CalendarLanguage };

export type LeaderProfile = 'balanced' | 'operational' | 'strategic' | 'firefighter' | 'planner' | 'developer' | 'networker';

export type CalendarFlavour = 'google' | 'outlook';

export interface GenerateCalendarOptions {
  /** Same seed + same options => byte-identical output. */
  seed: number;
  /** Reference clock; the generator never reads the real clock. */
  now: Date;
  /** The leader, e.g. 'maya.okafor@northwind.example'. */
  email: string;
  name: string;
  /** IANA zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** Default 12: the calendar starts this many months before `now`. */
  monthsBack?: number;
  /** Default 3: and runs this far after `now`. */
  monthsAhead?: number;
  /** Default 'balanced'; shifts the mix of categories. */
  profile?: LeaderProfile;
  /** Default 'google'. */
  flavour?: CalendarFlavour;
  /** Default 'en'; titles in that language. */
  language?: CalendarLanguage;
  /** Default 1 (~9-11 events per working day); 1.6 gives a busy year of ~4,000 instances over 12 months. */
  density?: number;
}

export type ResolvedCalendarOptions = Required<GenerateCalendarOptions>;

export const LEADER_PROFILES: readonly LeaderProfile[] = [
  'balanced', 'operational', 'strategic', 'firefighter', 'planner', 'developer', 'networker',
];

const LANGUAGES: readonly CalendarLanguage[] = ['en', 'de', 'fr', 'es'];
const FLAVOURS: readonly CalendarFlavour[] = ['google', 'outlook'];

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Applies defaults and rejects options that would give a silently wrong calendar. */
export function resolveCalendarOptions(options: GenerateCalendarOptions): ResolvedCalendarOptions {
  const resolved: ResolvedCalendarOptions = {
    seed: options.seed,
    now: options.now,
    email: options.email,
    name: options.name,
    timeZone: options.timeZone,
    monthsBack: options.monthsBack ?? 12,
    monthsAhead: options.monthsAhead ?? 3,
    profile: options.profile ?? 'balanced',
    flavour: options.flavour ?? 'google',
    language: options.language ?? 'en',
    density: options.density ?? 1,
  };
  if (!Number.isSafeInteger(resolved.seed)) throw new RangeError(`seed must be an integer, got ${resolved.seed}`);
  if (!(resolved.now instanceof Date) || Number.isNaN(resolved.now.getTime())) throw new RangeError('now must be a valid Date');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(resolved.email)) throw new RangeError(`email is not an address: ${resolved.email}`);
  if (resolved.name.trim() === '') throw new RangeError('name must not be empty');
  if (!isValidTimeZone(resolved.timeZone)) throw new RangeError(`unknown time zone: ${resolved.timeZone}`);
  for (const [field, value] of [['monthsBack', resolved.monthsBack], ['monthsAhead', resolved.monthsAhead]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 60) throw new RangeError(`${field} must be an integer from 0 to 60`);
  }
  if (resolved.monthsBack + resolved.monthsAhead === 0) throw new RangeError('the calendar must cover at least one month');
  if (!LEADER_PROFILES.includes(resolved.profile)) throw new RangeError(`unknown profile: ${resolved.profile}`);
  if (!FLAVOURS.includes(resolved.flavour)) throw new RangeError(`unknown flavour: ${resolved.flavour}`);
  if (!LANGUAGES.includes(resolved.language)) throw new RangeError(`unknown language: ${resolved.language}`);
  if (!Number.isFinite(resolved.density) || resolved.density <= 0 || resolved.density > 4) {
    throw new RangeError('density must be greater than 0 and at most 4');
  }
  return resolved;
}
