import '../styles/coach.css';
import { api, type Flag, type Summary } from '../api.ts';
import { coachApi, type NoteView } from '../api-coach.ts';
import { toCategoryDoughnut } from '../chart-data/category-doughnut.ts';
import { ChartSet } from '../charts/chart-set.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { dayMonth, hours, longDate, percent, plural } from '../format.ts';
import { todayIn } from '../periods.ts';
import { formatStamp } from './notes-view.ts';
import { periodPicker } from './period-picker.ts';
import { leaderPageFailure, noLeaderNotice } from './no-leader.ts';
import { categoryMix, flagItem, headlineQuarter, NO_FLAGS_TEXT } from './summary-parts.ts';
import type { View } from './view.ts';

/** A report for a coaching session: figures, the mix, planning days, flags with advice and the notes, clean on A4. */
export const printView: View = (root, state) => {
  const controls = h('div', { class: 'page-heading no-print' });
  const report = h('article', { class: 'session-report', id: 'session-report' });
  replaceChildren(root, controls, report);
  const charts = new ChartSet(report);
  let latest = 0;

  function renderControls(): void {
    const print = h('button', { type: 'button', id: 'print-report' }, 'Print');
    print.addEventListener('click', () => window.print());
    replaceChildren(controls, h('h1', {}, 'Session report'), periodPicker(state, () => void load()), print);
  }

  async function load(): Promise<void> {
    const request = ++latest;
    renderControls();
    if (!state.leader) {
      replaceChildren(report, noLeaderNotice(state));
      return;
    }
    replaceChildren(report, notice('loading', 'Preparing the report…'));
    try {
      const [summary, notes] = await Promise.all([api.summary(state.leader.id, state.period), coachApi.notes(state.leader.id)]);
      if (request === latest) render(summary, notes);
    } catch (failure) {
      if (request === latest) replaceChildren(report, leaderPageFailure(state, failure, () => void load()));
    }
  }

  function render(summary: Summary, notes: NoteView[]): void {
    const leader = state.leader!;
    const today = todayIn(summary.period.timeZone);
    // The browser offers the title as the PDF's file name.
    document.title = `Session report · ${leader.name ?? leader.email} · ${summary.period.from} to ${summary.period.to}`;
    replaceChildren(
      report,
      h(
        'header',
        { class: 'report-header' },
        h('p', { class: 'report-kicker' }, 'Altitude · coaching session report'),
        h('h2', { class: 'report-title' }, leader.name ?? leader.email),
        h(
          'p',
          { class: 'report-meta' },
          `${longDate(summary.period.from)} – ${longDate(summary.period.to)} (${summary.period.timeZone}) · prepared on ${longDate(today)} by ${state.user.name ?? state.user.email}`,
        ),
      ),
      summary.countedMinutes === 0
        ? notice('empty', 'No counted work time in this period: pick another period above.')
        : h(
            'div',
            { class: 'report-body' },
            headline(summary, today),
            h(
              'section',
              { class: 'report-section report-mix', 'aria-labelledby': 'report-mix-heading' },
              h('h3', { id: 'report-mix-heading' }, 'Where the time went'),
              categoryMix(summary, { canvasId: 'report-doughnut', boxClass: 'report-doughnut-box', tableId: 'report-category-table', withTotal: true }),
            ),
            planningSection(summary),
            flagsSection(summary.flags),
          ),
      notesSection(notes),
      h('footer', { class: 'report-footer' }, 'Shares are of counted work time: the five categories plus unclassified; excluded time (personal, declined, cancelled, free, travel) is left out. Planning days are judged per whole quarter.'),
    );
    charts.destroy();
    const data = toCategoryDoughnut(summary.minutes, summary.shares);
    charts.draw('report-doughnut', {
      type: 'doughnut',
      data: { labels: data.labels, datasets: data.datasets },
      // No animation: a report printed straight away must not catch the chart half drawn.
      options: { animation: false, cutout: '58%', plugins: { legend: { display: false }, tooltip: { enabled: false } } },
    });
  }

  void load();
  return () => {
    latest++;
    charts.destroy();
  };
};

