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

function renderPicker(state: AppState): void {
  replaceChildren(picker, ...state.leaders.map((leader) => h('option', { value: leader.id, selected: leader.id === state.leader?.id }, leader.name ? `${leader.name} (${leader.email})` : leader.email)));
  picker.disabled = state.leaders.length === 0;
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
    selectLeader(state, Number(picker.value));
    route(state);
  });
  document.addEventListener('leaders-changed', () => renderPicker(state));
  window.addEventListener('hashchange', () => {
    route(state);
    main.focus({ preventScroll: true });
  });
  route(state);
}

void start();
