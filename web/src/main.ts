import './zod-without-eval.ts';
import './styles.css';
import { api, setCsrfToken, type User } from './api.ts';
import { loadState, selectLeader, type AppState } from './app-state.ts';
import { h, notice, replaceChildren } from './dom.ts';
import { HOME, PAGES } from './pages.ts';
import { clearAnnouncement } from './views/announce.ts';
import { signInView } from './views/sign-in-view.ts';

const main = document.getElementById('main')!;
const nav = document.querySelector<HTMLElement>('.app-nav')!;
const picker = document.getElementById('leader-select') as HTMLSelectElement;
const pickerLabel = picker.closest('label')!;
const account = document.getElementById('account')!;
let leave: (() => void) | void;
let state: AppState | null = null;

function parseHash(): { path: string; params: URLSearchParams } {
  const [path = '', search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { path, params: new URLSearchParams(search) };
}

function route(): void {
  // Only "#/page" hashes are pages; "#main" (the skip link) and the like are not.
  if (location.hash && !location.hash.startsWith('#/')) return;
  if (typeof leave === 'function') leave();
  leave = undefined;
  const { path, params } = parseHash();
  if (!state) {
    replaceChildren(nav);
    leave = signInView(main, path === 'sign-up' ? 'sign-up' : 'sign-in', params, signedIn);
    document.title = path === 'sign-up' ? 'Altitude · Sign up' : 'Altitude · Sign in';
    return;
  }
  const role = state.user.role;
  // The role's home page leads the navigation (a coach starts from Clients, HR from Compliance).
  const pages = PAGES.filter((page) => page.roles.includes(role)).sort((a, b) => Number(b.id === HOME[role]) - Number(a.id === HOME[role]));
  const page = pages.find((p) => p.id === path) ?? pages.find((p) => p.id === HOME[role]) ?? pages[0]!;
  renderNav(pages, page.id);
  leave = page.view(main, state, params);
  document.title = `Altitude · ${page.label}`;
}

function renderNav(pages: typeof PAGES, current: string): void {
  replaceChildren(
    nav,
    ...pages
      .filter((page) => !page.hidden)
      .map((page) => h('a', { href: `#/${page.id}`, 'data-page': page.id, 'aria-current': page.id === current ? 'page' : undefined }, page.label)),
  );
}

function renderPicker(): void {
  if (!state) {
    pickerLabel.hidden = true;
    return;
  }
  const s = state;
  // A leader sees their own audit only; a coach picks which client's audit to read.
  const show = s.user.role === 'coach' && s.leaders.length > 0;
  pickerLabel.hidden = !show;
  pickerLabel.querySelector('span')!.textContent = 'Client';
  replaceChildren(
    picker,
    ...s.leaders.map((leader) => h('option', { value: leader.id, selected: leader.id === s.leader?.id }, leader.name ? `${leader.name} (${leader.email})` : leader.email)),
  );
}

function renderAccount(user: User | null): void {
  account.hidden = !user;
  if (!user) return replaceChildren(account);
  const signOut = h('button', { type: 'button', class: 'link', id: 'sign-out' }, 'Sign out');
  signOut.addEventListener('click', () => {
    void api.signOut().finally(() => signedOut());
  });
  const who = `${user.name ?? user.email} · ${ROLE_NAMES[user.role]}`;
  // The header cuts a long name short; the tooltip keeps all of it, and the address.
  // The name opens "Your data" (download everything, delete the account), every role's own page;
  // a link of its own would push the navigation onto a second line.
  const title = `${user.name ? `${who} (${user.email})` : who}: your data`;
  replaceChildren(account, h('a', { class: 'account-name', id: 'your-data-link', href: '#/account', title }, who), signOut);
}

const ROLE_NAMES: Record<User['role'], string> = { leader: 'leader', coach: 'coach', hr: 'HR', admin: 'administrator' };

async function signedIn(user: User, csrfToken: string, fromForm = true): Promise<void> {
  clearAnnouncement();
  setCsrfToken(csrfToken);
  replaceChildren(main, notice('loading', 'Loading…'));
  try {
    state = await loadState(user);
  } catch (error) {
    replaceChildren(main, notice('error', (error as Error).message));
    return;
  }
  renderAccount(user);
  renderPicker();
  const { path } = parseHash();
  if (path === 'sign-in' || path === 'sign-up' || path === '') location.hash = `#/${HOME[user.role]}`;
  else route();
  // After the sign-in form, focus moves to the content; on a fresh load it stays at the top.
  if (fromForm) main.focus({ preventScroll: true });
}

function signedOut(): void {
  clearAnnouncement();
  state = null;
  setCsrfToken('');
  renderAccount(null);
  renderPicker();
  if (location.hash === '#/sign-in') route();
  else location.hash = '#/sign-in';
}

async function start(): Promise<void> {
  replaceChildren(main, notice('loading', 'Loading…'));
  picker.addEventListener('change', () => {
    if (!state) return;
    selectLeader(state, Number(picker.value));
    route();
  });
  // The skip link moves focus to the content without changing the page.
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  document.addEventListener('leaders-changed', renderPicker);
  document.addEventListener('signed-out', () => {
    if (state) signedOut();
  });
  window.addEventListener('hashchange', () => {
    route();
    main.focus({ preventScroll: true });
  });
  try {
    const session = await api.session();
    if (session.user && session.csrfToken) {
      await signedIn(session.user, session.csrfToken, false);
      return;
    }
  } catch (error) {
    replaceChildren(main, notice('error', (error as Error).message));
    return;
  }
  route();
}

void start();
