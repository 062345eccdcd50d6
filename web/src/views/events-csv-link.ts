import '../styles/coach.css';
import { eventsCsvUrl } from '../api-coach.ts';
import type { AppState } from '../app-state.ts';
import { h } from '../dom.ts';

/** "Export events (CSV)" for the selected leader and period; the address is read at the click, so it follows the period picker. */
export function eventsCsvLink(state: AppState): HTMLAnchorElement | null {
  if (!state.leader) return null;
  const link = h('a', { class: 'button button-secondary csv-link', id: 'export-events-csv', download: '', href: eventsCsvUrl(state.leader.id, state.period) }, 'Export events (CSV)');
  link.addEventListener('click', () => {
    if (state.leader) link.href = eventsCsvUrl(state.leader.id, state.period);
  });
  return link;
}
