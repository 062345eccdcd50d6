import { CATEGORY_INFO, COUNTED_IDS } from '../../../shared/taxonomy.ts';
import { api, type Flag, type Summary } from '../api.ts';
import { toCategoryDoughnut } from '../chart-data/category-doughnut.ts';
import { toQuarterStrip } from '../chart-data/quarter-strip.ts';
import { toWeeklyBars } from '../chart-data/weekly-bars.ts';
import { ChartSet } from '../charts/chart-set.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { dayMonth, hours, longDate, percent, plural } from '../format.ts';
import { todayIn } from '../periods.ts';
import { periodPicker } from './period-picker.ts';
import { leaderPageFailure, noLeaderNotice } from './no-leader.ts';
import { categoryMix, flagItem, headlineQuarter, NO_FLAGS_TEXT } from './summary-parts.ts';
import type { View } from './view.ts';

/** The audit of a period: headline cards, flags with what to do, and the charts with their numbers. */
export const dashboardView: View = (root, state) => {
  const heading = h('div', { class: 'page-heading' });
  const body = h('div', { class: 'dashboard-body' });
  const charts = new ChartSet(body);
  replaceChildren(root, heading, body);
  // Only the answer to the latest request is shown: a slow earlier one must not overwrite it.
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    replaceChildren(heading, h('h1', {}, 'Where the time went'), periodPicker(state, () => void load()));
    if (!state.leader) {
      replaceChildren(body, noLeaderNotice(state));
      return;
    }
    replaceChildren(body, notice('loading', 'Loading the audit…'));
    try {
      const summary = await api.summary(state.leader.id, state.period);
      if (request === latest) renderSummary(summary);
    } catch (error) {
      if (request === latest) replaceChildren(body, leaderPageFailure(state, error, () => void load()));
    }
  }

  function renderSummary(summary: Summary): void {
    charts.destroy();
    if (summary.countedMinutes === 0) {
      replaceChildren(
        body,
        notice('empty', `No counted work time between ${longDate(summary.period.from)} and ${longDate(summary.period.to)}.`, h('p', {}, 'Pick another period, or import a calendar that covers it.')),
      );
      return;
    }
    replaceChildren(body, headlineCards(summary), flagsPanel(summary), doughnutPanel(summary), weeklyPanel(summary), planningPanel(summary));
    const doughnut = toCategoryDoughnut(summary.minutes, summary.shares);
    charts.draw('doughnut-chart', {
      type: 'doughnut',
      data: { labels: doughnut.labels, datasets: doughnut.datasets },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => ` ${item.label}: ${(item.raw as number).toFixed(1)} h (${percent(doughnut.rows[item.dataIndex]!.share)})` } },
        },
        cutout: '58%',
      },
    });
    const weekly = toWeeklyBars(summary.weekly, summary.settings.strategicShareMin);
    charts.draw('weekly-chart', {
      type: 'bar',
      // chart.js types a mixed bar/line chart loosely; the datasets are built and tested in chart-data.
      data: { ...weekly, labels: weekly.labels.map((week) => dayMonth(week)) } as never,
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 12 } }, y: { stacked: true, title: { display: true, text: 'hours' } } },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: (item) => ` ${item.dataset.label}: ${(item.raw as number).toFixed(1)} h` } },
        },
      },
    });
  }

  void load();
  return () => {
    latest++;
    charts.destroy();
  };
};

