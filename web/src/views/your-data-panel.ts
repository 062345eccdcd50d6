import '../styles/your-data.css';
import { call, type Role } from '../api.ts';
import type { AppState } from '../app-state.ts';
import { h, replaceChildren } from '../dom.ts';
import { announce } from './announce.ts';
import type { View } from './view.ts';

/** What a deletion removes, said before the password is asked for (server/services/delete-account.ts). */
const WHAT_GOES: Record<Role, string> = {
  leader:
    'your account and every session; your calendars with every imported event and import report; your decisions, rules and quarter figures; ' +
    'your coaching engagements with all their notes (your coach’s notes too); your cohort memberships and invitations, so HR no longer sees your figures.',
  coach:
    'your account and every session; your coaching engagements and the invitations sent to your address, with all their notes (your clients’ notes too). ' +
    'Your clients’ calendars are theirs and stay.',
  hr: 'your account and every session; your cohorts with their invitations and memberships; your diagnostic answers. The leaders’ own data stays theirs.',
  admin: 'your account and every session. The last administrator account cannot be deleted.',
};

/** "Your data": download everything as JSON, or delete the account with all of it. For every role. */
export function yourDataPanel(state: AppState): HTMLElement {
  const role = state.user.role;
  const password = h('input', { id: 'delete-password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'danger', id: 'delete-account' }, 'Delete my account');
  const form = h(
    'form',
    { class: 'delete-account', 'aria-label': 'Delete my account' },
    h('h3', {}, 'Delete my account'),
    h('p', {}, `This removes, at once and for good: ${WHAT_GOES[role]} It cannot be undone: download your data first if you want to keep it.`),
    h('div', { class: 'field' }, h('label', { for: 'delete-password' }, 'Your current password'), password),
    error,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    void (async () => {
      try {
        await call<{ deleted: Record<string, number> }>('DELETE', '/api/me', { password: password.value });
        password.value = '';
        // Back to sign-in (main.ts listens), then say what happened there.
        document.dispatchEvent(new CustomEvent('signed-out'));
        announce('Your account and all of its data were deleted.');
      } catch (failure) {
        error.textContent = (failure as Error).message;
        error.hidden = false;
        submit.disabled = false;
      }
    })();
  });

  return h(
    'section',
    { class: 'panel your-data', id: 'your-data', 'aria-labelledby': 'your-data-heading' },
    h('h2', { id: 'your-data-heading' }, 'Your data'),
    h(
      'p',
      {},
      'Everything Altitude holds about you, as one machine-readable JSON file: your account' +
        (role === 'leader' ? ', your calendars with every event, your import reports, decisions, rules, quarter figures, coaching and cohort memberships' : '') +
        (role === 'coach' ? ', your coaching engagements and their notes' : '') +
        (role === 'hr' ? ', your cohorts and your diagnostic answers' : '') +
        '. Never your password or session tokens.',
    ),
    h('a', { class: 'button', id: 'download-data', href: '/api/me/export', download: '' }, 'Download all my data (JSON)'),
    form,
  );
}

/** The "Your data" page, reached from the account box by every role. */
export const yourDataView: View = (root, state) => {
  replaceChildren(root, h('div', { class: 'page-heading' }, h('h1', {}, 'Your data')), yourDataPanel(state));
};
