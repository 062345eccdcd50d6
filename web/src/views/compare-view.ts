import '../styles/coach.css';
import { CATEGORY_INFO } from '../../../shared/taxonomy.ts';
import { coachApi, type ComparedPeriod, type Comparison } from '../api-coach.ts';
import { leaderZone } from '../app-state.ts';
import { toCompareBars } from '../chart-data/compare-bars.ts';
import { ChartHost } from '../charts/chart-host.ts';
import { describePeriod, isValidPeriod, periodLength, quarterPresets, type QuarterPreset } from '../compare-presets.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { hours, longDate, percent, plural } from '../format.ts';
import { hoursChange, pointsChange } from '../format-change.ts';
import type { Period } from '../periods.ts';
import { todayIn } from '../periods.ts';
import { leaderPageFailure, noLeaderNotice } from './no-leader.ts';
import type { View } from './view.ts';

/** Two periods side by side (before and after a programme, say): the change per category in hours and points. */
export const compareView: View = (root, state, params) => {
  const presets = quarterPresets(todayIn(leaderZone(state)));
  const fromParams = (prefix: 'a' | 'b'): Period | null => {
    const period = { from: params.get(`${prefix}From`) ?? '', to: params.get(`${prefix}To`) ?? '' };
    return isValidPeriod(period) ? period : null;
  };
  // By default: last quarter against this one.
  let periodA: Period = fromParams('a') ?? presets[1]!;
  let periodB: Period = fromParams('b') ?? presets[0]!;
  const chart = { host: null as ChartHost | null };
  const results = h('div', { class: 'compare-results' });
  const who = state.leader ? (state.leader.name ?? state.leader.email) : '';

  if (!state.leader) {
    replaceChildren(root, h('div', { class: 'page-heading' }, h('h1', {}, 'Compare periods')), noLeaderNotice(state));
    return;
  }
  const leaderId = state.leader.id;

  const pickerA = periodChooser('a', 'Period A', periodA, presets);
  const pickerB = periodChooser('b', 'Period B', periodB, presets);
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'panel compare-form', 'aria-label': 'Periods to compare' },
    h('div', { class: 'compare-pickers' }, pickerA.element, h('span', { class: 'compare-versus', 'aria-hidden': 'true' }, 'against'), pickerB.element),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'compare-submit' }, 'Compare')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const a = pickerA.value();
    const b = pickerB.value();
    if (!a || !b) {
      error.textContent = `${!a ? 'Period A' : 'Period B'}: give a start and an end date, the end on or after the start.`;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    periodA = a;
    periodB = b;
    // Keep the choice in the address (shareable, survives a reload) without re-rendering the page.
    history.replaceState(null, '', `#/compare?aFrom=${a.from}&aTo=${a.to}&bFrom=${b.from}&bTo=${b.to}`);
    void load();
  });

  replaceChildren(
    root,
    h('div', { class: 'page-heading' }, h('h1', {}, state.leader.access === 'owner' ? 'Compare two periods' : `Compare periods: ${who}`)),
    h('p', { class: 'lead' }, 'Where the time went in one period against another, for example before and after a development programme. Shares are of counted work time; a change in points is the difference of the two shares. Per week is a period’s hours over its length in weeks, so periods of different length compare.'),
    form,
    results,
  );

  let latest = 0;
  async function load(): Promise<void> {
    const request = ++latest;
    replaceChildren(results, notice('loading', 'Comparing…'));
    try {
      const comparison = await coachApi.compare(leaderId, periodA, periodB);
      if (request === latest) render(comparison);
    } catch (failure) {
      if (request !== latest) return;
      chart.host?.destroy();
      chart.host = null;
      replaceChildren(results, leaderPageFailure(state, failure, () => void load()));
    }
  }

  function render(comparison: Comparison): void {
    const labelA = `A: ${describePeriod(comparison.a.period, presets, longDate)}`;
    const labelB = `B: ${describePeriod(comparison.b.period, presets, longDate)}`;
    const canvas = h('canvas', { id: 'compare-chart', role: 'img', 'aria-label': `Share of counted time per category, ${labelA} beside ${labelB}; the table gives the numbers` });
    replaceChildren(
      results,
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'compare-table-heading' },
        h('h2', { id: 'compare-table-heading' }, 'Per category'),
        lengthNote(comparison),
        h('div', { class: 'table-scroll table-plain' }, compareTable(comparison, labelA, labelB)),
      ),
      h(
        'section',
        { class: 'panel chart-panel', 'aria-labelledby': 'compare-chart-heading' },
        h('h2', { id: 'compare-chart-heading' }, 'Share of counted time'),
        h('p', { class: 'panel-note' }, 'Each pair of bars is one category: the pale bar is period A, the solid bar period B.'),
        h('div', { class: 'chart-scroll' }, h('div', { class: 'chart-box chart-box-wide' }, canvas)),
      ),
      h('div', { class: 'compare-periods' }, periodPanel('a', labelA, comparison.a), periodPanel('b', labelB, comparison.b)),
    );
    const data = toCompareBars(comparison.categories, labelA, labelB);
    chart.host?.destroy();
    chart.host = new ChartHost(canvas);
    chart.host.render({
      type: 'bar',
      data,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Every category named; on a phone the names turn to fit rather than overlap.
        scales: { y: { beginAtZero: true, title: { display: true, text: '% of counted time' } }, x: { ticks: { autoSkip: false } } },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: (item) => ` ${item.dataset.label}: ${(item.raw as number).toFixed(1)}%` } },
        },
      },
    });
  }

  void load();
  return () => {
    latest++;
    chart.host?.destroy();
  };
};

