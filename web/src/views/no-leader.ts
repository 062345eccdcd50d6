import type { AppState } from '../app-state.ts';
import { isOwner } from '../app-state.ts';
import { h, notice } from '../dom.ts';

/** What a leader's page says when there is no leader to show (a coach without clients yet). */
export function noLeaderNotice(state: AppState): HTMLElement {
  return state.user.role === 'coach'
    ? notice('empty', 'No client has shared an audit with you yet.', h('a', { href: '#/clients', class: 'button' }, 'See invitations'))
    : notice('empty', 'No calendar profile.');
}

/** What a leader's page says when nothing has been imported: the owner gets the way to import. */
export function nothingImportedNotice(state: AppState): HTMLElement {
  const who = state.leader?.name ?? state.leader?.email ?? 'this leader';
  return isOwner(state)
    ? notice('empty', 'No calendar imported yet.', h('a', { href: '#/import', class: 'button' }, 'Import a calendar'))
    : notice('empty', `${who} has not imported a calendar yet.`);
}
