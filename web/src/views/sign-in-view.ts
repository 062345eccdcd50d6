import { api, type User } from '../api.ts';
import { h, replaceChildren } from '../dom.ts';

type Done = (user: User, csrfToken: string) => Promise<void>;

const ROLE_CHOICES = [
  { id: 'leader', label: 'A leader', note: 'audit my own calendar' },
  { id: 'coach', label: 'A coach', note: 'review clients’ audits they share with me' },
  { id: 'hr', label: 'HR / L&D', note: 'run programmes; see consenting leaders’ figures, never their events' },
] as const;

/** Sign in, or create an account (leader, coach or HR); the demo's accounts are listed when loaded. */
export function signInView(root: HTMLElement, mode: 'sign-in' | 'sign-up', params: URLSearchParams, done: Done): void {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const email = h('input', { type: 'email', id: 'auth-email', required: true, autocomplete: 'email', value: params.get('email') ?? '' });
  const password = h('input', {
    type: 'password',
    id: 'auth-password',
    required: true,
    autocomplete: mode === 'sign-in' ? 'current-password' : 'new-password',
    minlength: mode === 'sign-up' ? 12 : undefined,
  });
  const name = h('input', { id: 'auth-name', autocomplete: 'name', maxlength: 200 });
  const roles = ROLE_CHOICES.map((role, index) =>
    h(
      'label',
      { class: 'role-choice' },
      h('input', { type: 'radio', name: 'role', value: role.id, checked: index === 0 }),
      h('span', {}, h('strong', {}, role.label), ` (${role.note})`),
    ),
  );
  const submit = h('button', { type: 'submit', id: 'auth-submit' }, mode === 'sign-in' ? 'Sign in' : 'Create account');
  const form = h(
    'form',
    { class: 'panel auth', 'aria-label': mode === 'sign-in' ? 'Sign in' : 'Create an account' },
    h('div', { class: 'field' }, h('label', { for: 'auth-email' }, 'E-mail'), email),
    mode === 'sign-up' ? h('div', { class: 'field' }, h('label', { for: 'auth-name' }, 'Name'), name) : null,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'auth-password' }, 'Password'),
      password,
      mode === 'sign-up' ? h('p', { class: 'panel-note' }, 'At least 12 characters. A passphrase of a few words is easiest to remember.') : null,
    ),
    mode === 'sign-up' ? h('fieldset', { class: 'roles' }, h('legend', {}, 'I am'), ...roles) : null,
    error,
    h('div', { class: 'actions' }, submit),
    mode === 'sign-in'
      ? h('p', {}, 'No account yet? ', h('a', { href: '#/sign-up' }, 'Create one'))
      : h('p', {}, 'Already have an account? ', h('a', { href: '#/sign-in' }, 'Sign in')),
    // Altitude sends no e-mail, so there is no reset link: an administrator sets a new password.
    mode === 'sign-in' ? h('p', { class: 'panel-note', id: 'forgot-password' }, 'Forgot your password? Ask your administrator to set a new one.') : null,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    const role = (form.querySelector<HTMLInputElement>('input[name="role"]:checked')?.value ?? 'leader') as 'leader' | 'coach' | 'hr';
    void (async () => {
      try {
        const result =
          mode === 'sign-in'
            ? await api.signIn(email.value, password.value)
            : await api.signUp({ email: email.value, password: password.value, role, ...(name.value.trim() ? { name: name.value.trim() } : {}) });
        await done(result.user, result.csrfToken);
      } catch (failure) {
        error.textContent = (failure as Error).message;
        error.hidden = false;
        password.value = '';
        password.focus();
      } finally {
        submit.disabled = false;
      }
    })();
  });
  const demo = h('div', { class: 'demo-accounts' });
  replaceChildren(
    root,
    h('div', { class: 'auth-page' }, h('h1', {}, mode === 'sign-in' ? 'Sign in to Altitude' : 'Create your Altitude account'), h('p', { class: 'lead' }, 'Where a leader of leaders’ time goes: strategy, operations, developing people, working across units, building the organisation.'), form, demo),
  );
  if (mode === 'sign-in') void showDemoAccounts(demo, email, password);
  email.focus();
}

/** On a server started with the demo data, the demo accounts (documented in the README) are one click away. */
async function showDemoAccounts(box: HTMLElement, email: HTMLInputElement, password: HTMLInputElement): Promise<void> {
  const accounts = await api.demoAccounts().catch(() => []);
  if (accounts.length === 0) return;
  replaceChildren(
    box,
    h('h2', {}, 'Demo accounts'),
    h('p', { class: 'panel-note' }, 'This server holds demo data. Try it as any of these:'),
    h(
      'ul',
      {},
      ...accounts.map((account) => {
        const use = h('button', { type: 'button', class: 'link' }, `${account.description}: ${account.email}`);
        use.addEventListener('click', () => {
          email.value = account.email;
          password.value = account.password;
          password.focus();
        });
        return h('li', {}, use);
      }),
    ),
  );
}
