import type { PlacedRecord } from '../audit/build-report.ts';
import type { WorkInstance } from '../metrics/allocate-days.ts';
import { dateOfMs, quarterOf, quarterRange, quartersBetween, shiftDate } from '../metrics/calendar-days.ts';
import type { CountingSettings } from '../metrics/counting-settings.ts';
import { summarisePeriod, type CategoryMinutes } from '../metrics/summarise-period.ts';
import { normaliseText } from '../rules/normalise-text.ts';
import { isAcceptedByLeader } from '../rules/rule-subject.ts';

/** What HR and the coach's client list read about one leader and one calendar quarter. */
export interface QuarterFigures {
  quarter: string;
  timeZone: string;
  minutes: CategoryMinutes;
  countedMinutes: number;
  /** Protected planning days, YYYY-MM-DD in the leader's zone, held and scheduled alike. */
  planningDates: string[];
  talentEvents: number;
  dataStart: string | null;
}

/**
 * Talent reviews, succession and calibration in the four languages of the default rules (text
 * folded as the rules fold it: no accents, lower case). A narrower list than the rules'
 * "unit's future" words: the diagnostic asks whether a talent and succession plan is being
 * made, not whether org design happens.
 */
export const TALENT_TERMS: readonly string[] = [
  // English
  'talent review', 'talent pool', 'talent board', 'talent council', 'people review', 'succession', 'successor',
  'calibration', 'bench strength',
  // German
  'talentreview', 'talent-review', 'talentrunde', 'talentkonferenz', 'talentpool', 'nachfolge', 'kalibrierung',
  // French
  'revue des talents', 'revue de talents', 'revue talents', 'viviers de talents', 'successeur', 'calibrage', 'plan de releve',
  // Spanish
  'revision de talento', 'revision del talento', 'comite de talento', 'cantera de talento', 'sucesion', 'calibracion',
];

export function isTalentTitle(summary: string): boolean {
  const text = normaliseText(summary);
  return TALENT_TERMS.some((term) => text.includes(term));
}

/**
 * The figures of every quarter a leader's placed events touch, from the first to the last,
 * quarters without events included (they hold no planning days, which is itself a finding).
 * Counting is `summarisePeriod`'s, one quarter at a time, so a row equals what the leader's
 * summary of that quarter says, to the tenth of a minute.
 */
export function computeQuarterFigures(input: {
  placed: readonly PlacedRecord[];
  leaderEmail: string;
  timeZone: string;
  settings: CountingSettings;
  nowMs: number;
}): QuarterFigures[] {
  const { placed, timeZone } = input;
  if (placed.length === 0) return [];

  // Each record's first and last day in the leader's zone, worked out once.
  const spans = placed.map(({ record }) => {
    const first = record.start.kind === 'date' ? record.start.date : dateOfMs(record.start.ms, timeZone);
    const lastExclusive = record.end.kind === 'date' ? shiftDate(record.end.date, -1) : dateOfMs(Math.max(record.end.ms - 1, record.start.kind === 'time' ? record.start.ms : 0), timeZone);
    return { first, last: lastExclusive < first ? first : lastExclusive };
  });
  let dataStart = spans[0]!.first;
  let dataEnd = spans[0]!.last;
  for (const span of spans) {
    if (span.first < dataStart) dataStart = span.first;
    if (span.last > dataEnd) dataEnd = span.last;
  }

  const quarters = quartersBetween(dataStart, dataEnd);
  const instancesByQuarter = new Map<string, WorkInstance[]>(quarters.map((quarter) => [quarter, []]));
  const talentByQuarter = new Map<string, number>();
  placed.forEach((item, index) => {
    if (item.category === 'excluded') return;
    const span = spans[index]!;
    const instance: WorkInstance = {
      start: item.record.start,
      end: item.record.end,
      category: item.category,
      isMeeting: item.isMeeting,
      isAccepted: isAcceptedByLeader(item.record, input.leaderEmail),
    };
    // An instance goes to every quarter it touches: a day's allocation needs all of that day's events.
    for (const quarter of quartersBetween(span.first, span.last)) instancesByQuarter.get(quarter)!.push(instance);
    if (isTalentTitle(item.record.summary)) {
      const quarter = quarterOf(span.first);
      talentByQuarter.set(quarter, (talentByQuarter.get(quarter) ?? 0) + 1);
    }
  });

  return quarters.map((quarter) => {
    const range = quarterRange(quarter);
    const summary = summarisePeriod(instancesByQuarter.get(quarter)!, { ...range, timeZone }, input.nowMs, input.settings, dataStart);
    return {
      quarter,
      timeZone,
      minutes: summary.minutes,
      countedMinutes: summary.countedMinutes,
      planningDates: summary.planning[0]?.dates ?? [],
      talentEvents: talentByQuarter.get(quarter) ?? 0,
      dataStart,
    };
  });
}
