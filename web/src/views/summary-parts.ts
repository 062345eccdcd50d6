import type { Flag, Summary } from '../api.ts';
import { toCategoryDoughnut } from '../chart-data/category-doughnut.ts';
import { h } from '../dom.ts';
import { hours, percent } from '../format.ts';

// What the dashboard and the session report both show of a summary, built once for both.

export const NO_FLAGS_TEXT = 'No flags: strategic share and planning days meet their targets.';

/** The quarter the headline speaks of: today's, or the period's last when today is outside it. */
export function headlineQuarter(summary: Summary, today: string): Summary['planning'][number] | undefined {
  const current = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  return summary.planning.find((q) => q.quarter === current) ?? summary.planning[summary.planning.length - 1];
}

/** The category doughnut's canvas (drawn by the view) with its numbers in a table beside it. */
export function categoryMix(summary: Summary, parts: { canvasId: string; boxClass: string; tableId: string; withTotal?: boolean }): HTMLElement {
  return h(
    'div',
    { class: 'chart-with-table' },
    h('div', { class: `chart-box ${parts.boxClass}` }, h('canvas', { id: parts.canvasId, role: 'img', 'aria-label': 'Share of counted time per category; the table beside gives the numbers' })),
    categoryTable(summary, { id: parts.tableId, withTotal: parts.withTotal }),
  );
}

/** Hours and share per category, the doughnut's numbers; `withTotal` adds the counted total. */
function categoryTable(summary: Summary, options: { id: string; withTotal?: boolean }): HTMLElement {
  const data = toCategoryDoughnut(summary.minutes, summary.shares);
  return h(
    'table',
    { class: 'figures', id: options.id },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col' }, 'Hours'), h('th', { scope: 'col' }, 'Share'))),
    h(
      'tbody',
      {},
      ...data.rows.map((row) =>
        h(
          'tr',
          { 'data-category': row.id },
          h('th', { scope: 'row' }, h('span', { class: `chip chip-${row.id}`, 'aria-hidden': 'true' }), row.label),
          h('td', {}, hours(summary.minutes[row.id])),
          h('td', {}, percent(row.share)),
        ),
      ),
    ),
    options.withTotal ? h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Counted'), h('td', {}, hours(summary.countedMinutes)), h('td', {}, '100%'))) : null,
  );
}

/** One kind of flag: what was found (one line per quarter it concerns) and what to do about it. */
export function flagItem(code: Flag['code'], messages: readonly string[], advice: string): HTMLElement {
  return h(
    'li',
    { class: 'flag', 'data-code': code },
    ...messages.map((message) => h('p', { class: 'flag-message' }, message)),
    h('p', { class: 'flag-advice' }, h('strong', {}, 'What to do: '), advice),
  );
}
