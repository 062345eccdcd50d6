import './styles.css';
import { loadState, selectLeader, type AppState } from './app-state.ts';
import { h, notice, replaceChildren } from './dom.ts';
import { dashboardView } from './views/dashboard-view.ts';
import { eventsView } from './views/events-view.ts';
import { importView } from './views/import-view.ts';
import { rulesView } from './views/rules-view.ts';
import { settingsView } from './views/settings-view.ts';
import type { View } from './views/view.ts';

const VIEWS: Record<string, View> = {
  dashboard: dashboardView,
  events: eventsView,
  rules: rulesView,
  import: importView,
  settings: settingsView,
};

const main = document.getElementById('main')!;
const picker = document.getElementById('leader-select') as HTMLSelectElement;
let leave: (() => void) | void;

function route(state: AppState): void {
  // Only "#/page" hashes are pages; "#main" (the skip link) and the like are not.
  if (location.hash && !location.hash.startsWith('#/')) return;
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const page = path && path in VIEWS ? path : state.leader ? 'dashboard' : 'import';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.app-nav a')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (typeof leave === 'function') leave();
  leave = VIEWS[page]!(main, state, new URLSearchParams(search));
  document.title = `Altitude · ${page[0]!.toUpperCase()}${page.slice(1)}`;
}

const ADD_LEADER = 'add';

function renderPicker(state: AppState): void {
  replaceChildren(
    picker,
    ...state.leaders.map((leader) => h('option', { value: leader.id, selected: leader.id === state.leader?.id }, leader.name ? `${leader.name} (${leader.email})` : leader.email)),
    h('option', { value: ADD_LEADER }, '+ Add a leader…'),
  );
  picker.closest('label')!.hidden = state.leaders.length === 0;
}

async function start(): Promise<void> {
  replaceChildren(main, notice('loading', 'Loading…'));
  let state: AppState;
  try {
    state = await loadState();
  } catch (error) {
    replaceChildren(main, notice('error', (error as Error).message));
    return;
  }
  renderPicker(state);
  picker.addEventListener('change', () => {
    if (picker.value === ADD_LEADER) {
      renderPicker(state);
      if (location.hash === '#/import?new=1') route(state);
      else location.hash = '#/import?new=1';
      return;
    }
    selectLeader(state, Number(picker.value));
    route(state);
  });
  // The skip link moves focus to the content without changing the page.
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  document.addEventListener('leaders-changed', () => renderPicker(state));
  window.addEventListener('hashchange', () => {
    route(state);
    main.focus({ preventScroll: true });
  });
  route(state);
}

void start();
