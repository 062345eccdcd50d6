import type { CalendarLanguage } from './vocabulary.ts';
import { findNthWeekday, getWeekday, isWeekend, SATURDAY, SUNDAY, toDayNumber } from './local-time.ts';

// Public holidays are the gaps a real calendar has: nothing is booked, and organisers drop
// the instance of a weekly series that falls on one. The set follows the leader's country,
// read from the time zone, or from the language when the zone says nothing.

type HolidayCountry = 'DE' | 'FR' | 'ES' | 'GB' | 'US' | 'AU' | 'NZ';

const ZONE_COUNTRIES: Readonly<Record<string, HolidayCountry>> = {
  'Europe/Berlin': 'DE', 'Europe/Vienna': 'DE', 'Europe/Zurich': 'DE',
  'Europe/Paris': 'FR', 'Europe/Brussels': 'FR',
  'Europe/Madrid': 'ES',
  'Europe/London': 'GB', 'Europe/Dublin': 'GB',
  'Australia/Sydney': 'AU', 'Australia/Melbourne': 'AU', 'Australia/Brisbane': 'AU', 'Australia/Perth': 'AU',
  'Pacific/Auckland': 'NZ',
};

const LANGUAGE_COUNTRIES: Readonly<Record<CalendarLanguage, HolidayCountry>> = { en: 'GB', de: 'DE', fr: 'FR', es: 'ES' };

function resolveCountry(timeZone: string, language: CalendarLanguage): HolidayCountry {
  const listed = ZONE_COUNTRIES[timeZone];
  if (listed) return listed;
  if (timeZone.startsWith('America/')) return 'US';
  return LANGUAGE_COUNTRIES[language];
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function findEasterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return toDayNumber(year, month, dayOfMonth);
}

function listCountryHolidays(country: HolidayCountry, year: number): number[] {
  const easter = findEasterSunday(year);
  const date = (month: number, dayOfMonth: number): number => toDayNumber(year, month, dayOfMonth);
  switch (country) {
    case 'DE':
      return [date(1, 1), easter - 2, easter + 1, date(5, 1), easter + 39, easter + 50, date(10, 3), date(12, 25), date(12, 26)];
    case 'FR':
      return [date(1, 1), easter + 1, date(5, 1), date(5, 8), easter + 39, easter + 50, date(7, 14), date(8, 15),
        date(11, 1), date(11, 11), date(12, 25)];
    case 'ES':
      return [date(1, 1), date(1, 6), easter - 2, date(5, 1), date(8, 15), date(10, 12), date(11, 1), date(12, 6),
        date(12, 8), date(12, 25)];
    case 'GB':
      return [date(1, 1), easter - 2, easter + 1, findNthWeekday(year, 5, 1, 1), findNthWeekday(year, 5, 1, -1),
        findNthWeekday(year, 8, 1, -1), date(12, 25), date(12, 26)];
    case 'US':
      return [date(1, 1), findNthWeekday(year, 1, 1, 3), findNthWeekday(year, 2, 1, 3), findNthWeekday(year, 5, 1, -1),
        date(6, 19), date(7, 4), findNthWeekday(year, 9, 1, 1), findNthWeekday(year, 11, 4, 4),
        findNthWeekday(year, 11, 4, 4) + 1, date(12, 25)];
    case 'AU':
      return [date(1, 1), date(1, 26), easter - 2, easter + 1, date(4, 25), findNthWeekday(year, 6, 1, 2),
        findNthWeekday(year, 10, 1, 1), date(12, 25), date(12, 26)];
    case 'NZ':
      return [date(1, 1), date(1, 2), date(2, 6), easter - 2, easter + 1, date(4, 25), findNthWeekday(year, 6, 1, 1),
        findNthWeekday(year, 10, 1, 4), date(12, 25), date(12, 26)];
  }
}

/**
 * Weekend holidays move to a weekday where the country does that (a Saturday Christmas gives a
 * Monday off in the UK); in the US a Saturday holiday is observed on the Friday before.
 */
function observeOnWeekday(country: HolidayCountry, days: readonly number[]): number[] {
  if (country === 'DE' || country === 'FR' || country === 'ES') return [...days];
  const observed = new Set<number>();
  for (const day of [...days].sort((left, right) => left - right)) {
    if (!isWeekend(day)) {
      observed.add(day);
      continue;
    }
    if (country === 'US') {
      observed.add(getWeekday(day) === SATURDAY ? day - 1 : day + 1);
      continue;
    }
    let substitute = day + (getWeekday(day) === SUNDAY ? 1 : 2);
    while (observed.has(substitute) || isWeekend(substitute)) substitute += 1;
    observed.add(substitute);
  }
  return [...observed];
}

/** Weekday public holidays between two days (inclusive). */
export function listPublicHolidays(timeZone: string, language: CalendarLanguage, firstDay: number, lastDay: number): Set<number> {
  const country = resolveCountry(timeZone, language);
  const firstYear = new Date(firstDay * 86_400_000).getUTCFullYear();
  const lastYear = new Date(lastDay * 86_400_000).getUTCFullYear();
  const holidays = new Set<number>();
  for (let year = firstYear - 1; year <= lastYear + 1; year += 1) {
    for (const day of observeOnWeekday(country, listCountryHolidays(country, year))) {
      if (day >= firstDay && day <= lastDay && !isWeekend(day)) holidays.add(day);
    }
  }
  return holidays;
}

/** Southern-hemisphere leaders take their long summer break around the turn of the year. */
export function isSouthernHemisphere(timeZone: string): boolean {
  return (
    timeZone.startsWith('Australia/') ||
    timeZone === 'Pacific/Auckland' ||
    timeZone === 'America/Sao_Paulo' ||
    timeZone === 'America/Santiago' ||
    timeZone.startsWith('America/Argentina/') ||
    timeZone === 'Africa/Johannesburg'
  );
}
