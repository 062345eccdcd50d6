import { sourcesApi, type ImportRecord, type SourceView } from '../api-sources.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { longDate, plural } from '../format.ts';
import { announce } from './announce.ts';
import { countsList, issueLists } from './import-report-parts.ts';

export interface CalendarSources {
  element: HTMLElement;
  /** Reads the list again (after an import). */
  refresh: () => Promise<void>;
}

/**
 * "Your calendars" on the Import page: each calendar a leader imported into, what it holds, its
 * last import and that import's report, and (for the leader) a way to remove a calendar imported
 * by mistake. Removing asks first, saying what goes and what stays.
 */
export function calendarSources(leaderId: number, options: { zone: string; canRemove: boolean }): CalendarSources {
  const list = h('div', { class: 'source-slot' }, notice('loading', 'Loading your calendars…'));
  const element = h(
    'section',
    { class: 'panel', id: 'calendar-sources', 'aria-labelledby': 'calendar-sources-title' },
    h('h2', { id: 'calendar-sources-title' }, 'Your calendars'),
    h(
      'p',
      { class: 'panel-note' },
      'Each calendar holds the events of its latest export; importing a newer export under the same name updates it. A meeting two calendars both hold is counted once.',
    ),
    list,
  );
  // Each import's history is read once per list, when someone first opens it.
  let history: Promise<ImportRecord[]> | null = null;
  const importsOf = (source: string) => (history ??= sourcesApi.imports(leaderId)).then((all) => all.filter((i) => i.source === source));

  async function refresh(): Promise<void> {
    history = null;
    try {
      const sources = await sourcesApi.list(leaderId);
      replaceChildren(
        list,
        sources.length === 0
          ? notice('empty', 'No calendar imported yet: import an export above.')
          : h('ul', { class: 'source-list' }, ...sources.map((source) => h('li', {}, sourceCard(source)))),
      );
    } catch (failure) {
      replaceChildren(list, notice('error', (failure as Error).message));
    }
  }

  function sourceCard(source: SourceView): HTMLElement {
    const last = source.lastImport;
    const remove = options.canRemove ? h('button', { type: 'button', class: 'danger small', 'aria-label': `Remove calendar “${source.name}”` }, 'Remove calendar') : null;
    remove?.addEventListener('click', () => {
      if (!window.confirm(removalQuestion(source))) return;
      remove.disabled = true;
      void sourcesApi
        .remove(leaderId, source.id)
        .then((removed) => {
          announce(`Calendar “${removed.name}” removed: ${plural(removed.events, 'event')} and ${plural(removed.imports, 'import')}. Your figures are up to date.`);
          return refresh();
        })
        .catch((failure: Error) => {
          remove.disabled = false;
          announce(failure.message, true);
        });
    });
    return h(
      'article',
      { class: 'source-card', 'data-source': source.name },
      h('div', { class: 'source-head' }, h('h3', {}, source.name), remove),
      h(
        'ul',
        { class: 'source-facts' },
        h('li', { 'data-fact': 'events' }, plural(source.events, 'event'), ' stored', source.alsoElsewhere > 0 ? ` (${source.alsoElsewhere} also in another calendar)` : ''),
        h('li', { 'data-fact': 'covered' }, source.covered ? `${longDate(source.covered.from)} to ${longDate(source.covered.to)}` : 'No dates: it holds no events'),
        last ? h('li', { 'data-fact': 'last-import' }, `Last imported ${dateTime(last.importedAt, options.zone)}${last.fileName ? ` from ${last.fileName}` : ''}`) : null,
      ),
      last ? countsList(last) : null,
      last ? reportDetails(last.id, `Report of the last import${last.issues > 0 ? ` (${plural(last.issues, 'note')})` : ''}`) : null,
      source.imports > 1 ? historyDetails(source) : null,
    );
  }

  /** An import's stored report, read when opened. */
  function reportDetails(importId: number, label: string): HTMLElement {
    const body = h('div', { class: 'source-report-body' });
    const details = h('details', { class: 'source-report', 'data-import': importId }, h('summary', {}, label), body);
    let loaded = false;
    details.addEventListener('toggle', () => {
      if (!details.open || loaded) return;
      loaded = true;
      replaceChildren(body, notice('loading', 'Loading the report…'));
      sourcesApi
        .importReport(leaderId, importId)
        .then((report) => {
          replaceChildren(
            body,
            h(
              'p',
              {},
              `${report.fileName ?? 'A file'} held ${plural(report.instances, 'event')} between ${longDate(report.windowFrom)} and ${longDate(report.windowTo)}`,
              ` (${plural(report.blocks, 'calendar entry', 'calendar entries')}, written in ${report.calendarZone}).`,
            ),
            ...(report.issues.length === 0 ? [h('p', {}, 'Nothing to report: every event was read as written.')] : issueLists(report.issues)),
          );
        })
        .catch((failure: Error) => {
          loaded = false;
          replaceChildren(body, notice('error', failure.message));
        });
    });
    return details;
  }

  /** Every import of one calendar, newest first, each with its counts and its report. */
  function historyDetails(source: SourceView): HTMLElement {
    const body = h('div');
    const details = h('details', { class: 'source-history' }, h('summary', {}, `All ${plural(source.imports, 'import')} of this calendar`), body);
    let loaded = false;
    details.addEventListener('toggle', () => {
      if (!details.open || loaded) return;
      loaded = true;
      replaceChildren(body, notice('loading', 'Loading the imports…'));
      importsOf(source.name)
        .then((records) =>
          replaceChildren(
            body,
            h(
              'ol',
              { class: 'import-history' },
              ...records.map((record) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'import-when' }, `${dateTime(new Date(record.importedAt).toISOString(), options.zone)}${record.fileName ? `, ${record.fileName}` : ''}: `),
                  `${record.added} added, ${record.updated} updated, ${record.unchanged} unchanged, ${record.removed} removed`,
                  reportDetails(record.id, 'Report'),
                ),
              ),
            ),
          ),
        )
        .catch((failure: Error) => {
          loaded = false;
          replaceChildren(body, notice('error', failure.message));
        });
    });
    return details;
  }

  void refresh();
  return { element, refresh };
}

/** What the confirmation says: how many events go, what stays counted, and that decisions are kept. */
export function removalQuestion(source: Pick<SourceView, 'name' | 'events' | 'alsoElsewhere' | 'imports' | 'keptDecisions'>): string {
  const goes =
    source.events === 0
      ? `It holds no events; its ${plural(source.imports, 'import')} ${source.imports === 1 ? 'goes' : 'go'} from the history.`
      : `Its ${plural(source.events, 'event')} and ${plural(source.imports, 'import')} go, and your figures are recomputed.` +
        (source.alsoElsewhere > 0
          ? ` ${source.alsoElsewhere} of these events ${source.alsoElsewhere === 1 ? 'is also in another calendar and stays' : 'are also in another calendar and stay'} counted from there.`
          : '');
  const kept =
    source.keptDecisions > 0
      ? `${plural(source.keptDecisions, 'category you set by hand', 'categories you set by hand')} on events that are in no other calendar ${source.keptDecisions === 1 ? 'is' : 'are'} kept (by the events’ UIDs): if you import this calendar again, ${source.keptDecisions === 1 ? 'it applies' : 'they apply'} again.`
      : 'Categories you set by hand are kept (by the events’ UIDs): if you import this calendar again, they apply again.';
  return [`Remove the calendar “${source.name}”?`, goes, kept].join('\n\n');
}

function dateTime(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}
