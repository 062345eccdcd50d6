import { CATEGORY_INFO, COUNTED_IDS } from '../../shared/taxonomy.ts';
import type { AuditReport } from '../domain/audit/build-report.ts';

/** The human-readable report of `audit` and `report`: a table, planning days, flags, the issues. */
export function formatReport(report: AuditReport, target: number): string {
  const lines: string[] = [];
  const who = report.leader.email ? `${report.leader.email}${report.leader.inferredFrom ? ` (inferred from ${report.leader.inferredFrom})` : ''}` : 'unknown leader';
  lines.push(`Altitude audit of ${who}`);
  lines.push(`Period ${report.period.from} to ${report.period.to}, days in ${report.period.timeZone}`);
  lines.push('');
  lines.push(`${'Category'.padEnd(26)}${'Hours'.padStart(9)}${'Share'.padStart(9)}`);
  for (const id of COUNTED_IDS) {
    lines.push(`${CATEGORY_INFO[id].label.padEnd(26)}${hours(report.minutes[id]).padStart(9)}${percent(report.shares[id]).padStart(9)}`);
  }
  lines.push(`${'Counted work time'.padEnd(26)}${hours(report.countedMinutes).padStart(9)}${(report.countedMinutes > 0 ? '100.0%' : '-').padStart(9)}`);
  const excluded = report.events.filter((e) => e.category === 'excluded').length;
  lines.push(`(${report.events.length} events in the period, ${excluded} excluded from counting)`);
  lines.push('');
  lines.push(`Protected planning days (target ${target} per quarter)`);
  for (const quarter of report.planning) {
    const dates = quarter.dates.length > 0 ? `  ${quarter.dates.join(', ')}` : '';
    lines.push(`  ${quarter.quarter}  held ${quarter.heldDays}  scheduled ${quarter.scheduledDays}${dates}`);
  }
  lines.push('');
  if (report.flags.length === 0) {
    lines.push('Flags: none. Strategic share and planning days meet their targets.');
  } else {
    lines.push('Flags');
    for (const flag of report.flags) {
      lines.push(`  ! ${flag.code}: ${flag.message}`);
      lines.push(`    What to do: ${flag.advice}`);
    }
  }
  const problems = report.issues.filter((i) => i.severity !== 'info');
  lines.push('');
  const errors = count(problems, 'error');
  const warnings = count(problems, 'warning');
  lines.push(`Import report: ${plural(report.issues.length, 'entry', 'entries')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  for (const entry of report.issues.slice(0, 20)) {
    const where = [entry.line ? `line ${entry.line}` : '', entry.uid ? `UID ${entry.uid}` : ''].filter(Boolean).join(', ');
    lines.push(`  [${entry.severity}] ${entry.code}${where ? ` (${where})` : ''}: ${entry.message}`);
  }
  if (report.issues.length > 20) lines.push(`  … ${report.issues.length - 20} more (use --json for all)`);
  return lines.join('\n');
}

function hours(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function count(list: readonly { severity: string }[], severity: string): number {
  return list.filter((i) => i.severity === severity).length;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/**
 * An import's honest count in one line: what the file yielded inside the window, and where each
 * entry went. "18 read = 1 added + 1 updated + 14 unchanged + 2 rejected (2 invalid-date); 1 removed".
 */
export function formatImportCounts(result: {
  parsed: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  rejected: { total: number; reasons: Record<string, number> };
}): string {
  const reasons = Object.entries(result.rejected.reasons)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  return (
    `${result.parsed} read = ${result.added} added + ${result.updated} updated + ${result.unchanged} unchanged + ${result.rejected.total} rejected` +
    `${reasons ? ` (${reasons})` : ''}; ${result.removed} removed`
  );
}

/** The report as `--json` prints it: everything but the server's cache hint (`stableUntilMs`). */
export function reportJson(report: AuditReport): string {
  const { stableUntilMs: _stableUntilMs, ...rest } = report;
  return JSON.stringify(rest, null, 2);
}
