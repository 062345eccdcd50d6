import { describeReason } from '../../../shared/describe-reason.ts';
import type { Reason } from '../../../shared/rules.ts';
import type { Placement } from '../../../shared/taxonomy.ts';
import type { EventRecord } from '../events/event-record.ts';
import { isAcceptedByLeader } from '../rules/rule-subject.ts';
import type { ImportIssue } from '../ics/import-issue.ts';
import { touchesRange, type When } from '../ics/when.ts';
import type { WorkInstance } from '../metrics/allocate-days.ts';
import { dateOfMs, startOfDayMs, shiftDate } from '../metrics/calendar-days.ts';
import { formatInZone } from '../time/zone-time.ts';
import type { CountingSettings } from '../metrics/counting-settings.ts';
import type { Flag } from '../metrics/flags.ts';
import { summarisePeriod, type CategoryMinutes, type Period, type QuarterPlanning, type WeekMinutes } from '../metrics/summarise-period.ts';

export interface ReportEvent {
  uid: string;
  recurrenceId: string | null;
  /** ISO 8601 with the leader's offset; a date (YYYY-MM-DD) for all-day events. */
  start: string;
  /** Exclusive, as in iCalendar: an all-day event on 3 March ends on 4 March. */
  end: string;
  allDay: boolean;
  summary: string;
  category: Placement;
  reason: string;
  ruleId: string | null;
  exclusionReason: string | null;
  /** Minutes this event contributed inside the period (0 for excluded events). */
  countedMinutes: number;
}

export interface AuditReport {
  leader: { email: string | null; inferredFrom: string | null };
  period: Period;
  countedMinutes: number;
  minutes: CategoryMinutes;
  shares: CategoryMinutes;
  weekly: WeekMinutes[];
  planning: QuarterPlanning[];
  flags: Flag[];
  events: ReportEvent[];
  issues: ImportIssue[];
  /** With the same events, the report reads the same until this instant (see PeriodSummary). */
  stableUntilMs: number;
}

export interface PlacedRecord {
  record: EventRecord;
  category: Placement;
  reason: Reason;
  isMeeting: boolean;
}

/** The audit of a period from placed records: the one shape the CLI and the API report. */
export function buildAuditReport(input: {
  placed: readonly PlacedRecord[];
  period: Period;
  nowMs: number;
  settings: CountingSettings;
  leader: AuditReport['leader'];
  issues: ImportIssue[];
}): AuditReport {
  const { placed, period } = input;
  const counted: WorkInstance[] = [];
  const countedIndex = new Map<number, number>();
  placed.forEach((item, index) => {
    if (item.category === 'excluded') return;
    countedIndex.set(index, counted.length);
    counted.push({
      start: item.record.start,
      end: item.record.end,
      category: item.category,
      isMeeting: item.isMeeting,
      isAccepted: isAcceptedByLeader(item.record, input.leader.email ?? ''),
    });
  });
  const summary = summarisePeriod(counted, period, input.nowMs, input.settings, firstDate(placed, period.timeZone));

  const periodStart = startOfDayMs(period.from, period.timeZone);
  const periodEnd = startOfDayMs(shiftDate(period.to, 1), period.timeZone);
  const events = placed
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => overlapsPeriod(item.record, period, periodStart, periodEnd))
    .sort((a, b) => sortKey(a.item.record.start, period) - sortKey(b.item.record.start, period) || a.item.record.uid.localeCompare(b.item.record.uid))
    .map(({ item, index }): ReportEvent => {
      const reason = item.reason;
      const slot = countedIndex.get(index);
      return {
        uid: item.record.uid,
        recurrenceId: item.record.recurrenceId,
        start: formatWhen(item.record.start, period.timeZone),
        end: formatWhen(item.record.end, period.timeZone),
        allDay: item.record.start.kind === 'date',
        summary: item.record.summary,
        category: item.category,
        reason: describeReason(reason),
        ruleId: reason.kind === 'rule' ? reason.ruleId : null,
        exclusionReason: reason.kind === 'rule' ? (reason.exclusionReason ?? null) : null,
        countedMinutes: slot === undefined ? 0 : (summary.instanceMinutes[slot] ?? 0),
      };
    });

  return {
    leader: input.leader,
    period,
    countedMinutes: summary.countedMinutes,
    minutes: summary.minutes,
    shares: summary.shares,
    weekly: summary.weekly,
    planning: summary.planning,
    flags: summary.flags,
    events,
    issues: input.issues,
    stableUntilMs: summary.stableUntilMs,
  };
}

/** The first day the records hold anything, in the leader's zone. */
function firstDate(placed: readonly PlacedRecord[], timeZone: string): string | null {
  let first: string | null = null;
  for (const { record } of placed) {
    const date = record.start.kind === 'date' ? record.start.date : dateOfMs(record.start.ms, timeZone);
    if (first === null || date < first) first = date;
  }
  return first;
}

/** Whether a record touches the period; `periodStart`/`periodEnd` are the period's instants. */
export function overlapsPeriod(record: EventRecord, period: Period, periodStart: number, periodEnd: number): boolean {
  return touchesRange(record.start, record.end, { fromMs: periodStart, toMs: periodEnd, fromDate: period.from, toDate: period.to });
}

function sortKey(when: When, period: Period): number {
  return when.kind === 'time' ? when.ms : startOfDayMs(when.date, period.timeZone);
}

/** An instant as the leader's wall clock with its offset: 2026-03-02T09:00:00+01:00. */
export function formatWhen(when: When, timeZone: string): string {
  if (when.kind === 'date') return when.date;
  return formatInZone(when.ms, timeZone);
}