/** A choice of period: one of the recent quarters, or dates of one's own. */
function periodChooser(prefix: 'a' | 'b', legend: string, initial: Period, presets: readonly QuarterPreset[]): { element: HTMLElement; value: () => Period | null } {
  const matching = presets.find((p) => p.from === initial.from && p.to === initial.to);
  const select = h(
    'select',
    { id: `compare-${prefix}-preset` },
    ...presets.map((p) => h('option', { value: p.id, selected: p === matching }, p.label)),
    h('option', { value: 'custom', selected: !matching }, 'Custom dates…'),
  );
  const from = h('input', { type: 'date', id: `compare-${prefix}-from`, value: initial.from });
  const to = h('input', { type: 'date', id: `compare-${prefix}-to`, value: initial.to });
  const custom = h(
    'div',
    { class: 'compare-custom', hidden: Boolean(matching) },
    h('label', { for: `compare-${prefix}-from` }, 'From'),
    from,
    h('label', { for: `compare-${prefix}-to` }, 'To'),
    to,
  );
  select.addEventListener('change', () => {
    const preset = presets.find((p) => p.id === select.value);
    custom.hidden = Boolean(preset);
    if (preset) {
      from.value = preset.from;
      to.value = preset.to;
    } else {
      from.focus();
    }
  });
  const element = h(
    'fieldset',
    { class: `compare-period compare-period-${prefix}` },
    h('legend', {}, legend),
    h('div', { class: 'field inline' }, h('label', { for: `compare-${prefix}-preset` }, 'Quarter'), select),
    custom,
  );
  return {
    element,
    value: () => {
      const period = { from: from.value, to: to.value };
      return isValidPeriod(period) ? period : null;
    },
  };
}

/**
 * How long each period is, and, when they differ, what to compare: a change in total hours
 * between 9 months and 3 months says more about the calendar than about the work.
 */
function lengthNote(comparison: Comparison): HTMLElement {
  const a = periodLength(comparison.a.days);
  const b = periodLength(comparison.b.days);
  if (comparison.isSameLength) {
    return h('p', { class: 'panel-note', id: 'compare-lengths' }, comparison.a.days === comparison.b.days ? `Both periods are ${a}.` : `A is ${a}, B is ${b}: about the same length.`);
  }
  return h(
    'p',
    { class: 'compare-length-note', id: 'compare-lengths', 'data-unequal': 'true' },
    `B is ${b}, A is ${a}: compare per week and shares. A change in total hours mostly measures the difference in length.`,
  );
}

