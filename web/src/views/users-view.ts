import { call, type Role, type User } from '../api.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { announce } from './announce.ts';
import type { View } from './view.ts';

const ROLE_LABELS: Record<Role, string> = { leader: 'Leader', coach: 'Coach', hr: 'HR / L&D', admin: 'Administrator' };

/**
 * The administrator's page: the accounts, a new password for someone who forgot theirs (Altitude
 * sends no e-mail: the administrator gives it to them), and a form to create an account (for when
 * sign-up is closed). Administrators manage accounts only; they see no one's calendar data.
 */
export const usersView: View = (root, state) => {
  const list = h('div');
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const email = h('input', { type: 'email', id: 'new-user-email', required: true, autocomplete: 'off' });
  const name = h('input', { id: 'new-user-name', maxlength: 200, autocomplete: 'off' });
  const password = h('input', { type: 'password', id: 'new-user-password', required: true, minlength: 12, autocomplete: 'new-password' });
  const role = h('select', { id: 'new-user-role' }, ...(Object.keys(ROLE_LABELS) as Role[]).map((id) => h('option', { value: id }, ROLE_LABELS[id])));
  const form = h(
    'form',
    { class: 'panel', 'aria-label': 'Create an account' },
    h('h2', {}, 'Create an account'),
    h('p', { class: 'panel-note' }, 'Give the person their password in a safe way. A leader’s account takes over calendar data already imported for that address with the CLI.'),
    h('div', { class: 'field' }, h('label', { for: 'new-user-email' }, 'E-mail'), email),
    h('div', { class: 'field' }, h('label', { for: 'new-user-name' }, 'Name'), name),
    h('div', { class: 'field' }, h('label', { for: 'new-user-password' }, 'Password (at least 12 characters)'), password),
    h('div', { class: 'field' }, h('label', { for: 'new-user-role' }, 'Role'), role),
    error,
    h('button', { type: 'submit' }, 'Create account'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    void (async () => {
      try {
        const { user } = await call<{ user: User }>('POST', '/api/users', {
          email: email.value,
          password: password.value,
          role: role.value,
          ...(name.value.trim() ? { name: name.value.trim() } : {}),
        });
        announce(`Created ${ROLE_LABELS[user.role].toLowerCase()} account ${user.email}.`);
        form.reset();
        await load();
      } catch (failure) {
        error.textContent = (failure as Error).message;
        error.hidden = false;
      }
    })();
  });

  async function load(): Promise<void> {
    replaceChildren(list, notice('loading', 'Loading accounts…'));
    try {
      const { users } = await call<{ users: User[] }>('GET', '/api/users');
      replaceChildren(
        list,
        h(
          'section',
          { class: 'panel', 'aria-label': 'Accounts' },
          h('h2', {}, `Accounts (${users.length})`),
          h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'accounts', id: 'users-table' },
              h(
                'thead',
                {},
                h('tr', {}, h('th', { scope: 'col' }, 'E-mail'), h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col', class: 'account-actions' }, 'Actions')),
              ),
              h('tbody', {}, ...users.map((user) => accountRow(user))),
            ),
          ),
        ),
      );
    } catch (failure) {
      replaceChildren(list, notice('error', (failure as Error).message));
    }
  }

  /** One account, with its "Set a new password" action; the form opens in a row of its own below. */
  function accountRow(user: User): HTMLTableRowElement {
    const open = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'aria-label': `Set a new password for ${user.email}` }, 'Set a new password');
    const row = h(
      'tr',
      { 'data-user': user.email },
      h('th', { scope: 'row' }, user.email),
      h('td', {}, user.name ?? ''),
      h('td', {}, ROLE_LABELS[user.role]),
      h('td', { class: 'account-actions' }, open),
    );
    let formRow: HTMLTableRowElement | null = null;
    const close = () => {
      formRow?.remove();
      formRow = null;
      open.setAttribute('aria-expanded', 'false');
      open.focus();
    };
    open.addEventListener('click', () => {
      if (formRow) return close();
      formRow = h('tr', { class: 'password-row' }, h('td', { colspan: 4 }, passwordForm(user, close)));
      row.after(formRow);
      open.setAttribute('aria-expanded', 'true');
      formRow.querySelector('input')?.focus();
    });
    return row;
  }

  function passwordForm(user: User, close: () => void): HTMLFormElement {
    const id = `new-password-${user.id}`;
    const isSelf = user.id === state.user.id;
    const input = h('input', { type: 'password', id, required: true, minlength: 12, maxlength: 200, autocomplete: 'new-password' });
    const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit' }, 'Set password');
    const cancel = h('button', { type: 'button', class: 'link' }, 'Cancel');
    cancel.addEventListener('click', close);
    const passwordForm = h(
      'form',
      { class: 'password-form', 'aria-label': `New password for ${user.email}` },
      h('div', { class: 'field' }, h('label', { for: id }, `New password for ${user.email} (at least 12 characters)`), input),
      h(
        'p',
        { class: 'panel-note' },
        isSelf
          ? 'Your other signed-in browsers are signed out; this one stays signed in.'
          : 'They are signed out everywhere and sign in with this password. Give it to them in a safe way: Altitude sends no e-mail.',
      ),
      problem,
      h('div', { class: 'actions' }, submit, cancel),
    );
    passwordForm.addEventListener('submit', (event) => {
      event.preventDefault();
      problem.hidden = true;
      submit.disabled = true;
      void call<{ user: User; sessionsEnded: number }>('PATCH', `/api/users/${user.id}`, { password: input.value })
        .then(({ sessionsEnded }) => {
          const ended = sessionsEnded === 0 ? '' : ` ${sessionsEnded === 1 ? 'One signed-in session' : `${sessionsEnded} signed-in sessions`} ended.`;
          announce(`New password set for ${user.email}.${ended}`);
          close();
        })
        .catch((failure: Error) => {
          problem.textContent = failure.message;
          problem.hidden = false;
          input.focus();
        })
        .finally(() => {
          submit.disabled = false;
        });
    });
    return passwordForm;
  }

  replaceChildren(root, h('div', { class: 'page-heading' }, h('h1', {}, 'Accounts')), list, form);
  void load();
};
