import '../styles/hr.css';
import { complianceCsvUrl, hrApi, type ComplianceSortValue, type ComplianceView } from '../api-hr.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { emailText } from '../email-text.ts';
import { longDate, percent } from '../format.ts';
import { showCohortPage } from './cohort-page.ts';
import { cohortSelect, quarterSelect, withParams } from './hr-pickers.ts';
import type { View } from './view.ts';

type Row = ComplianceView['rows'][number];
type SortKey = 'name' | 'strategic-share' | 'counted-hours' | 'planning-days' | 'talent-reviews' | 'flags';

const COLUMNS: Array<{ key: SortKey; label: string; numeric: boolean; wrap?: boolean }> = [
  { key: 'name', label: 'Leader', numeric: false },
  { key: 'strategic-share', label: 'Strategic share', numeric: true },
  { key: 'counted-hours', label: 'Counted hours', numeric: true, wrap: true },
  { key: 'planning-days', label: 'Planning days', numeric: true },
  { key: 'talent-reviews', label: 'Talent reviews', numeric: true, wrap: true },
  { key: 'flags', label: 'Flags', numeric: false },
];

const COACHING_LABELS: Record<Row['coaching'], string> = { coached: 'Coached', 'not-coached': 'Not coached', 'not-shared': 'Not shared' };

const FLAG_LABELS: Record<Row['flags'][number]['code'], string> = {
  'low-strategic-share': 'Strategic share under target',
  'missing-planning-days': 'Too few planning days',
};

/**
 * HR's compliance table: one row per leader who accepted, with derived figures only. Cohort,
 * quarter, sort and filter live in the address, so a view can be bookmarked or shared.
 */
export const complianceView: View = (root, _state, params) =>
  showCohortPage(root, params, {
    title: 'Compliance',
    lead: 'Strategic share, protected planning days, talent reviews and flags of each leader who accepted the invitation, for one quarter. Held days are over; scheduled days are still in the calendar ahead. Coach: whether the leader works with a coach through Altitude today, shown only for leaders who chose to share it.',
    loading: 'Loading the compliance table…',
    async show(body, cohort, cohorts, isAlive) {
      const sort = (params.get('sort') ?? 'name') as ComplianceSortValue;
      const flagged = params.get('flagged') === 'only' ? 'only' : 'all';
      const quarter = params.get('quarter') ?? undefined;
      const view = await hrApi.compliance(cohort.id, { quarter, sort, flagged });
      if (!isAlive()) return;
      const go = (changes: Record<string, string | null>) => {
        location.hash = withParams('compliance', params, { cohort: String(cohort.id), ...changes });
      };
      const flaggedOnly = h('input', { type: 'checkbox', id: 'flagged-only', checked: flagged === 'only' });
      flaggedOnly.addEventListener('change', () => go({ flagged: flaggedOnly.checked ? 'only' : null }));
      const csv = h(
        'a',
        { class: 'button secondary', id: 'download-csv', href: complianceCsvUrl(cohort.id, { quarter: view.quarter, sort, flagged }), download: '' },
        'Download CSV',
      );
      replaceChildren(
        body,
        h(
          'div',
          { class: 'toolbar hr-toolbar' },
          cohortSelect(cohorts, cohort, (id) => go({ cohort: String(id) })),
          quarterSelect(view.quarter, (q) => go({ quarter: q })),
          h('span', { class: 'check' }, flaggedOnly, h('label', { for: 'flagged-only' }, 'Flagged only')),
          csv,
        ),
        summaryLine(view),
        view.rows.length === 0
          ? notice('empty', emptyText(view), h('p', {}, h('a', { href: `#/cohorts?cohort=${cohort.id}` }, 'Members and invitations')))
          : table(view, sort, (key) => go({ sort: key === sort ? `-${key}` : key })),
      );
    },
  });

function emptyText(view: ComplianceView): string {
  if (view.counts.active === 0) return 'Nobody in this cohort shares figures yet: they appear here once they accept the invitation.';
  return view.flagged === 'only' ? `Nobody is flagged in ${view.quarter}.` : `No rows for ${view.quarter}.`;
}

