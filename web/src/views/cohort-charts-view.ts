import '../styles/hr.css';
import type { Chart, Plugin } from 'chart.js';
import { hrApi, type ChartsView } from '../api-hr.ts';
import { bucketLabel, hiddenText, toDistributionBars, toPlanningBars, toTrendLines } from '../chart-data/cohort-charts.ts';
import { ChartHost } from '../charts/chart-host.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { percent } from '../format.ts';
import { chooseCohort, cohortSelect, quarterSelect, rememberCohort, withParams } from './hr-pickers.ts';
import type { View } from './view.ts';

/** The cohort's three charts, each with its numbers beside it and small groups hidden. */
export const cohortChartsView: View = (root, _state, params) => {
  const charts: ChartHost[] = [];
  const body = h('div', { class: 'hr-body' }, notice('loading', 'Loading the charts…'));
  replaceChildren(
    root,
    h('div', { class: 'page-heading' }, h('h1', {}, 'Cohort charts')),
    h('p', { class: 'lead' }, 'The cohort as a whole: how strategic time is spread, how many protect their planning days, and where the cohort is heading. Figures over fewer than 5 people are never shown.'),
    body,
  );
  let alive = true;

  async function load(): Promise<void> {
    try {
      const cohorts = await hrApi.cohorts();
      if (!alive) return;
      const cohort = chooseCohort(cohorts, params.get('cohort'));
      if (!cohort) {
        replaceChildren(body, notice('empty', 'No cohort yet.', h('p', {}, h('a', { href: '#/cohorts' }, 'Create a cohort and invite its leaders'), ' first.')));
        return;
      }
      rememberCohort(cohort.id);
      const view = await hrApi.charts(cohort.id, params.get('quarter') ?? undefined);
      if (!alive) return;
      const go = (changes: Record<string, string>) => {
        location.hash = withParams('cohort-charts', params, { cohort: String(cohort.id), ...changes });
      };
      replaceChildren(
        body,
        h('div', { class: 'toolbar hr-toolbar' }, cohortSelect(cohorts, cohort, (id) => go({ cohort: String(id) })), quarterSelect(view.quarter, (q) => go({ quarter: q }))),
        distributionPanel(view),
        planningPanel(view),
        trendPanel(view),
      );
      draw(view);
    } catch (error) {
      if (alive) replaceChildren(body, notice('error', (error as Error).message));
    }
  }

  function draw(view: ChartsView): void {
    for (const chart of charts.splice(0)) chart.destroy();
    const distribution = body.querySelector<HTMLCanvasElement>('#distribution-chart');
    if (distribution) {
      const data = toDistributionBars(view.distribution, view.threshold);
      const host = new ChartHost(distribution);
      host.render({
        type: 'bar',
        data: { labels: data.labels, datasets: data.datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          // Room above the bars for the target line's label.
          layout: { padding: { top: 22 } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'leaders' } }, x: { title: { display: true, text: 'strategic share of counted time' } } },
          plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => ` ${item.raw as number} leaders` } } },
        },
        plugins: [targetLine(data.lineAt, `${Math.round(view.threshold * 100)}% target`)],
      });
      charts.push(host);
    }
    const planning = body.querySelector<HTMLCanvasElement>('#planning-chart');
    if (planning) {
      const host = new ChartHost(planning);
      const data = toPlanningBars(view.planningTarget);
      host.render({
        type: 'bar',
        data: { labels: data.labels, datasets: data.datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '% of leaders' } } },
          plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => ` ${(item.raw as number).toFixed(1)}% meet their target` } } },
        },
      });
      charts.push(host);
    }
    const trend = body.querySelector<HTMLCanvasElement>('#trend-chart');
    if (trend) {
      const host = new ChartHost(trend);
      const data = toTrendLines(view.trend, view.threshold);
      host.render({
        type: 'line',
        data: { labels: data.labels, datasets: data.datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, suggestedMax: 40, title: { display: true, text: 'strategic share (%)' } } },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        },
      });
      charts.push(host);
    }
  }

  void load();
  return () => {
    alive = false;
    for (const chart of charts) chart.destroy();
  };
};

/** A dashed vertical line on a bar chart's category axis, between two buckets. */
function targetLine(at: number, label: string): Plugin<'bar'> {
  return {
    id: 'target-line',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const x = chart.scales.x!;
      const y = chart.scales.y!;
      const left = x.getPixelForValue(Math.floor(at) - 1);
      const right = x.getPixelForValue(Math.floor(at));
      const position = (left + right) / 2;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = '#1d2330';
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(position, y.top - 16);
      ctx.lineTo(position, y.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#1d2330';
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.fillText(label, position + 6, y.top - 6);
      ctx.restore();
    },
  };
}

