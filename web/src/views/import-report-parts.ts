import type { ImportIssue } from '../api.ts';
import { h } from '../dom.ts';

// Parts of an import's report shared by the report shown after an upload and the stored reports
// under "Your calendars".

/** Added, updated, unchanged, removed: what an import did to the stored events. */
export function countsList(counts: { added: number; updated: number; unchanged: number; removed: number }): HTMLElement {
  return h('ul', { class: 'counts' }, count('added', counts.added), count('updated', counts.updated), count('unchanged', counts.unchanged), count('removed', counts.removed));
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
