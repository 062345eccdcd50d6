import '../styles/hr.css';
import type { Chart, Plugin } from 'chart.js';
import type { Hidden } from '../../../shared/cohorts-api.ts';
import { hrApi, type ChartsView } from '../api-hr.ts';
import { bucketLabel, hiddenText, toDistributionBars, toPlanningBars, toTrendLines } from '../chart-data/cohort-charts.ts';
import { ChartSet } from '../charts/chart-set.ts';
import { h, replaceChildren } from '../dom.ts';
import { percent } from '../format.ts';
import { showCohortPage } from './cohort-page.ts';
import { cohortSelect, quarterSelect, withParams } from './hr-pickers.ts';
import type { View } from './view.ts';

/** The cohort's three charts, each with its numbers beside it and small groups hidden. */
export const cohortChartsView: View = (root, _state, params) => {
  let charts: ChartSet | null = null;
  const leave = showCohortPage(root, params, {
    title: 'Cohort charts',
    lead: 'The cohort as a whole: how strategic time is spread, how many protect their planning days, and where the cohort is heading. Figures over fewer than 5 people are never shown.',
    loading: 'Loading the charts…',
    async show(body, cohort, cohorts, isAlive) {
      const view = await hrApi.charts(cohort.id, params.get('quarter') ?? undefined);
      if (!isAlive()) return;
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
      charts?.destroy();
      charts = new ChartSet(body);
      draw(charts, view);
    },
  });
  return () => {
    leave();
    charts?.destroy();
  };
};

function draw(charts: ChartSet, view: ChartsView): void {
  const distribution = toDistributionBars(view.distribution, view.threshold);
  charts.draw('distribution-chart', {
    type: 'bar',
    data: { labels: distribution.labels, datasets: distribution.datasets },
    options: {
      // Room above the bars for the target line's label.
      layout: { padding: { top: 22 } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'leaders' } }, x: { title: { display: true, text: 'strategic share of counted time' } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => ` ${item.raw as number} leaders` } } },
    },
    plugins: [targetLine(distribution.lineAt, `${Math.round(view.threshold * 100)}% target`)],
  });
  const planning = toPlanningBars(view.planningTarget);
  charts.draw('planning-chart', {
    type: 'bar',
    data: { labels: planning.labels, datasets: planning.datasets },
    options: {
      scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '% of leaders' } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => ` ${(item.raw as number).toFixed(1)}% meet their target` } } },
    },
  });
  const trend = toTrendLines(view.trend, view.threshold);
  charts.draw('trend-chart', {
    type: 'line',
    data: { labels: trend.labels, datasets: trend.datasets },
    options: {
      scales: { y: { beginAtZero: true, suggestedMax: 40, title: { display: true, text: 'strategic share (%)' } } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
    },
  });
}

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

/** A chart's section: heading, a note on how to read it, and the chart with its numbers. */
function chartPanel(id: string, heading: string, ...content: Array<HTMLElement | null>): HTMLElement {
  return h('section', { class: 'panel', 'aria-labelledby': `${id}-heading`, id }, h('h2', { id: `${id}-heading` }, heading), ...content);
}

function panelNote(text: string): HTMLElement {
  return h('p', { class: 'panel-note' }, text);
}

/** The canvas a chart draws into; its label says the numbers are in the table beside. */
function chartBox(canvasId: string, label: string, wide = false): HTMLElement {
  return h('div', { class: wide ? 'chart-box hr-chart hr-chart-wide' : 'chart-box hr-chart' }, h('canvas', { id: canvasId, role: 'img', 'aria-label': label }));
}

function figuresTable(id: string, columns: readonly string[], rows: HTMLElement[]): HTMLElement {
  return h('table', { class: 'figures', id }, h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column)))), h('tbody', {}, ...rows));
}

/** A quarter's row, or the reason its group is hidden across the figure columns. */
function quarterRow(row: { quarter: string; suppression: Hidden | null }, minGroup: number, columns: number, cells: () => HTMLElement[]): HTMLElement {
  return h(
    'tr',
    { 'data-quarter': row.quarter },
    h('th', { scope: 'row' }, row.quarter),
    ...(row.suppression ? [h('td', { colspan: columns > 1 ? columns : undefined, class: 'hr-hidden-cell' }, hiddenText(row.suppression, minGroup))] : cells()),
  );
}

function distributionPanel(view: ChartsView): HTMLElement {
  const d = view.distribution;
  const heading = `Strategic share in ${view.quarter}`;
  if (d.suppression) return chartPanel('distribution', heading, hiddenNotice(d.suppression, view.minGroup));
  return chartPanel(
    'distribution',
    heading,
    panelNote(`How many leaders fall in each band of 5 points. The dashed line is the ${percent(view.threshold, 0)} target: bars to its left are under it.`),
    h(
      'div',
      { class: 'chart-with-table' },
      chartBox('distribution-chart', `Distribution of strategic share across ${d.people} leaders; numbers in the table beside.`),
      h(
        'div',
        {},
        figuresTable('distribution-table', ['Strategic share', 'Leaders'], d.buckets.map((b) => h('tr', {}, h('th', { scope: 'row' }, bucketLabel(b)), h('td', {}, b.count)))),
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
  return chartPanel(
    'planning',
    'Leaders meeting their planning-day target',
    panelNote('Share of leaders with at least their target of protected planning days (3 unless they set another), held and still scheduled, per quarter.'),
    h(
      'div',
      { class: 'chart-with-table' },
      anyShown ? chartBox('planning-chart', 'Share of leaders meeting the planning-day target per quarter; numbers in the table beside.') : null,
      figuresTable(
        'planning-table',
        ['Quarter', 'Meeting the target'],
        view.planningTarget.map((row) => quarterRow(row, view.minGroup, 1, () => [h('td', {}, `${row.meeting} of ${row.people} (${percent(row.share!)})`)])),
      ),
    ),
  );
}

function trendPanel(view: ChartsView): HTMLElement {
  const anyShown = view.trend.some((row) => row.suppression === null);
  return chartPanel(
    'trend',
    'Strategic share over the quarters',
    panelNote('Median and mean strategic share of the leaders with data each quarter, against the target. A gap is a quarter whose group is hidden.'),
    h(
      'div',
      { class: 'chart-with-table' },
      anyShown ? chartBox('trend-chart', 'Median and mean strategic share per quarter; numbers in the table beside.', true) : null,
      figuresTable(
        'trend-table',
        ['Quarter', 'Median', 'Mean', 'Leaders'],
        view.trend.map((row) => quarterRow(row, view.minGroup, 3, () => [h('td', {}, percent(row.median!)), h('td', {}, percent(row.mean!)), h('td', {}, String(row.people))])),
      ),
    ),
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
