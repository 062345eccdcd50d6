import { offsetMinutesAt } from '../time/zone-time.ts';
import type { ScannedTimezone } from './scan-calendar.ts';
import { WINDOWS_ZONES } from './windows-zones.ts';

/** A zone we can compute with: an IANA name, or a fixed offset written `+05:30`. */
export type ZoneId = string;

export interface ZoneResolution {
  zone: ZoneId;
  /** How the TZID was understood, for the import report. */
  via: 'iana' | 'windows' | 'offset' | 'vtimezone';
}

const validity = new Map<string, boolean>();

/** True for zone ids both Intl and Temporal accept, and for `+hh:mm` offsets. */
export function isValidZone(zone: string): boolean {
  if (OFFSET_ZONE.test(zone)) return true;
  let known = validity.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    validity.set(zone, known);
  }
  return known;
}

const OFFSET_ZONE = /^[+-]\d{2}:\d{2}$/;
/** Mozilla's ids are a prefix of about 30 characters and an IANA name of at most about 30. */
const MAX_MOZILLA_ID_LENGTH = 200;

/** "europe/berlin" and "Europe/Berlin" are one zone; Intl knows its canonical spelling. */
function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

const WINDOWS_INDEX = buildWindowsIndex();

/**
 * Understands the TZIDs real exports write: IANA names, Windows ids ("W. Europe Standard
 * Time", Outlook), Outlook display labels ("(UTC+01:00) Amsterdam, Berlin, ..."), bare offsets
 * ("UTC+01", "(GMT +01:00)"), and custom ids ("Customized Time Zone 1") defined only by the
 * file's own VTIMEZONE. Never guesses from the machine's own zone: unknown ids return null and
 * the caller reports them.
 */
export function resolveTimeZone(
  tzid: string,
  timezones: readonly ScannedTimezone[],
  preferred: readonly string[] = [],
): ZoneResolution | null {
  const id = tzid.trim().replace(/^"(.*)"$/, '$1');
  if (!id) return null;
  if (isValidZone(id) && !OFFSET_ZONE.test(id)) return { zone: canonicalZone(id), via: 'iana' };

  const windows = lookupWindowsZone(id);
  if (windows) return { zone: windows, via: 'windows' };

  const offset = parseOffsetLabel(id);
  if (offset !== null) return { zone: offsetToZone(offset), via: 'offset' };

  const definition = timezones.find((tz) => tz.tzid.replace(/^"(.*)"$/, '$1') === id);
  if (definition) {
    const fromDefinition = resolveVtimezone(definition, preferred);
    if (fromDefinition) return { zone: fromDefinition, via: 'vtimezone' };
  }

  // Mozilla/Lightning style ids carry the IANA name at the end: /mozilla.org/20050126_1/Europe/Berlin.
  // Only in ids of a sane length: this end-anchored pattern backtracks quadratically on a long id
  // without a slash (a 48,000-letter folded TZID took 2.5 s; found by import-properties.test.ts).
  const tail = id.length <= MAX_MOZILLA_ID_LENGTH ? /([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(id)?.[1] : undefined;
  if (tail && tail !== id && isValidZone(tail)) return { zone: tail, via: 'iana' };
  return null;
}

function resolveVtimezone(definition: ScannedTimezone, preferred: readonly string[]): ZoneId | null {
  if (definition.licLocation && isValidZone(definition.licLocation)) return definition.licLocation;
  const offsets = definition.observances
    .map((o) => ({ kind: o.kind, minutes: o.offsetToMinutes }))
    .filter((o): o is { kind: TimezoneKind; minutes: number } => o.minutes !== null);
  const standard = offsets.filter((o) => o.kind === 'STANDARD').at(-1)?.minutes ?? offsets.at(-1)?.minutes;
  const daylight = offsets.filter((o) => o.kind === 'DAYLIGHT').at(-1)?.minutes;
  if (standard === undefined) return null;
  if (daylight === undefined || daylight === standard) return offsetToZone(standard);
  return matchZoneByOffsets(standard, daylight, preferred);
}

type TimezoneKind = 'STANDARD' | 'DAYLIGHT';

// Zones most exports mean, tried first so that "+01:00/+02:00" reads as Berlin, not Ceuta.
const COMMON_ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Helsinki',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

const offsetMatches = new Map<string, ZoneId | null>();

/** Finds a zone whose winter and summer offsets are the two given, probing one recent year. */
function matchZoneByOffsets(standard: number, daylight: number, preferred: readonly string[]): ZoneId | null {
  const key = `${standard}/${daylight}/${preferred.join(',')}`;
  if (offsetMatches.has(key)) return offsetMatches.get(key)!;
  const january = Date.UTC(2024, 0, 15, 12);
  const july = Date.UTC(2024, 6, 15, 12);
  const wanted = new Set([standard, daylight]);
  const candidates = [...preferred, ...COMMON_ZONES, ...Intl.supportedValuesOf('timeZone')];
  let found: ZoneId | null = null;
  for (const zone of candidates) {
    if (!isValidZone(zone) || OFFSET_ZONE.test(zone)) continue;
    const jan = offsetMinutesAt(zone, january);
    const jul = offsetMinutesAt(zone, july);
    if (jan !== jul && wanted.has(jan) && wanted.has(jul)) {
      found = zone;
      break;
    }
  }
  offsetMatches.set(key, found);
  return found;
}

function buildWindowsIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (label: string, zone: string) => {
    const key = normaliseLabel(label);
    if (key && !index.has(key)) index.set(key, zone);
  };
  for (const [label, zone] of Object.entries(WINDOWS_ZONES)) add(label, zone);
  // Labels without their "(UTC+01:00)" prefix, as some exporters write them.
  for (const [label, zone] of Object.entries(WINDOWS_ZONES)) {
    const bare = label.replace(/^\((?:utc|gmt)[^)]*\)\s*/i, '');
    if (bare !== label) add(bare, zone);
  }
  return index;
}

