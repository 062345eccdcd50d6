import type { ImportIssue } from '../api.ts';
import type { ImportCountsView } from '../../../shared/sources.ts';
import { h } from '../dom.ts';

// Parts of an import's report shared by the report shown after an upload and the stored reports
// under "Your calendars".

/** Why entries of a file were not stored, by the report entry's code. */
const REJECTION_LABELS: Record<string, string> = {
  'truncated-event': 'cut off by a truncated file',
  'missing-start': 'without a start',
  'duplicate-start': 'with two starts',
  'duplicate-end': 'with two ends',
  'invalid-date': 'with an invalid date',
  'invalid-recurrence': 'with an invalid recurrence rule',
  'recurrence-refused': 'with a refused recurrence rule',
  'recurrence-failed': 'whose recurrence could not be expanded',
  'unparseable-event': 'that could not be read',
  'series-capped': 'beyond a series’ 5,000 occurrences',
  'duplicate-instance': 'the same occurrence written twice',
  'older-version-ignored': 'older versions of an event',
  'duplicate-uid': 'repeated entries of one event',
  'invalid-rdate': 'invalid extra dates (RDATE)',
};

/**
 * Read, added, updated, unchanged, rejected, removed: what an import did, with the identity that
 * accounts for every entry of the file (read = added + updated + unchanged + rejected).
 */
export function countsList(counts: ImportCountsView): HTMLElement {
  const list = h(
    'ul',
    { class: 'counts' },
    counts.parsed === null ? null : count('read', counts.parsed),
    count('added', counts.added),
    count('updated', counts.updated),
    count('unchanged', counts.unchanged),
    counts.rejected === null ? null : count('rejected', counts.rejected.total),
    count('removed', counts.removed),
  );
  const reasons = Object.entries(counts.rejected?.reasons ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (reasons.length === 0) return list;
  return h(
    'div',
    { class: 'counts-block' },
    list,
    h('p', { class: 'rejected-reasons', 'data-rejected': counts.rejected!.total }, 'Rejected: ', reasons.map(([code, n]) => `${n.toLocaleString('en-GB')} ${REJECTION_LABELS[code] ?? code}`).join(', '), '.'),
  );
}

function count(label: string, value: number): HTMLElement {
  return h('li', { 'data-count': label }, h('strong', {}, value.toLocaleString('en-GB')), ` ${label}`);
}

/** The report's issues by severity: what could not be used and what was assumed open, notes closed. */
export function issueLists(issues: readonly ImportIssue[]): HTMLElement[] {
  const groups: Array<[string, ImportIssue['severity'], boolean]> = [
    ['Could not be used', 'error', true],
    ['Read with an assumption', 'warning', true],
    ['Good to know', 'info', false],
  ];
  return groups.flatMap(([title, severity, open]) => {
    const listed = issues.filter((i) => i.severity === severity);
    if (listed.length === 0) return [];
    return [
      h(
        'details',
        { class: 'issues', open },
        h('summary', {}, `${title} (${listed.length})`),
        h('ul', {}, ...listed.map((i) => h('li', {}, i.message, i.line ? h('span', { class: 'issue-where' }, ` line ${i.line}`) : null))),
      ),
    ];
  });
}
