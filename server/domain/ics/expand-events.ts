import { Temporal } from './temporal.ts';
import { RRuleTemporal } from 'rrule-temporal';
import type { CalendarEvent } from './calendar-event.ts';
import { issue, type ImportIssue } from './import-issue.ts';
import type { ZoneId } from './resolve-time-zone.ts';
import { dateOfMs as dateInZone, offsetMinutesAt, wallClockToMs } from '../time/zone-time.ts';
import { expandSimpleDateRule, expandSimpleTimedRule } from './expand-simple-rule.ts';
import { addDays, daysBetween, recurrenceKey, touchesRange, type TimeRange, type When } from './when.ts';

/** The stretch of time to expand into: instants for timed events, dates for all-day ones. */
/** The stretch of time to expand into, in the leader's zone. */
export type ExpansionWindow = TimeRange;

export interface ExpansionLimits {
  /** Instances of one series inside the window; more are dropped with a report entry. */
  maxInstancesPerSeries: number;
  /** Work bounds handed to the rule engine, so that no rule can run away with the CPU. */
  maxIterations: number;
  maxCandidateEvaluations: number;
}

export const DEFAULT_EXPANSION_LIMITS: ExpansionLimits = {
  maxInstancesPerSeries: 5000,
  maxIterations: 100_000,
  maxCandidateEvaluations: 2_000_000,
};

/** One occurrence: a single event, or one instance of a series (possibly overridden). */
export interface EventInstance {
  uid: string;
  /** The original slot of a series instance (UTC instant, or date for all-day series); null for single events. */
  recurrenceId: string | null;
  isRecurring: boolean;
  start: When;
  end: When;
  /** The VEVENT whose title, attendees and status apply: the override when there is one. */
  event: CalendarEvent;
}

export interface Expansion {
  instances: EventInstance[];
  issues: ImportIssue[];
  /** Events (or whole series) with no instance inside the window. */
  outsideWindow: number;
}

/**
 * Expands series into instances inside the window only, applying EXDATE, EXRULE, RDATE and
 * RECURRENCE-ID overrides. Overrides are matched to their slot once (node-ical files each under
 * two keys, which double-counts when iterated naively).
 */
export function expandEvents(
  events: readonly CalendarEvent[],
  window: ExpansionWindow,
  limits: ExpansionLimits = DEFAULT_EXPANSION_LIMITS,
): Expansion {
  const result: Expansion = { instances: [], issues: [], outsideWindow: 0 };
  const overridesByUid = new Map<string, CalendarEvent[]>();
  const masters: CalendarEvent[] = [];
  for (const event of events) {
    if (event.recurrenceId) {
      const list = overridesByUid.get(event.uid);
      if (list) list.push(event);
      else overridesByUid.set(event.uid, [event]);
    } else {
      masters.push(event);
    }
  }

  for (const master of masters) {
    const overrides = overridesByUid.get(master.uid) ?? [];
    overridesByUid.delete(master.uid);
    const before = result.instances.length;
    if (master.rrules.length === 0 && master.rdates.length === 0 && overrides.length === 0) {
      if (touchesRange(master.start, master.end, window)) {
        result.instances.push({ uid: master.uid, recurrenceId: null, isRecurring: false, start: master.start, end: master.end, event: master });
      }
    } else {
      expandSeries(master, overrides, window, limits, result);
    }
    if (result.instances.length === before) result.outsideWindow++;
  }

  // Overrides whose series is not in the file (an invitation to one instance only): each
  // stands on its own, under its own recurrence id.
  for (const orphans of overridesByUid.values()) {
    for (const override of orphans) {
      if (!touchesRange(override.start, override.end, window)) {
        result.outsideWindow++;
        continue;
      }
      result.instances.push({
        uid: override.uid,
        // Keyed as its series would key it (an all-day override's series is all-day), so the
        // instance keeps its identity once the master arrives: Exchange's midnight DATE-TIME
        // RECURRENCE-ID of an all-day instance is its date, not a UTC instant.
        recurrenceId: slotKeyOf(override.recurrenceId!, override).replace(/^date:/, ''),
        isRecurring: true,
        start: override.start,
        end: override.end,
        event: override,
      });
    }
  }
  result.instances = withoutDuplicateKeys(result.instances, result.issues);
  return result;
}