function lookupWindowsZone(id: string): string | null {
  const direct = WINDOWS_INDEX.get(normaliseLabel(id));
  if (direct) return direct;
  const bare = id.replace(/^\((?:utc|gmt)[^)]*\)\s*/i, '');
  const withoutPrefix = WINDOWS_INDEX.get(normaliseLabel(bare));
  if (withoutPrefix) return withoutPrefix;
  // "Amsterdam, Belgrade, Berlin, ..." (a list of cities): the first city a label names wins.
  if (bare.includes(',')) {
    for (const city of bare.split(',')) {
      const cityKey = normaliseLabel(city);
      for (const [label, zone] of WINDOWS_INDEX) {
        if (label.split(/,\s*/).some((part) => part.replace(/^\([^)]*\)\s*/, '') === cityKey)) return zone;
      }
    }
  }
  return null;
}

function normaliseLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** "UTC+01", "(GMT +01:00)", "GMT-4", "+0530", "(UTC-05:00) Eastern Time" -> minutes; "(UTC)" -> 0. */
export function parseOffsetLabel(label: string): number | null {
  const text = label.trim();
  if (/^\(?(?:utc|gmt)\)?$/i.test(text)) return 0;
  const match = /^\(?(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\)?(?:\s.*)?$/i.exec(text);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return match[1] === '-' ? -total : total;
}

/** Whole-hour offsets become Etc/GMT zones (which Intl knows); others stay `+05:30`. */
export function offsetToZone(minutes: number): ZoneId {
  if (minutes === 0) return 'UTC';
  if (minutes % 60 === 0) {
    const hours = Math.abs(minutes / 60);
    // Etc/GMT signs are inverted by POSIX convention: Etc/GMT-1 is UTC+01:00.
    return `Etc/GMT${minutes > 0 ? '-' : '+'}${hours}`;
  }
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
