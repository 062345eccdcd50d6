import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { describeReason } from '../../shared/describe-reason.ts';
import type { Reason } from '../../shared/rules.ts';
import type { Placement } from '../../shared/taxonomy.ts';
import type { Db } from '../db/open-database.ts';
import { events, sources } from '../db/schema.ts';
import { formatWhen, overlapsPeriod } from '../domain/audit/build-report.ts';
import { shiftDate, startOfDayMs } from '../domain/metrics/calendar-days.ts';
import type { Period } from '../domain/metrics/summarise-period.ts';
import { normaliseText } from '../domain/rules/normalise-text.ts';
import { resolveLeaderPeriod, type PeriodOptions } from './leader-period.ts';
import { getLeader } from './leaders.ts';
import { notFound } from './service-error.ts';
import { othersIn } from '../domain/rules/rule-subject.ts';
import { toEventRecord } from './event-rows.ts';

export type EventRow = typeof events.$inferSelect;

const DAY = 86_400_000;

/**
 * A leader's stored events that may touch [fromMs, toMs), one per instance identity: when two
 * sources hold the same meeting (the leader's calendar and a delegate's copy), the most recently
 * imported copy counts, so nothing is counted twice.
 */
export function loadLeaderEventRows(db: Db, leaderId: number, fromMs: number, toMs: number): EventRow[] {
  // All-day rows store UTC midnights; a day of margin on each side catches every zone.
  const rows = db
    .select()
    .from(events)
    .where(and(eq(events.leaderId, leaderId), lt(events.startMs, toMs + DAY), gte(events.endMs, fromMs - DAY)))
    .orderBy(asc(events.startMs), asc(events.id))
    .all();
  const latest = new Map<string, EventRow>();
  for (const row of rows) {
    const key = `${row.uid}\u0000${row.recurrenceId}`;
    const previous = latest.get(key);
    if (!previous || row.lastImportId > previous.lastImportId || (row.lastImportId === previous.lastImportId && row.id > previous.id)) {
      latest.set(key, row);
    }
  }
  return [...latest.values()];
}

export function getLeaderEventRow(db: Db, leaderId: number, eventId: number): EventRow | undefined {
  return db.select().from(events).where(and(eq(events.leaderId, leaderId), eq(events.id, eventId))).get();
}

/** One event as the API shows it: where it is placed and why, in words and as data. */
export interface EventView {
  id: number;
  source: string;
  uid: string;
  recurrenceId: string | null;
  isRecurring: boolean;
  start: string;
  end: string;
  allDay: boolean;
  summary: string;
  location: string;
  organizer: string | null;
  attendeeCount: number;
  category: Placement;
  reason: string;
  reasonDetail: Reason;
  ruleId: string | null;
  exclusionReason: string | null;
  isManual: boolean;
}

export function toEventView(row: EventRow, timeZone: string, sourceName: string, leaderEmail: string): EventView {
  const record = toEventRecord(row);
  const reason = row.reason;
  return {
    id: row.id,
    source: sourceName,
    uid: row.uid,
    recurrenceId: record.recurrenceId,
    isRecurring: row.isRecurring,
    start: formatWhen(record.start, timeZone),
    end: formatWhen(record.end, timeZone),
    allDay: row.allDay,
    summary: row.summary,
    location: row.location,
    organizer: row.organizer?.email || row.organizer?.name || null,
    attendeeCount: othersIn(row, leaderEmail).size,
    category: row.category as Placement,
    reason: describeReason(reason),
    reasonDetail: reason,
    ruleId: reason.kind === 'rule' ? reason.ruleId : null,
    exclusionReason: reason.kind === 'rule' || reason.kind === 'manual' ? (reason.exclusionReason ?? null) : null,
    isManual: reason.kind === 'manual',
  };
}

export function sourceNames(db: Db, leaderId: number): Map<number, string> {
  return new Map(
    db
      .select({ id: sources.id, name: sources.name })
      .from(sources)
      .where(eq(sources.leaderId, leaderId))
      .all()
      .map((s) => [s.id, s.name]),
  );
}

export interface EventListOptions extends PeriodOptions {
  category?: Placement | undefined;
  q?: string | undefined;
  order?: 'time' | 'unclassified-first' | undefined;
  limit: number;
  offset: number;
}

/** The events of a period with their placement and reason, filtered and paged. */
export function listLeaderEvents(db: Db, leaderId: number, options: EventListOptions): { period: Period; total: number; events: EventView[] } {
  const { leader, period, window } = resolveLeaderPeriod(db, leaderId, options);
  const names = sourceNames(db, leaderId);
  const search = options.q ? normaliseText(options.q) : null;
  const periodStart = startOfDayMs(period.from, period.timeZone);
  const periodEnd = startOfDayMs(shiftDate(period.to, 1), period.timeZone);
  const views = loadLeaderEventRows(db, leaderId, window.fromMs, window.toMs)
    .filter((row) => overlapsPeriod(toEventRecord(row), period, periodStart, periodEnd))
    .filter((row) => !options.category || row.category === options.category)
    .filter((row) => !search || normaliseText(`${row.summary} ${row.location}`).includes(search))
    .map((row) => toEventView(row, period.timeZone, names.get(row.sourceId) ?? '', leader.email));
  // A stable sort: unclassified events first, each group still in time order.
  if (options.order === 'unclassified-first') views.sort((a, b) => Number(b.category === 'unclassified') - Number(a.category === 'unclassified'));
  return { period, total: views.length, events: views.slice(options.offset, options.offset + options.limit) };
}

/** One stored event as the API shows it, in the leader's zone. */
export function getEventView(db: Db, leaderId: number, eventId: number): EventView {
  const leader = getLeader(db, leaderId);
  const row = getLeaderEventRow(db, leaderId, eventId);
  if (!row) throw notFound(`Event ${eventId}`);
  return toEventView(row, leader.timeZone ?? 'UTC', sourceNames(db, leaderId).get(row.sourceId) ?? '', leader.email);
}