function headlineCards(summary: Summary): HTMLElement {
  const { settings } = summary;
  const share = summary.shares.strategic;
  const strategicOk = share >= settings.strategicShareMin;
  const quarter = headlineQuarter(summary, todayIn(summary.period.timeZone));
  const planningOk = quarter ? quarter.protectedDays >= settings.planningDaysPerQuarter : false;
  // The gauge spans 0 to 1.6 times the larger of share and target, so both always show.
  const scale = Math.max(share, settings.strategicShareMin) * 1.6;
  const fill = h('span', { class: 'gauge-fill' });
  const line = h('span', { class: 'gauge-line' });
  // Set through the CSSOM: the Content-Security-Policy forbids inline style attributes.
  fill.style.width = `${Math.min(100, (share / scale) * 100).toFixed(1)}%`;
  line.style.left = `${((settings.strategicShareMin / scale) * 100).toFixed(1)}%`;
  const counted = summary.eventCount - summary.excludedEvents;

  return h(
    'section',
    { class: 'cards', 'aria-label': 'Headline figures' },
    h(
      'article',
      { class: `card ${strategicOk ? 'card-ok' : 'card-warn'}`, id: 'card-strategic' },
      h('h2', {}, 'Strategic share'),
      h('p', { class: 'card-figure' }, percent(share)),
      h('p', { class: 'card-status' }, strategicOk ? 'On target' : 'Below target'),
      h('div', { class: 'gauge', role: 'img', 'aria-label': `${percent(share)} strategic against a ${percent(settings.strategicShareMin, 0)} target` }, fill, line),
      h('p', { class: 'card-note' }, `${hours(summary.minutes.strategic)} of ${hours(summary.countedMinutes)} counted; target ${percent(settings.strategicShareMin, 0)} or more.`),
    ),
    h(
      'article',
      { class: `card ${planningOk ? 'card-ok' : 'card-warn'}`, id: 'card-planning' },
      h('h2', {}, quarter ? `Planning days, ${quarter.quarter}` : 'Planning days'),
      h('p', { class: 'card-figure' }, quarter ? `${quarter.protectedDays} of ${settings.planningDaysPerQuarter}` : '–'),
      quarter ? h('p', { class: 'card-status' }, planningOk ? 'On target' : 'Below target') : null,
      h('p', { class: 'card-note' }, quarter ? `${quarter.heldDays} held, ${quarter.scheduledDays} still booked ahead.` : 'No quarter in this period.'),
    ),
    h(
      'article',
      { class: 'card', id: 'card-counted' },
      h('h2', {}, 'Counted work time'),
      h('p', { class: 'card-figure' }, hours(summary.countedMinutes)),
      h(
        'p',
        { class: 'card-note' },
        `${plural(counted, 'counted event')} · `,
        h('a', { href: '#/events?category=excluded' }, `${plural(summary.excludedEvents, 'excluded event')}`),
      ),
      summary.unclassifiedEvents > 0
        ? h('p', { class: 'card-note' }, h('a', { href: '#/events?category=unclassified' }, `${plural(summary.unclassifiedEvents, 'event')} (${hours(summary.minutes.unclassified)}) need a decision`))
        : null,
    ),
  );
}

function flagsPanel(summary: Summary): HTMLElement {
  if (summary.flags.length === 0) {
    return h('section', { class: 'panel flags flags-clear', 'aria-label': 'Flags' }, h('h2', {}, 'Flags'), h('p', {}, NO_FLAGS_TEXT));
  }
  // One card per kind of flag: the quarters short of planning days share their advice.
  const groups = new Map<Flag['code'], Flag[]>();
  for (const flag of summary.flags) groups.set(flag.code, [...(groups.get(flag.code) ?? []), flag]);
  return h(
    'section',
    { class: 'panel flags', 'aria-label': 'Flags' },
    h('h2', {}, 'Flags'),
    h(
      'ul',
      {},
      ...[...groups].map(([code, flags]) => flagItem(code, flags.map((flag) => flag.message), flags[flags.length - 1]!.advice)),
    ),
  );
}

function doughnutPanel(summary: Summary): HTMLElement {
  return h(
    'section',
    { class: 'panel chart-panel', 'aria-labelledby': 'mix-heading' },
    h('h2', { id: 'mix-heading' }, 'The mix'),
    categoryMix(summary, { canvasId: 'doughnut-chart', boxClass: 'chart-box-round', tableId: 'category-table' }),
  );
}