function compareTable(comparison: Comparison, labelA: string, labelB: string): HTMLElement {
  const th = (text: string) => h('th', { scope: 'col' }, text);
  // No green or red: more operational time is not "up" the way more strategic time is.
  const trend = (value: number) => (value === 0 ? 'change-none' : 'change');
  // Periods of different length: the change in total hours is shown but not stressed.
  const totalTrend = (value: number) => (comparison.isSameLength ? trend(value) : 'change-none');
  // Each cell names its column for the phone layout, where the headings give way to labels.
  const cell = (col: string, label: string, text: string, extra: Record<string, string> = {}) => h('td', { 'data-col': col, 'data-label': label, ...extra }, text);
  return h(
    'table',
    { class: 'figures compare-table', id: 'compare-table' },
    h('caption', { class: 'compare-key' }, `${labelA} · ${labelB}`),
    h(
      'thead',
      {},
      h('tr', {}, h('td', {}), h('th', { scope: 'colgroup', colspan: '3' }, labelA), h('th', { scope: 'colgroup', colspan: '3' }, labelB), h('th', { scope: 'colgroup', colspan: '3' }, 'Change')),
      h('tr', {}, th('Category'), th('Hours'), th('Per week'), th('Share'), th('Hours'), th('Per week'), th('Share'), th('Hours'), th('Per week'), th('Points')),
    ),
    h(
      'tbody',
      {},
      ...comparison.categories.map((row) =>
        h(
          'tr',
          { 'data-category': row.id },
          h('th', { scope: 'row' }, h('span', { class: `chip chip-${row.id}`, 'aria-hidden': 'true' }), CATEGORY_INFO[row.id].label),
          cell('a-hours', 'A hours', hours(row.a.minutes)),
          cell('a-week', 'A per week', hours(row.perWeek.a)),
          cell('a-share', 'A share', percent(row.a.share)),
          cell('b-hours', 'B hours', hours(row.b.minutes)),
          cell('b-week', 'B per week', hours(row.perWeek.b)),
          cell('b-share', 'B share', percent(row.b.share)),
          cell('change-hours', 'Change, hours', hoursChange(row.change.minutes), { class: totalTrend(row.change.minutes) }),
          cell('change-week', 'Change per week', hoursChange(row.perWeek.change), { class: trend(row.perWeek.change) }),
          cell('change-points', 'Change, points', pointsChange(row.change.points), { class: trend(row.change.points) }),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        { 'data-category': 'counted' },
        h('th', { scope: 'row' }, 'Counted work time'),
        cell('a-hours', 'A hours', hours(comparison.counted.a)),
        cell('a-week', 'A per week', hours(comparison.countedPerWeek.a)),
        cell('a-share', 'A share', comparison.counted.a > 0 ? '100%' : '–'),
        cell('b-hours', 'B hours', hours(comparison.counted.b)),
        cell('b-week', 'B per week', hours(comparison.countedPerWeek.b)),
        cell('b-share', 'B share', comparison.counted.b > 0 ? '100%' : '–'),
        cell('change-hours', 'Change, hours', hoursChange(comparison.counted.changeMinutes)),
        cell('change-week', 'Change per week', hoursChange(comparison.countedPerWeek.change)),
        h('td', {}, ''),
      ),
    ),
  );
}

function periodPanel(prefix: 'a' | 'b', label: string, period: ComparedPeriod): HTMLElement {
  const days = period.planningDays;
  return h(
    'section',
    { class: `panel compare-period-panel`, id: `compare-period-${prefix}`, 'aria-label': label },
    h('h2', {}, label),
    h('p', { class: 'panel-note' }, label.includes(longDate(period.period.from)) ? `Days in ${period.period.timeZone}` : `${longDate(period.period.from)} – ${longDate(period.period.to)}, days in ${period.period.timeZone}`),
    h(
      'dl',
      { class: 'period-facts' },
      h('dt', {}, 'Length'),
      h('dd', { 'data-fact': 'length' }, periodLength(period.days)),
      h('dt', {}, 'Counted work time'),
      h('dd', { 'data-fact': 'counted' }, hours(period.countedMinutes)),
      h('dt', {}, 'Counted per week'),
      h('dd', { 'data-fact': 'per-week' }, hours(period.countedMinutesPerWeek)),
      h('dt', {}, 'Protected planning days in the period'),
      h('dd', { 'data-fact': 'planning' }, `${plural(days.protectedDays, 'day')}${days.protectedDays > 0 ? ` (${days.heldDays} held, ${days.scheduledDays} booked ahead)` : ''}`),
      ...period.quarters.flatMap((q) => [h('dt', {}, `Whole quarter ${q.quarter}`), h('dd', {}, `${q.protectedDays} planning ${q.protectedDays === 1 ? 'day' : 'days'}`)]),
    ),
    period.flags.length === 0
      ? h('p', { class: 'flags-clear-note' }, 'No flags.')
      : h('ul', { class: 'period-flags' }, ...period.flags.map((flag) => h('li', { class: 'flag', 'data-code': flag.code }, h('p', { class: 'flag-message' }, flag.message)))),
  );
}
