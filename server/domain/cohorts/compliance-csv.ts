import { toCsv } from '../export/csv.ts';
import type { ComplianceRow } from './compliance.ts';

const HEADER = [
  'Name',
  'E-mail',
  'Quarter',
  'Data',
  'Strategic share (%)',
  'Strategic target (%)',
  'Counted hours',
  'Planning days held',
  'Planning days scheduled',
  'Planning-day target',
  'Low strategic share',
  'Missing planning days',
  'Talent reviews',
  'Calendar starts',
  'Coaching',
];

const COACHING: Record<ComplianceRow['coaching'], string> = { coached: 'coached', 'not-coached': 'not coached', 'not-shared': 'not shared' };

/** The compliance table as a spreadsheet; names and addresses go through `toCsv`'s formula guard. */
export function complianceCsv(rows: readonly ComplianceRow[]): string {
  return toCsv(
    HEADER,
    rows.map((row) => {
      const has = (code: string) => row.flags.some((flag) => flag.code === code);
      return [
        row.name ?? '',
        row.email,
        row.quarter,
        row.hasData ? 'yes' : 'no data',
        row.strategicShare === null ? null : Math.round(row.strategicShare * 1000) / 10,
        Math.round(row.strategicTarget * 1000) / 10,
        row.countedHours,
        row.planningHeld,
        row.planningScheduled,
        row.planningTarget,
        row.hasData ? (has('low-strategic-share') ? 'yes' : 'no') : null,
        row.hasData ? (has('missing-planning-days') ? 'yes' : 'no') : null,
        row.talentReviews,
        row.dataStart,
        COACHING[row.coaching],
      ];
    }),
  );
}