function weeklyPanel(summary: Summary): HTMLElement {
  const threshold = summary.settings.strategicShareMin;
  const today = todayIn(summary.period.timeZone);
  const weeksAhead = summary.weekly.filter((week) => week.weekStart > today).length;
  return h(
    'section',
    { class: 'panel chart-panel', 'aria-labelledby': 'weekly-heading' },
    h('h2', { id: 'weekly-heading' }, 'Week by week'),
    h(
      'p',
      { class: 'panel-note' },
      `Hours per category each week. The dashed line is ${percent(threshold, 0)} of each week's counted time: the strategic part (dark blue, at the bottom) should reach it.`,
      weeksAhead > 0 ? ` The last ${plural(weeksAhead, 'week')} ${weeksAhead === 1 ? 'is' : 'are'} still ahead: what is booked so far.` : '',
    ),
    h('div', { class: 'chart-scroll' }, h('div', { class: 'chart-box chart-box-wide' }, h('canvas', { id: 'weekly-chart', role: 'img', 'aria-label': 'Weekly hours per category; the table below gives the numbers' }))),
    h(
      'details',
      { class: 'weekly-table', open: summary.weekly.length <= 16 },
      h('summary', {}, `The numbers, week by week (${plural(summary.weekly.length, 'week')})`),
      h('p', { class: 'scroll-cue', id: 'weekly-scroll-cue' }, 'Nine columns: swipe the table sideways to see them all →'),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'figures', id: 'weekly-figures' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, 'Week of'), ...COUNTED_IDS.map((id) => h('th', { scope: 'col' }, CATEGORY_INFO[id].label)), h('th', { scope: 'col' }, 'Total'), h('th', { scope: 'col' }, 'Strategic share')),
          ),
          h(
            'tbody',
            {},
            ...summary.weekly.map((week) => {
              const total = COUNTED_IDS.reduce((sum, id) => sum + week.minutes[id], 0);
              return h(
                'tr',
                { class: week.weekStart > today ? 'week-ahead' : '' },
                h('th', { scope: 'row' }, dayMonth(week.weekStart), week.weekStart > today ? ' (ahead)' : ''),
                ...COUNTED_IDS.map((id) => h('td', {}, hours(week.minutes[id]))),
                h('td', {}, hours(total)),
                h('td', {}, total > 0 ? percent(week.minutes.strategic / total) : '–'),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

function planningPanel(summary: Summary): HTMLElement {
  const rows = toQuarterStrip(summary.planning, summary.settings.planningDaysPerQuarter);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'planning-heading' },
    h('h2', { id: 'planning-heading' }, 'Protected planning days'),
    h('p', { class: 'panel-note' }, `A day with at least ${hours(summary.settings.planningDayMinutes)} of organisational planning and no other accepted meeting overlapping it. Target: ${summary.settings.planningDaysPerQuarter} a quarter.`),
    h(
      'ol',
      { class: 'quarter-strip' },
      ...rows.map((row) =>
        h(
          'li',
          { class: `quarter ${row.meetsTarget ? 'quarter-ok' : 'quarter-short'}` },
          h('span', { class: 'quarter-name' }, row.quarter),
          h(
            'span',
            { class: 'quarter-cells' },
            ...row.cells.map((cell) =>
              h('span', { class: `cell cell-${cell.state}`, title: cell.date ? `${cell.state}: ${longDate(cell.date)}` : 'not booked' }, cell.date ? dayMonth(cell.date) : 'none'),
            ),
          ),
          h('span', { class: 'quarter-summary' }, row.summary),
        ),
      ),
    ),
    h('p', { class: 'legend' }, h('span', { class: 'cell cell-held' }, 'held'), h('span', { class: 'cell cell-scheduled' }, 'scheduled'), h('span', { class: 'cell cell-missing' }, 'missing')),
  );
}