function summaryLine(view: ComplianceView): HTMLElement {
  const { counts } = view;
  return h(
    'p',
    { class: 'hr-summary', id: 'compliance-summary' },
    h('strong', {}, `${counts.active} sharing`),
    ` · ${counts.withData} with data in ${view.quarter} · ${counts.noData} without · `,
    h('strong', { class: counts.flagged > 0 ? 'hr-warn' : 'hr-ok' }, `${counts.flagged} flagged`),
    view.flagged === 'only' ? ` (showing flagged only)` : '',
  );
}

function table(view: ComplianceView, sort: ComplianceSortValue, onSort: (key: SortKey) => void): HTMLElement {
  const active = sort.replace(/^-/, '');
  const descending = sort.startsWith('-');
  const header = COLUMNS.map((column) => {
    const isActive = column.key === active;
    const button = h('button', { type: 'button', class: 'sort', 'data-sort': column.key }, column.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, isActive ? (descending ? ' ▼' : ' ▲') : ''));
    button.addEventListener('click', () => onSort(column.key));
    const classes = [column.numeric ? 'num' : '', column.wrap ? 'hr-wrap' : ''].filter(Boolean).join(' ');
    return h('th', { scope: 'col', class: classes || undefined, 'aria-sort': isActive ? (descending ? 'descending' : 'ascending') : undefined }, button);
  });
  // Not sortable: it is today's status, not the quarter's, and blank for most who do not share it.
  header.push(h('th', { scope: 'col', class: 'hr-unsorted' }, 'Coach'));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'hr-table hr-cards compliance', id: 'compliance-table' },
      h('caption', { class: 'hr-sr-only' }, `Compliance for ${view.quarter}; select a column heading to sort.`),
      // On a phone the headings become a row of sort buttons and each leader a card (hr.css).
      h('thead', {}, h('tr', {}, ...header)),
      h('tbody', {}, ...view.rows.map(row)),
    ),
  );
}

function row(r: Row): HTMLElement {
  const who = h('th', { scope: 'row' }, h('span', { class: 'hr-name' }, r.name ?? emailText(r.email)), r.name ? h('span', { class: 'hr-email', title: r.email }, emailText(r.email)) : null);
  if (!r.hasData) {
    return h(
      'tr',
      { 'data-email': r.email, class: 'no-data' },
      who,
      h('td', { colspan: 5, class: 'hr-no-data' }, h('span', { class: 'hr-status hr-status-none' }, 'No data'), ` No counted work time in ${r.quarter}${r.dataStart ? ` (calendar starts ${longDate(r.dataStart)})` : ''}.`),
      coachCell(r),
    );
  }
  const low = r.flags.some((f) => f.code === 'low-strategic-share');
  const short = r.flags.some((f) => f.code === 'missing-planning-days');
  return h(
    'tr',
    { 'data-email': r.email, class: r.flags.length > 0 ? 'flagged' : undefined },
    who,
    h('td', { class: `num${low ? ' hr-warn' : ''}`, 'data-label': 'Strategic share' }, percent(r.strategicShare!), h('span', { class: 'hr-target' }, ` target ${percent(r.strategicTarget, 0)}`)),
    h('td', { class: 'num', 'data-label': 'Counted hours' }, `${r.countedHours!.toFixed(1)} h`),
    h(
      'td',
      { class: `num${short ? ' hr-warn' : ''}`, 'data-label': 'Planning days' },
      `${r.planningHeld} held · ${r.planningScheduled} scheduled`,
      h('span', { class: 'hr-target' }, ` of ${r.planningTarget}`),
    ),
    h('td', { class: 'num', 'data-label': 'Talent reviews' }, String(r.talentReviews)),
    h(
      'td',
      { class: 'flags-cell', 'data-label': 'Flags' },
      r.flags.length === 0
        ? h('span', { class: 'hr-status hr-status-ok' }, 'On target')
        : h('ul', { class: 'hr-flag-chips' }, ...r.flags.map((f) => h('li', { class: 'hr-status hr-status-flag', title: f.message, 'data-flag': f.code }, FLAG_LABELS[f.code]))),
    ),
    coachCell(r),
  );
}

function coachCell(r: Row): HTMLElement {
  return h('td', { class: 'coach-cell', 'data-coaching': r.coaching, 'data-label': 'Coach' }, h('span', { class: r.coaching === 'not-shared' ? 'hr-muted' : undefined }, COACHING_LABELS[r.coaching]));
}
