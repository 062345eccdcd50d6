import { api, RequestFailed } from '../api.ts';
import type { AppState } from '../app-state.ts';
import { isOwner, selectLeader } from '../app-state.ts';
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

/**
 * Whether a coach's request failed because the client's audit is no longer theirs to read: the
 * server answers 404 for an audit the user has no access to, whether it exists or not, and for a
 * coach that means the client ended the sharing (the page was opened while it was still on).
 */
export function isAuditWithdrawn(state: AppState, failure: unknown): failure is RequestFailed {
  return state.user.role === 'coach' && failure instanceof RequestFailed && failure.status === 404 && failure.code === 'not-found';
}

/**
 * What a leader's page (dashboard, events, rules, compare, notes, report) shows when loading it
 * failed. Nothing imported: the way to import. A coach who lost access: the server's message and
 * the way to Clients, with the client list refreshed so the header's picker drops the client;
 * trying again could only fail again. Anything else: the message, and "Try again" when given.
 */
export function leaderPageFailure(state: AppState, failure: unknown, retry?: () => void): HTMLElement {
  if (failure instanceof RequestFailed && failure.code === 'no-data') return nothingImportedNotice(state);
  if (isAuditWithdrawn(state, failure)) {
    const shown = notice('error', failure.message, h('a', { href: '#/clients', class: 'button', 'data-action': 'to-clients' }, 'Go to your clients'));
    const lost = state.leader;
    void refreshLeaders(state).then(() => {
      // Said only once the list confirms it: a 404 for another reason must not claim the client left.
      if (lost && !state.leaders.some((leader) => leader.id === lost.id)) {
        shown.querySelector('p')!.after(h('p', { class: 'notice-detail' }, `${lost.name ?? lost.email} is no longer among your clients.`));
      }
    });
    return shown;
  }
  const message = failure instanceof Error ? failure.message : String(failure);
  if (!retry) return notice('error', message);
  const button = h('button', { type: 'button', class: 'secondary' }, 'Try again');
  button.addEventListener('click', retry);
  return notice('error', message, button);
}

/** Reads the coach's clients again; the shown client, when gone, gives way to the first one left. */
async function refreshLeaders(state: AppState): Promise<void> {
  try {
    state.leaders = await api.leaders();
  } catch {
    // The notice already says what happened; a second failure has nothing to add.
    return;
  }
  if (state.leader && !state.leaders.some((leader) => leader.id === state.leader!.id)) {
    state.leader = state.leaders[0] ?? null;
    if (state.leader) selectLeader(state, state.leader.id);
  }
  document.dispatchEvent(new CustomEvent('leaders-changed'));
}
