import { ASSIGNABLE_IDS, CATEGORY_INFO, EXCLUSION_REASONS, PLACEMENT_IDS, type Assignable, type ExclusionReason, type Placement } from '../../../shared/taxonomy.ts';
import { api, RequestFailed, type EventView } from '../api.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { eventWhen, plural } from '../format.ts';
import { periodPicker } from './period-picker.ts';
import { ruleEditor, ruleFromEvent } from './rule-editor.ts';
import { announce } from './announce.ts';
import { canEdit } from '../app-state.ts';
import { noLeaderNotice, nothingImportedNotice } from './no-leader.ts';
import { eventsCsvLink } from './events-csv-link.ts';
import type { View } from './view.ts';

const PAGE_SIZE = 50;

/** The period's events: where each is placed and why; change one, its series, or make a rule. */
export const eventsView: View = (root, state, params) => {
  const filters = {
    category: (PLACEMENT_IDS as readonly string[]).includes(params.get('category') ?? '') ? (params.get('category') as Placement) : '',
    q: params.get('q') ?? '',
    unclassifiedFirst: params.get('order') === 'unclassified-first',
    offset: 0,
  };
  // A coach whose client has not allowed changes reads the placements only.
  const editable = canEdit(state);
  const heading = h('div', { class: 'page-heading' });
  const toolbar = h('form', { class: 'toolbar', role: 'search' });
  const editorSlot = h('div', { class: 'editor-slot' });
  const results = h('div', { class: 'events-results' });
  replaceChildren(root, heading, toolbar, editorSlot, results);

  function renderHeading(): void {
    replaceChildren(heading, h('h1', {}, 'Events'), periodPicker(state, () => void reload()));
  }

  function renderToolbar(): void {
    const category = h(
      'select',
      { id: 'filter-category' },
      h('option', { value: '' }, 'All categories'),
      ...PLACEMENT_IDS.map((id) => h('option', { value: id, selected: id === filters.category }, CATEGORY_INFO[id].label)),
    );
    const search = h('input', { type: 'search', id: 'filter-q', value: filters.q, placeholder: 'Title or location' });
    const first = h('input', { type: 'checkbox', id: 'filter-unclassified-first', checked: filters.unclassifiedFirst });
    category.addEventListener('change', () => {
      filters.category = category.value as Placement | '';
      void reload();
    });
    first.addEventListener('change', () => {
      filters.unclassifiedFirst = first.checked;
      void reload();
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        filters.q = search.value;
        void reload();
      }, 250);
    });
    replaceChildren(
      toolbar,
      h('label', { for: 'filter-category' }, 'Show'),
      category,
      h('label', { for: 'filter-q' }, 'Search'),
      search,
      h('span', { class: 'check' }, first, h('label', { for: 'filter-unclassified-first' }, 'Unclassified first')),
      eventsCsvLink(state),
    );
    toolbar.addEventListener('submit', (event) => event.preventDefault());
  }

  // Only the latest request may draw: a slow answer for an old filter must not replace a newer one.
  let latest = 0;

  async function reload(offset = 0): Promise<void> {
    const request = ++latest;
    filters.offset = offset;
    renderHeading();
    if (!state.leader) {
      replaceChildren(results, noLeaderNotice(state));
      return;
    }
    replaceChildren(results, notice('loading', 'Loading events…'));
    try {
      const page = await api.events(state.leader.id, {
        ...state.period,
        category: filters.category || undefined,
        q: filters.q || undefined,
        order: filters.unclassifiedFirst ? 'unclassified-first' : undefined,
        limit: PAGE_SIZE,
        offset,
      });
      if (request === latest) renderTable(page.events, page.total);
    } catch (error) {
      if (request !== latest) return;
      if (error instanceof RequestFailed && error.code === 'no-data') {
        replaceChildren(results, nothingImportedNotice(state));
      } else {
        replaceChildren(results, notice('error', (error as Error).message));
      }
    }
  }

  function renderTable(events: EventView[], total: number): void {
    if (events.length === 0) {
      replaceChildren(results, notice('empty', filters.category || filters.q ? 'No events match these filters in this period.' : 'No events in this period.'));
      return;
    }
    const pager = (where: string) =>
      h(
        'nav',
        { class: 'pager', 'aria-label': `Pages of events (${where})` },
        h('span', {}, `${filters.offset + 1}–${filters.offset + events.length} of ${plural(total, 'event')}`),
        filters.offset > 0 ? button('Previous', () => void reload(Math.max(0, filters.offset - PAGE_SIZE)), 'secondary') : null,
        filters.offset + events.length < total ? button('Next', () => void reload(filters.offset + PAGE_SIZE), 'secondary') : null,
      );
    const table = h(
      'table',
      { class: 'events', id: 'events-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Category and why'), editable ? h('th', { scope: 'col' }, 'Change') : null)),
      h('tbody', {}, ...events.map(eventRow)),
    );
    const paged = total > events.length;
    replaceChildren(results, pager('top'), h('div', { class: 'table-scroll' }, table), paged ? pager('bottom') : null);
  }

  function eventRow(event: EventView): HTMLElement {
    const row = h('tr', { 'data-event-id': event.id, 'data-category': event.category });
    fillRow(row, event);
    return row;
  }

  function fillRow(row: HTMLElement, event: EventView): void {
    const title = event.summary || '(no title)';
    if (!editable) {
      replaceChildren(row, ...describeCells(event));
      return;
    }
    const currentReason = (EXCLUSION_REASONS as readonly string[]).includes(event.exclusionReason ?? '') ? event.exclusionReason : 'other';
    const select = h(
      'select',
      { 'aria-label': `Category of “${title}”`, class: 'category-select' },
      event.category === 'unclassified' ? h('option', { value: 'unclassified', selected: true, disabled: true }, 'Unclassified: choose…') : null,
      ...ASSIGNABLE_IDS.map((id) => h('option', { value: id, selected: id === event.category }, CATEGORY_INFO[id].label)),
    );
    // Excluding needs a reason: the dashboard lists excluded time by reason.
    const reason = h(
      'select',
      { 'aria-label': `Why “${title}” is not counted`, class: 'reason-select', hidden: select.value !== 'excluded' },
      ...EXCLUSION_REASONS.map((id) => h('option', { value: id, selected: id === currentReason }, state.taxonomy.exclusionReasons[id])),
    );
    const scope = event.isRecurring
      ? h('select', { 'aria-label': `Apply to “${title}”: this event or the whole series`, class: 'scope-select' }, h('option', { value: 'event' }, 'this event'), h('option', { value: 'series' }, 'the whole series'))
      : null;
    const apply = button('Set', () => void decide(row, event, select.value as Assignable, (scope?.value as 'event' | 'series') ?? 'event', select.value === 'excluded' ? (reason.value as ExclusionReason) : undefined), 'primary', `Set the category of “${title}”`);
    // Nothing to set until something differs: another category, another reason for an excluded
    // event, or the whole series.
    const refresh = () => {
      reason.hidden = select.value !== 'excluded';
      const sameReason = select.value !== 'excluded' || reason.value === currentReason;
      apply.disabled = select.value === 'unclassified' || (select.value === event.category && sameReason && (scope?.value ?? 'event') === 'event');
    };
    select.addEventListener('change', refresh);
    reason.addEventListener('change', refresh);
    scope?.addEventListener('change', refresh);
    refresh();
    const undo = event.isManual ? button('Back to rules', () => void undoDecision(row, event), 'link', `Let the rules place “${title}” again`) : null;
    const makeRule = button(
      'Make a rule from this',
      () => openRuleEditor(event, select.value === 'unclassified' ? null : (select.value as Assignable)),
      'link',
      `Make a rule from “${title}”`,
    );
    replaceChildren(
      row,
      ...describeCells(event),
      h('td', { class: 'change' }, h('span', { class: 'change-controls' }, select, reason, scope, apply, undo, makeRule)),
    );
  }

  async function decide(row: HTMLElement, event: EventView, category: Assignable, scope: 'event' | 'series', exclusionReason?: ExclusionReason): Promise<void> {
    const title = event.summary || '(no title)';
    const outcome = category === 'excluded' ? 'is no longer counted' : `is now ${CATEGORY_INFO[category].label.toLowerCase()}`;
    try {
      const result = await api.decide(state.leader!.id, event.id, category, scope, exclusionReason);
      if (scope === 'series') {
        announce(`Every event of “${title}” ${outcome} (${plural(result.moved, 'event')} moved).`);
        await reload(filters.offset);
        results.querySelector<HTMLElement>(`tr[data-event-id="${event.id}"] .category-select`)?.focus();
      } else {
        fillRow(row, result.event);
        row.dataset.category = result.event.category;
        row.querySelector<HTMLElement>('.category-select')?.focus();
        announce(`“${title}” ${outcome}. The dashboard figures follow.`);
      }
    } catch (error) {
      announce((error as Error).message, true);
    }
  }

  async function undoDecision(row: HTMLElement, event: EventView): Promise<void> {
    const scope = event.reasonDetail.kind === 'manual' ? event.reasonDetail.scope : 'event';
    try {
      const result = await api.clearDecision(state.leader!.id, event.id, scope);
      if (scope === 'series') await reload(filters.offset);
      else fillRow(row, result.event);
      announce(`The rules place “${event.summary}” again.`);
    } catch (error) {
      announce((error as Error).message, true);
    }
  }

  function openRuleEditor(event: EventView, category: Assignable | null): void {
    const close = () => replaceChildren(editorSlot);
    replaceChildren(
      editorSlot,
      h(
        'section',
        { class: 'panel', 'aria-label': 'Make a rule from this event' },
        h('h2', {}, 'Make a rule'),
        h('p', { class: 'panel-note' }, `Starting from “${event.summary}”. Adjust the conditions; the preview shows what it would move before you save.`),
        ruleEditor(state, {
          initial: ruleFromEvent(event.summary, category ?? 'operational'),
          // An unclassified event has no category to start from: the leader must choose one.
          chooseCategory: category === null,
          previewOnOpen: category !== null,
          onCancel: close,
          onSaved: (moved) => {
            close();
            announce(`Rule saved: ${plural(moved, 'event')} moved.`);
            void reload(filters.offset);
          },
        }),
      ),
    );
    editorSlot.querySelector<HTMLInputElement>('#rule-name')?.focus();
  }

  renderHeading();
  renderToolbar();
  void reload();
};

/** When, what and where it went: the cells every row has, whether or not it can be changed. */
function describeCells(event: EventView): HTMLElement[] {
  const meta = [event.location, event.attendeeCount > 0 ? plural(event.attendeeCount, 'attendee') : 'no attendees', event.isRecurring ? 'recurring' : null].filter(Boolean).join(' · ');
  return [
    h('td', { class: 'when' }, eventWhen(event.start, event.end, event.allDay)),
    h('td', { class: 'what' }, h('span', { class: 'event-title' }, event.summary || '(no title)'), h('span', { class: 'event-meta' }, meta)),
    h('td', { class: 'placement' }, h('span', { class: `chip-label chip-${event.category}` }, CATEGORY_INFO[event.category].label), h('span', { class: 'reason' }, event.reason)),
  ];
}

function button(label: string, onClick: () => void, kind: 'primary' | 'secondary' | 'link' = 'primary', description?: string): HTMLButtonElement {
  const element = h('button', { type: 'button', class: kind === 'primary' ? '' : kind, 'aria-label': description }, label);
  element.addEventListener('click', onClick);
  return element;
}