function headline(summary: Summary, today: string): HTMLElement {
  const { settings } = summary;
  const quarter = headlineQuarter(summary, today);
  const share = summary.shares.strategic;
  const fact = (id: string, label: string, value: string, note: string, ok: boolean | null) =>
    h('div', { class: `report-fact ${ok === null ? '' : ok ? 'figure-ok' : 'figure-warn'}`, 'data-fact': id }, h('dt', {}, label), h('dd', {}, h('span', { class: 'figure-value' }, value), h('span', { class: 'figure-note' }, note)));
  return h(
    'dl',
    { class: 'report-facts' },
    fact('strategic', 'Strategic share', percent(share), `target ${percent(settings.strategicShareMin, 0)} or more`, share >= settings.strategicShareMin),
    fact('counted', 'Counted work time', hours(summary.countedMinutes), `${plural(summary.eventCount - summary.excludedEvents, 'counted event')}`, null),
    quarter
      ? fact(
          'planning',
          `Planning days, ${quarter.quarter}`,
          `${quarter.protectedDays} of ${settings.planningDaysPerQuarter}`,
          `${quarter.heldDays} held, ${quarter.scheduledDays} booked ahead`,
          quarter.protectedDays >= settings.planningDaysPerQuarter,
        )
      : null,
    fact('flags', 'Flags', String(summary.flags.length), summary.flags.length === 0 ? 'none raised' : 'see below', summary.flags.length === 0),
  );
}

function planningSection(summary: Summary): HTMLElement {
  const target = summary.settings.planningDaysPerQuarter;
  return h(
    'section',
    { class: 'report-section', 'aria-labelledby': 'report-planning-heading' },
    h('h3', { id: 'report-planning-heading' }, 'Protected planning days per quarter'),
    h(
      'table',
      { class: 'figures report-planning', id: 'report-planning-table' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Quarter'), h('th', { scope: 'col' }, 'Held'), h('th', { scope: 'col' }, 'Booked ahead'), h('th', { scope: 'col' }, 'Target'), h('th', { scope: 'col' }, 'Days')),
      ),
      h(
        'tbody',
        {},
        ...summary.planning.map((q) =>
          h(
            'tr',
            { class: q.protectedDays >= target ? 'quarter-ok' : 'quarter-short' },
            h('th', { scope: 'row' }, q.quarter),
            h('td', {}, String(q.heldDays)),
            h('td', {}, String(q.scheduledDays)),
            h('td', {}, String(target)),
            h('td', { class: 'report-dates' }, q.dates.length > 0 ? q.dates.map(dayMonth).join(', ') : 'none'),
          ),
        ),
      ),
    ),
  );
}

function flagsSection(flags: readonly Flag[]): HTMLElement {
  return h(
    'section',
    { class: 'report-section', 'aria-labelledby': 'report-flags-heading' },
    h('h3', { id: 'report-flags-heading' }, 'Flags and what to do'),
    flags.length === 0
      ? h('p', { class: 'flags-clear-note' }, NO_FLAGS_TEXT)
      : h('ul', { class: 'report-flags' }, ...flags.map((flag) => flagItem(flag.code, [flag.message], flag.advice))),
  );
}

function notesSection(notes: readonly NoteView[]): HTMLElement {
  return h(
    'section',
    { class: 'report-section report-notes', 'aria-labelledby': 'report-notes-heading' },
    h('h3', { id: 'report-notes-heading' }, 'Notes'),
    notes.length === 0
      ? h('p', { class: 'panel-note' }, 'No notes on this engagement yet.')
      : h(
          'ol',
          { class: 'notes' },
          ...notes.map((note) =>
            h(
              'li',
              { class: `note ${note.author.role === 'coach' ? 'note-coach' : 'note-leader'}` },
              h('div', { class: 'note-head' }, h('strong', { class: 'note-author' }, note.author.name ?? note.author.email), h('span', { class: 'note-role' }, note.author.role === 'coach' ? 'coach' : 'client'), h('time', { class: 'note-time', datetime: note.createdAt }, formatStamp(note.createdAt))),
              h('p', { class: 'note-body' }, note.body),
            ),
          ),
        ),
  );
}
