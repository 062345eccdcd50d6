import { tzOffset, tzScan } from '@date-fns/tz';
import { formatContentLine } from './ics-writer.ts';
import {
  findNthWeekday,
  formatIcsLocalDateTime,
  getDateParts,
  getDaysInMonth,
  getWeekday,
} from './local-time.ts';

export type VTimezoneStyle = 'google' | 'outlook';

interface ZoneTransition {
  isDaylight: boolean;
  offsetFrom: number;
  offsetTo: number;
  /** Local wall-clock time of the change, read on the clock that was valid before it. */
  localDay: number;
  localMinute: number;
  instant: Date;
}

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
// en-US knows PST/EST, en-GB knows CET/BST, en-AU and en-NZ know AEST/NZST.
const TZNAME_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-NZ'] as const;

function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}

function formatClockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}${String(minute % 60).padStart(2, '0')}00`;
}

function findZoneAbbreviation(timeZone: string, instant: Date, offset: number): string {
  for (const locale of TZNAME_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+\-\u2212]/.test(name)) return name;
  }
  // tzdb writes numeric abbreviations ("+09") where no letters are in common use.
  const hours = formatUtcOffset(offset);
  return hours.endsWith('00') ? hours.slice(0, 3) : hours;
}

function listTransitions(timeZone: string, year: number): ZoneTransition[] {
  const changes = tzScan(timeZone, {
    start: new Date(Date.UTC(year, 0, 1)),
    end: new Date(Date.UTC(year + 1, 0, 1)),
  });
  return changes.map((change) => {
    const offsetFrom = change.offset - change.change;
    const localMs = change.date.getTime() + offsetFrom * 60_000;
    const localDay = Math.floor(localMs / 86_400_000);
    return {
      isDaylight: change.change > 0,
      offsetFrom,
      offsetTo: change.offset,
      localDay,
      localMinute: Math.round((localMs - localDay * 86_400_000) / 60_000),
      instant: change.date,
    };
  });
}

/** "Last Sunday" when no later same weekday fits in the month, otherwise "nth Sunday". */
function describeYearlyRule(transition: ZoneTransition): { month: number; weekday: number; nth: number } {
  const { year, month, dayOfMonth } = getDateParts(transition.localDay);
  const isLast = dayOfMonth + 7 > getDaysInMonth(year, month);
  return { month, weekday: getWeekday(transition.localDay), nth: isLast ? -1 : Math.ceil(dayOfMonth / 7) };
}

function formatYearlyRule(rule: { month: number; weekday: number; nth: number }, style: VTimezoneStyle): string {
  const byDay = `${rule.nth}${WEEKDAY_CODES[rule.weekday] ?? 'SU'}`;
  return style === 'outlook'
    ? `FREQ=YEARLY;INTERVAL=1;BYDAY=${byDay};BYMONTH=${rule.month}`
    : `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${byDay}`;
}

function buildRuleComponent(timeZone: string, transition: ZoneTransition, style: VTimezoneStyle): string[] {
  const rule = describeYearlyRule(transition);
  const component = transition.isDaylight ? 'DAYLIGHT' : 'STANDARD';
  const name = findZoneAbbreviation(timeZone, new Date(transition.instant.getTime() + 3_600_000), transition.offsetTo);
  if (style === 'outlook') {
    // Exchange anchors every rule at 1601-01-01 (the Windows FILETIME epoch), a quirk importers meet.
    return [
      `BEGIN:${component}`,
      formatContentLine('DTSTART', `16010101T${formatClockTime(transition.localMinute)}`),
      formatContentLine('TZOFFSETFROM', formatUtcOffset(transition.offsetFrom)),
      formatContentLine('TZOFFSETTO', formatUtcOffset(transition.offsetTo)),
      formatContentLine('RRULE', formatYearlyRule(rule, style)),
      `END:${component}`,
    ];
  }
  // Google anchors rules in 1970 on the first day the rule matches.
  const anchor = findNthWeekday(1970, rule.month, rule.weekday, rule.nth);
  return [
    `BEGIN:${component}`,
    formatContentLine('TZOFFSETFROM', formatUtcOffset(transition.offsetFrom)),
    formatContentLine('TZOFFSETTO', formatUtcOffset(transition.offsetTo)),
    formatContentLine('TZNAME', name),
    formatContentLine('DTSTART', formatIcsLocalDateTime({ day: anchor, minute: transition.localMinute })),
    formatContentLine('RRULE', formatYearlyRule(rule, style)),
    `END:${component}`,
  ];
}

function buildFixedComponents(timeZone: string, year: number, style: VTimezoneStyle): string[] {
  const probe = new Date(Date.UTC(year, 0, 15));
  const offset = formatUtcOffset(tzOffset(timeZone, probe));
  if (style === 'outlook') {
    // Exchange writes a STANDARD and an identical DAYLIGHT even for zones without DST.
    return ['STANDARD', 'DAYLIGHT'].flatMap((component) => [
      `BEGIN:${component}`,
      formatContentLine('DTSTART', '16010101T000000'),
      formatContentLine('TZOFFSETFROM', offset),
      formatContentLine('TZOFFSETTO', offset),
      `END:${component}`,
    ]);
  }
  return [
    'BEGIN:STANDARD',
    formatContentLine('TZOFFSETFROM', offset),
    formatContentLine('TZOFFSETTO', offset),
    formatContentLine('TZNAME', findZoneAbbreviation(timeZone, probe, tzOffset(timeZone, probe))),
    formatContentLine('DTSTART', '19700101T000000'),
    'END:STANDARD',
  ];
}

/** Zones whose changes follow no yearly weekday rule get one dated component per change. */
function buildDatedComponents(timeZone: string, transitions: readonly ZoneTransition[]): string[] {
  return transitions.flatMap((transition) => {
    const component = transition.isDaylight ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${component}`,
      formatContentLine('TZOFFSETFROM', formatUtcOffset(transition.offsetFrom)),
      formatContentLine('TZOFFSETTO', formatUtcOffset(transition.offsetTo)),
      formatContentLine('TZNAME', findZoneAbbreviation(timeZone, transition.instant, transition.offsetTo)),
      formatContentLine('DTSTART', formatIcsLocalDateTime({ day: transition.localDay, minute: transition.localMinute })),
      `END:${component}`,
    ];
  });
}

/**
 * A VTIMEZONE whose offsets and yearly rules are read from the runtime's tz database for
 * `referenceYear`, so every zone is right without a hand-kept table of rules.
 */
export function buildVTimezoneLines(timeZone: string, tzid: string, style: VTimezoneStyle, referenceYear: number): string[] {
  const transitions = listTransitions(timeZone, referenceYear);
  const daylight = transitions.find((transition) => transition.isDaylight);
  const standard = transitions.find((transition) => !transition.isDaylight);
  let components: string[];
  if (transitions.length === 0) {
    components = buildFixedComponents(timeZone, referenceYear, style);
  } else if (transitions.length === 2 && daylight && standard) {
    components =
      style === 'outlook'
        ? [...buildRuleComponent(timeZone, standard, style), ...buildRuleComponent(timeZone, daylight, style)]
        : [...buildRuleComponent(timeZone, daylight, style), ...buildRuleComponent(timeZone, standard, style)];
  } else {
    components = buildDatedComponents(timeZone, transitions);
  }
  const header = style === 'google' ? [formatContentLine('X-LIC-LOCATION', timeZone)] : [];
  return ['BEGIN:VTIMEZONE', formatContentLine('TZID', tzid), ...header, ...components, 'END:VTIMEZONE'];
}
