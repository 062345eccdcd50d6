import type { Placement } from '../../shared/taxonomy.ts';
import type { Db } from '../db/open-database.ts';
import { buildAuditReport } from '../domain/audit/build-report.ts';
import { eventsCsvFileName, toEventsCsv, type ExportedEvent } from '../domain/export/events-csv.ts';
import { countingSettingsOf } from '../domain/leaders/leader-settings.ts';
import type { Period } from '../domain/metrics/summarise-period.ts';
import { toEventRecord } from './event-rows.ts';
import { loadLeaderEventRows } from './leader-events.ts';
import { resolveLeaderPeriod, type PeriodOptions } from './leader-period.ts';

/**
 * The period's events as CSV, with the minutes each contributed: the same audit the summary
 * counts (one load of the rows, so the minutes and the places and reasons belong together).
 */
export function exportLeaderEvents(db: Db, leaderId: number, options: PeriodOptions): { csv: string; fileName: string; period: Period } {
  const { leader, period, window } = resolveLeaderPeriod(db, leaderId, options);
  const rows = loadLeaderEventRows(db, leaderId, window.fromMs, window.toMs);
  const report = buildAuditReport({
    placed: rows.map((row) => ({ record: toEventRecord(row), category: row.category as Placement, reason: row.reason, isMeeting: row.isMeeting })),
    period,
    nowMs: options.nowMs,
    settings: countingSettingsOf(leader.settings),
    leader: { email: leader.email, inferredFrom: null },
    issues: [],
  });
  // The report keeps what it counts; the location and a manual exclusion's reason come from the row.
  const rowByInstance = new Map(rows.map((row) => [`${row.uid}\u0000${row.recurrenceId}`, row]));
  const events = report.events.map((event): ExportedEvent => {
    const row = rowByInstance.get(`${event.uid}\u0000${event.recurrenceId ?? ''}`);
    const reason = row?.reason;
    return {
      start: event.start,
      end: event.end,
      allDay: event.allDay,
      title: event.summary,
      location: row?.location ?? '',
      category: event.category,
      reason: event.reason,
      exclusionReason: reason && (reason.kind === 'rule' || reason.kind === 'manual') ? (reason.exclusionReason ?? null) : null,
      countedMinutes: event.countedMinutes,
    };
  });
  return { csv: toEventsCsv(events, period.timeZone), fileName: eventsCsvFileName(leader.name ?? leader.email, period), period };
}