function hiddenNotice(reason: NonNullable<ChartsView['distribution']['suppression']>, minGroup: number): HTMLElement {
  return h('p', { class: 'hr-hidden', 'data-hidden': reason }, reason === 'no-data' ? 'No leader of this cohort has data for this quarter.' : capitalise(hiddenText(reason, minGroup)) + '.');
}

function distributionPanel(view: ChartsView): HTMLElement {
  const d = view.distribution;
  const heading = h('h2', { id: 'distribution-heading' }, `Strategic share in ${view.quarter}`);
  if (d.suppression) return h('section', { class: 'panel', 'aria-labelledby': 'distribution-heading', id: 'distribution' }, heading, hiddenNotice(d.suppression, view.minGroup));
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'distribution-heading', id: 'distribution' },
    heading,
    h('p', { class: 'panel-note' }, `How many leaders fall in each band of 5 points. The dashed line is the ${percent(view.threshold, 0)} target: bars to its left are under it.`),
    h(
      'div',
      { class: 'chart-with-table' },
      h('div', { class: 'chart-box hr-chart' }, h('canvas', { id: 'distribution-chart', role: 'img', 'aria-label': `Distribution of strategic share across ${d.people} leaders; numbers in the table beside.` })),
      h(
        'div',
        {},
        h(
          'table',
          { class: 'figures', id: 'distribution-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Strategic share'), h('th', { scope: 'col' }, 'Leaders'))),
          h('tbody', {}, ...d.buckets.map((b) => h('tr', {}, h('th', { scope: 'row' }, bucketLabel(b)), h('td', {}, b.count)))),
        ),
        h(
          'dl',
          { class: 'hr-facts' },
          h('dt', {}, 'Leaders'),
          h('dd', { id: 'distribution-people' }, String(d.people)),
          h('dt', {}, 'Median'),
          h('dd', { id: 'distribution-median' }, d.median === null ? '–' : percent(d.median)),
          h('dt', {}, `Under ${percent(view.threshold, 0)}`),
          h('dd', { id: 'distribution-below' }, `${d.below} of ${d.people}`),
        ),
      ),
    ),
  );
}

function planningPanel(view: ChartsView): HTMLElement {
  const anyShown = view.planningTarget.some((row) => row.suppression === null);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'planning-heading', id: 'planning' },
    h('h2', { id: 'planning-heading' }, 'Leaders meeting their planning-day target'),
    h('p', { class: 'panel-note' }, 'Share of leaders with at least their target of protected planning days (3 unless they set another), held and still scheduled, per quarter.'),
    h(
      'div',
      { class: 'chart-with-table' },
      anyShown ? h('div', { class: 'chart-box hr-chart' }, h('canvas', { id: 'planning-chart', role: 'img', 'aria-label': 'Share of leaders meeting the planning-day target per quarter; numbers in the table beside.' })) : null,
      h(
        'table',
        { class: 'figures', id: 'planning-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Quarter'), h('th', { scope: 'col' }, 'Meeting the target'))),
        h(
          'tbody',
          {},
          ...view.planningTarget.map((row) =>
            h('tr', { 'data-quarter': row.quarter }, h('th', { scope: 'row' }, row.quarter), h('td', { class: row.suppression ? 'hr-hidden-cell' : undefined }, row.suppression ? hiddenText(row.suppression, view.minGroup) : `${row.meeting} of ${row.people} (${percent(row.share!)})`)),
          ),
        ),
      ),
    ),
  );
}

function trendPanel(view: ChartsView): HTMLElement {
  const anyShown = view.trend.some((row) => row.suppression === null);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'trend-heading', id: 'trend' },
    h('h2', { id: 'trend-heading' }, 'Strategic share over the quarters'),
    h('p', { class: 'panel-note' }, 'Median and mean strategic share of the leaders with data each quarter, against the target. A gap is a quarter whose group is hidden.'),
    h(
      'div',
      { class: 'chart-with-table' },
      anyShown ? h('div', { class: 'chart-box hr-chart hr-chart-wide' }, h('canvas', { id: 'trend-chart', role: 'img', 'aria-label': 'Median and mean strategic share per quarter; numbers in the table beside.' })) : null,
      h(
        'table',
        { class: 'figures', id: 'trend-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Quarter'), h('th', { scope: 'col' }, 'Median'), h('th', { scope: 'col' }, 'Mean'), h('th', { scope: 'col' }, 'Leaders'))),
        h(
          'tbody',
          {},
          ...view.trend.map((row) =>
            row.suppression
              ? h('tr', { 'data-quarter': row.quarter }, h('th', { scope: 'row' }, row.quarter), h('td', { colspan: 3, class: 'hr-hidden-cell' }, hiddenText(row.suppression, view.minGroup)))
              : h('tr', { 'data-quarter': row.quarter }, h('th', { scope: 'row' }, row.quarter), h('td', {}, percent(row.median!)), h('td', {}, percent(row.mean!)), h('td', {}, String(row.people))),
          ),
        ),
      ),
    ),
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