/**
 * One occurrence per UID and RECURRENCE-ID: an all-day override written once as a date and once
 * as Exchange's midnight date-time names one instance twice. The first is kept, the second reported.
 */
function withoutDuplicateKeys(instances: EventInstance[], issues: ImportIssue[]): EventInstance[] {
  const seen = new Set<string>();
  return instances.filter((instance) => {
    const key = `${instance.uid}\u0000${instance.recurrenceId ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    issues.push(
      issue('warning', 'duplicate-instance', `Two entries describe the same occurrence (${instance.recurrenceId ?? 'single event'}); the second, on line ${instance.event.line}, was ignored.`, {
        uid: instance.uid,
        line: instance.event.line,
        dropped: 1,
      }),
    );
    return false;
  });
}

function expandSeries(
  master: CalendarEvent,
  overrides: CalendarEvent[],
  window: ExpansionWindow,
  limits: ExpansionLimits,
  result: Expansion,
): void {
  const where = { uid: master.uid, line: master.line };
  let slots: When[];
  try {
    slots = generateSlots(master, window, limits);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    result.issues.push(
      issue('error', 'recurrence-failed', `The recurring event could not be expanded (${reason}); none of its instances were imported.`, {
        ...where,
        // The series and the overrides that belonged to it: none of them is stored.
        dropped: 1 + overrides.length,
      }),
    );
    return;
  }
  const overrideBySlot = new Map<string, CalendarEvent>();
  for (const override of overrides) overrideBySlot.set(slotKeyOf(override.recurrenceId!, master), override);
  const hasDateKeys = [...overrideBySlot.keys()].some((key) => key.startsWith('date:'));
  const overrideOf = (slot: When, key: string) =>
    overrideBySlot.get(key) ?? (hasDateKeys && slot.kind === 'time' ? overrideBySlot.get(`date:${dateInZone(slot.ms, slot.zone)}`) : undefined);

  const durationMs = master.start.kind === 'time' && master.end.kind === 'time' ? master.end.ms - master.start.ms : 0;
  const durationDays = master.start.kind === 'date' && master.end.kind === 'date' ? daysBetween(master.start.date, master.end.date) : 0;
  const endOf = (slot: When): When => (slot.kind === 'time' ? { ...slot, ms: slot.ms + durationMs } : { kind: 'date', date: addDays(slot.date, durationDays) });

  if (slots.length > limits.maxInstancesPerSeries) {
    const last = slots[limits.maxInstancesPerSeries - 1]!;
    const cut = slots.slice(limits.maxInstancesPerSeries);
    // What the cap costs, in occurrences inside the window: an overridden slot is not lost (its
    // override is placed on its own below), and a slot that only reaches the window's edge was
    // never an occurrence in it.
    const dropped = cut.filter((slot) => !overrideOf(slot, recurrenceKey(slot)) && touchesRange(slot, endOf(slot), window)).length;
    result.issues.push(
      issue(
        'warning',
        'series-capped',
        `The series has ${slots.length} instances in the window; only the first ${limits.maxInstancesPerSeries} (up to ${describe(last)}) were imported.`,
        { ...where, dropped },
      ),
    );
    slots = slots.slice(0, limits.maxInstancesPerSeries);
  }

  const used = new Set<CalendarEvent>();

  for (const slot of slots) {
    const key = recurrenceKey(slot);
    const override = overrideOf(slot, key);
    if (override) {
      used.add(override);
      if (touchesRange(override.start, override.end, window)) {
        result.instances.push({ uid: master.uid, recurrenceId: key, isRecurring: true, start: override.start, end: override.end, event: override });
      }
      continue;
    }
    const end = endOf(slot);
    if (touchesRange(slot, end, window)) {
      result.instances.push({ uid: master.uid, recurrenceId: key, isRecurring: true, start: slot, end, event: master });
    }
  }

  // Overrides of slots outside the window (an instance moved into it) or of slots the rule
  // does not generate (RFC 5545 allows both): kept when they fall inside the window.
  for (const override of overrides) {
    if (used.has(override) || !touchesRange(override.start, override.end, window)) continue;
    const key = slotKeyOf(override.recurrenceId!, master).replace(/^date:/, '');
    result.instances.push({ uid: master.uid, recurrenceId: key, isRecurring: true, start: override.start, end: override.end, event: override });
  }
}

/** Where an override's RECURRENCE-ID lands among the master's slots. Exchange writes midnight
 * date-times for all-day series, and some writers give dates for timed series. */
function slotKeyOf(recurrenceId: When, master: CalendarEvent): string {
  if (master.start.kind === 'date') {
    return recurrenceId.kind === 'date' ? recurrenceId.date : dateInZone(recurrenceId.ms, recurrenceId.zone);
  }
  return recurrenceId.kind === 'time' ? recurrenceKey(recurrenceId) : `date:${recurrenceId.date}`;
}

function generateSlots(master: CalendarEvent, window: ExpansionWindow, limits: ExpansionLimits): When[] {
  const start = master.start;
  const candidates = new Map<string, When>();
  const add = (when: When) => candidates.set(recurrenceKey(when), when);

  if (start.kind === 'time') {
    const durationMs = master.end.kind === 'time' ? master.end.ms - start.ms : 0;
    const from = window.fromMs - durationMs;
    const inRange = (ms: number) => ms >= from && ms < window.toMs;
    if (inRange(start.ms)) add(start);
    for (const rule of master.rrules) for (const ms of expandTimedRule(rule, start, from, window.toMs, limits)) add({ ...start, ms });
    for (const rdate of master.rdates) {
      // A date-only RDATE on a timed series means that date at the series' own time of day.
      const ms = rdate.kind === 'time' ? rdate.ms : atTimeOfDay(rdate.date, start);
      if (inRange(ms)) add({ kind: 'time', ms, zone: start.zone });
    }
    const excludedMs = new Set<number>();
    const excludedDates = new Set<string>();
    for (const exdate of master.exdates) {
      if (exdate.kind === 'time') excludedMs.add(exdate.ms);
      else excludedDates.add(exdate.date);
    }
    for (const rule of master.exrules) for (const ms of expandTimedRule(rule, start, from, window.toMs, limits, true)) excludedMs.add(ms);
    return [...candidates.values()]
      .filter((slot) => slot.kind === 'time' && !excludedMs.has(slot.ms) && !(excludedDates.size > 0 && excludedDates.has(dateInZone(slot.ms, start.zone))))
      .sort(compareSlots);
  }

  const durationDays = master.end.kind === 'date' ? daysBetween(start.date, master.end.date) : 1;
  const from = addDays(window.fromDate, -durationDays);
  const inRange = (date: string) => date > from && date <= window.toDate;
  if (inRange(start.date)) add(start);
  for (const rule of master.rrules) for (const date of expandDateRule(rule, start.date, from, window.toDate, limits)) add({ kind: 'date', date });
  for (const rdate of master.rdates) {
    const date = rdate.kind === 'date' ? rdate.date : dateInZone(rdate.ms, rdate.zone);
    if (inRange(date)) add({ kind: 'date', date });
  }
  const excluded = new Set<string>();
  for (const exdate of master.exdates) excluded.add(exdate.kind === 'date' ? exdate.date : dateInZone(exdate.ms, exdate.zone));
  for (const rule of master.exrules) for (const date of expandDateRule(rule, start.date, from, window.toDate, limits, true)) excluded.add(date);
  return [...candidates.values()].filter((slot) => slot.kind === 'date' && !excluded.has(slot.date)).sort(compareSlots);
}

// An EXRULE removes the instances its pattern makes. DTSTART is not one of them unless it fits
// the pattern: counted in as for an RRULE, it removed the first instance of every series with an
// EXRULE. Both rule engines always count DTSTART in, so exclusion rules take the general engine
// with includeDtstart off (EXRULE is rare: deprecated by RFC 5545).
function expandTimedRule(rule: string, start: Extract<When, { kind: 'time' }>, fromMs: number, toMs: number, limits: ExpansionLimits, isExclusion = false): number[] {
  const normalised = normaliseTimedUntil(rule, start.zone);
  const simple = isExclusion ? null : expandSimpleTimedRule(normalised, start.ms, start.zone, fromMs, toMs);
  if (simple) return simple;
  const dtstart = Temporal.Instant.fromEpochMilliseconds(start.ms).toZonedDateTimeISO(start.zone);
  const engine = new RRuleTemporal({
    rruleString: normalised,
    dtstart,
    includeDtstart: !isExclusion,
    maxIterations: limits.maxIterations,
    maxCandidateEvaluations: limits.maxCandidateEvaluations,
    cache: false,
  });
  return engine
    .between(new Date(fromMs), new Date(toMs), true)
    .map((zdt) => zdt.epochMilliseconds)
    .filter((ms) => ms >= fromMs && ms < toMs);
}

function expandDateRule(rule: string, startDate: string, fromDate: string, toDate: string, limits: ExpansionLimits, isExclusion = false): string[] {
  const normalised = normaliseDateUntil(rule);
  const simple = isExclusion ? null : expandSimpleDateRule(normalised, startDate, addDays(fromDate, 1), toDate);
  if (simple) return simple;
  const engine = new RRuleTemporal({
    rruleString: `DTSTART;VALUE=DATE:${startDate.replaceAll('-', '')}\nRRULE:${normalised}`,
    includeDtstart: !isExclusion,
    maxIterations: limits.maxIterations,
    maxCandidateEvaluations: limits.maxCandidateEvaluations,
    cache: false,
  });
  // Date-only rules run on UTC midnights; the calendar fields are the dates.
  return engine
    .between(new Date(`${fromDate}T00:00:00Z`), new Date(`${toDate}T23:59:59Z`), true)
    .map((zdt) => zdt.toPlainDate().toString())
    .filter((date) => date > fromDate && date <= toDate);
}

/** RFC 5545 wants UNTIL in UTC when DTSTART has a zone; many exporters write local time or a
 * bare date. Read those in the event's zone, as their authors meant. */
function normaliseTimedUntil(rule: string, zone: ZoneId): string {
  return rule.replace(/UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?(Z)?/, (whole, y, mo, d, h, mi, s, z) => {
    if (z) return whole;
    const local = h === undefined ? `${y}-${mo}-${d}T23:59:59` : `${y}-${mo}-${d}T${h}:${mi}:${s}`;
    const ms = Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds;
    return `UNTIL=${new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`;
  });
}

/** All-day series: UNTIL is a date. Outlook writes the UTC instant of local midnight, which
 * east of UTC falls on the previous day; the date part plus one day keeps the last instance.
 * Only a time that can be a local midnight (whole quarter hour) is read so: `T235959Z`, which
 * other writers use for "the end of that day", stays on its own date (it added a day). */
function normaliseDateUntil(rule: string): string {
  return rule.replace(/UNTIL=(\d{8})(T\d{6}Z?)?/, (_whole, date: string, time: string | undefined) => {
    if (!time) return `UNTIL=${date}`;
    const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    const hour = Number(time.slice(1, 3));
    const isQuarterHour = Number(time.slice(3, 5)) % 15 === 0 && time.slice(5, 7) === '00';
    const until = time.endsWith('Z') && hour >= 12 && isQuarterHour ? addDays(iso, 1) : iso;
    return `UNTIL=${until.replaceAll('-', '')}`;
  });
}

function compareSlots(a: When, b: When): number {
  if (a.kind === 'time' && b.kind === 'time') return a.ms - b.ms;
  if (a.kind === 'date' && b.kind === 'date') return a.date.localeCompare(b.date);
  return 0;
}

function describe(when: When): string {
  return when.kind === 'date' ? when.date : new Date(when.ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function atTimeOfDay(date: string, start: Extract<When, { kind: 'time' }>): number {
  const local = new Date(start.ms + offsetMinutesAt(start.zone, start.ms) * 60_000);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return wallClockToMs({ year, month, day, hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds() }, start.zone);
}
