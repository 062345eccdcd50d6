import { call, type Role, type User } from '../api.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { announce } from './announce.ts';
import type { View } from './view.ts';

const ROLE_LABELS: Record<Role, string> = { leader: 'Leader', coach: 'Coach', hr: 'HR / L&D', admin: 'Administrator' };

/**
 * The administrator's page: the accounts, and a form to create one (for when sign-up is closed).
 * Administrators manage accounts only; they see no one's calendar data.
 */
export const usersView: View = (root) => {
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
              { class: 'figures', id: 'users-table' },
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'E-mail'), h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Role'))),
              h('tbody', {}, ...users.map((user) => h('tr', {}, h('th', { scope: 'row' }, user.email), h('td', {}, user.name ?? ''), h('td', {}, ROLE_LABELS[user.role])))),
            ),
          ),
        ),
      );
    } catch (failure) {
      replaceChildren(list, notice('error', (failure as Error).message));
    }
  }

  replaceChildren(root, h('div', { class: 'page-heading' }, h('h1', {}, 'Accounts')), list, form);
  void load();
};
