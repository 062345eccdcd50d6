import '../styles/coach.css';
import { api } from '../api.ts';
import { coachApi, type ClientView, type GrantView } from '../api-coach.ts';
import { selectLeader, type AppState } from '../app-state.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { hours, longDate, percent } from '../format.ts';
import { announce } from './announce.ts';
import { onSubmitRequest } from './section-actions.ts';
import type { View } from './view.ts';

/** The coach's home: invitations to answer, then each client with this quarter's headline figures. */
export const clientsView: View = (root, state) => {
  const invitations = h('section', { class: 'panel invitations', 'aria-labelledby': 'invitations-heading' });
  const clients = h('section', { class: 'clients', 'aria-labelledby': 'clients-heading' });
  const past = h('section', { class: 'past-clients', 'aria-label': 'Ended engagements' });
  replaceChildren(
    root,
    h('div', { class: 'page-heading' }, h('h1', {}, 'Clients')),
    h('p', { class: 'lead' }, 'Leaders who shared their audit with you. Figures are for the current quarter in each client’s own time zone, days still booked ahead included, as on their dashboard.'),
    invitations,
    clients,
    past,
  );
  let isLeft = false;

  async function load(): Promise<void> {
    replaceChildren(clients, notice('loading', 'Loading your clients…'));
    try {
      const [grants, list] = await Promise.all([coachApi.grants(), coachApi.clients()]);
      if (isLeft) return;
      renderInvitations(grants.filter((g) => g.status === 'invited'));
      renderClients(list.clients);
      renderPast(grants.filter((g) => g.status === 'revoked' || g.status === 'declined'));
    } catch (failure) {
      if (!isLeft) replaceChildren(clients, notice('error', (failure as Error).message));
    }
  }

  function renderInvitations(pending: GrantView[]): void {
    invitations.hidden = pending.length === 0;
    replaceChildren(
      invitations,
      h('h2', { id: 'invitations-heading' }, `Invitations (${pending.length})`),
      h(
        'p',
        { class: 'panel-note' },
        'Accepting lets you read the leader’s full audit, event titles included, until they or you end it. Keep what you see to the coaching. ',
        'To accept, enter the invitation code the leader gives you: it shows the invitation is really yours.',
      ),
      h('ul', { class: 'grants' }, ...pending.map(invitationRow)),
    );
  }

  function invitationRow(grant: GrantView): HTMLElement {
    const who = grant.leader.name ? `${grant.leader.name} (${grant.leader.email})` : grant.leader.email;
    const leaderName = grant.leader.name ?? grant.leader.email;
    const codeId = `invite-code-${grant.id}`;
    const hintId = `invite-code-hint-${grant.id}`;
    const code = h('input', {
      type: 'text',
      id: codeId,
      name: 'code',
      class: 'invite-code-input',
      required: true,
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: 20,
      placeholder: 'XXXX-XXXX',
      'aria-describedby': hintId,
      disabled: !grant.hasInviteCode,
    });
    const accept = h('button', { type: 'submit', class: 'small', 'data-action': 'accept', disabled: !grant.hasInviteCode }, 'Accept');
    const decline = h('button', { type: 'button', class: 'secondary small', 'data-action': 'decline' }, 'Decline');
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { class: 'accept-form', 'aria-label': `Accept ${who}’s invitation` },
      h('div', { class: 'field' }, h('label', { for: codeId }, 'Invitation code'), code),
      h(
        'p',
        { class: 'panel-note', id: hintId },
        grant.hasInviteCode
          ? `${leaderName} was shown this code when they invited you; ask them for it. Nothing is shared until you enter it.`
          : `No code works for this invitation now. Ask ${leaderName} to make a new code on their Sharing page, then reload this page and enter it.`,
      ),
      error,
      h('div', { class: 'grant-actions' }, accept, decline),
    );
    onSubmitRequest(form, {
      submit: accept,
      error,
      run: async () => {
        decline.disabled = true;
        try {
          await coachApi.accept(grant.id, code.value);
        } finally {
          decline.disabled = false;
        }
        // The header's client picker and every leader page read state.leaders.
        state.leaders = await api.leaders();
        if (!state.leader) selectLeader(state, grant.leader.id);
        document.dispatchEvent(new CustomEvent('leaders-changed'));
        announce(`You now see ${leaderName}’s audit.`);
        await load();
      },
    });
    decline.addEventListener('click', () => {
      if (!window.confirm(`Decline ${who}’s invitation? They can invite you again later.`)) return;
      accept.disabled = decline.disabled = true;
      void coachApi
        .decline(grant.id)
        .then(() => {
          announce('Invitation declined.');
          return load();
        })
        .catch((failure: Error) => {
          accept.disabled = !grant.hasInviteCode;
          decline.disabled = false;
          announce(failure.message, true);
        });
    });
    return h(
      'li',
      { class: 'grant grant-invited', 'data-grant': grant.id },
      h('div', { class: 'grant-who' }, h('strong', {}, who)),
      h('p', { class: 'grant-when' }, `Invited on ${longDate(grant.createdAt.slice(0, 10))}; ${grant.canEdit ? 'you may also change categories and rules.' : 'read-only.'}`),
      form,
    );
  }

  function renderClients(list: ClientView[]): void {
    if (list.length === 0) {
      replaceChildren(clients, h('h2', { id: 'clients-heading' }, 'Clients'), notice('empty', `No leader shares an audit with you yet. When a leader invites you at ${state.user.email}, the invitation appears on this page.`));
      return;
    }
    replaceChildren(clients, h('h2', { id: 'clients-heading', class: 'visually-hidden' }, 'Clients'), h('ul', { class: 'client-list' }, ...list.map(clientCard)));
  }

  function renderPast(ended: GrantView[]): void {
    if (ended.length === 0) return replaceChildren(past);
    replaceChildren(
      past,
      h(
        'details',
        { class: 'ended-grants' },
        h('summary', {}, `Ended engagements and declined invitations (${ended.length})`),
        h(
          'ul',
          { class: 'past-list' },
          ...ended.map((grant) =>
            h(
              'li',
              { 'data-grant': grant.id },
              h('strong', {}, grant.leader.name ?? grant.leader.email),
              ` · ${grant.status === 'declined' ? 'declined' : 'ended'} on ${longDate((grant.endedAt ?? grant.respondedAt ?? grant.createdAt).slice(0, 10))}`,
            ),
          ),
        ),
      ),
    );
  }

  function endButton(client: ClientView): HTMLButtonElement {
    const name = client.leader.name ?? client.leader.email;
    const button = h('button', { type: 'button', class: 'link small client-end', 'data-action': 'end' }, 'End coaching');
    button.addEventListener('click', () => {
      if (!window.confirm(`End the coaching engagement with ${name}? You will no longer see their audit or your shared notes; they keep the notes.`)) return;
      button.disabled = true;
      void (async () => {
        try {
          await coachApi.endGrant(client.grantId);
          state.leaders = await api.leaders();
          if (state.leader?.id === client.leader.id) state.leader = state.leaders[0] ?? null;
          if (state.leader) selectLeader(state, state.leader.id);
          document.dispatchEvent(new CustomEvent('leaders-changed'));
          announce(`The engagement with ${name} has ended.`);
          await load();
        } catch (failure) {
          button.disabled = false;
          announce((failure as Error).message, true);
        }
      })();
    });
    return button;
  }

  function clientCard(client: ClientView): HTMLElement {
    const name = client.leader.name ?? client.leader.email;
    const open = (page: string) => {
      const link = h('a', { href: `#/${page}`, class: page === 'dashboard' ? 'button' : 'button button-secondary', 'data-open': page }, PAGE_LABELS[page]!);
      // Choose the client first, then let the link change the page.
      link.addEventListener('click', () => {
        selectLeader(state, client.leader.id);
        document.dispatchEvent(new CustomEvent('leaders-changed'));
      });
      return link;
    };
    return h(
      'li',
      { class: 'client-card panel', 'data-leader': client.leader.id },
      h(
        'div',
        { class: 'client-head' },
        h('h3', {}, name),
        h('span', { class: 'client-meta' }, client.leader.name ? client.leader.email : '', client.canEdit ? ' · may change categories and rules' : ' · read-only'),
      ),
      client.figures ? clientFigures(client) : notice('empty', `No data: ${name} has not imported a calendar yet.`),
      h('div', { class: 'client-actions' }, open('dashboard'), open('compare'), open('notes'), open('print'), endButton(client)),
    );
  }

  void load();
  return () => {
    isLeft = true;
  };
};

const PAGE_LABELS: Record<string, string> = { dashboard: 'Open dashboard', compare: 'Compare periods', notes: 'Notes', print: 'Session report' };

function clientFigures(client: ClientView): HTMLElement {
  const f = client.figures!;
  const q = f.quarter;
  const strategicOk = q.countedMinutes === 0 || q.strategicShare >= f.targets.strategicShareMin;
  const planningOk = q.protectedDays >= f.targets.planningDaysPerQuarter;
  const figure = (id: string, label: string, value: string, note: string, ok: boolean | null) =>
    h(
      'div',
      { class: `client-figure ${ok === null ? '' : ok ? 'figure-ok' : 'figure-warn'}`, 'data-figure': id },
      h('dt', {}, label),
      h('dd', {}, h('span', { class: 'figure-value' }, value), h('span', { class: 'figure-note' }, note)),
    );
  // "2026-Q1", as the dashboard, compliance and flags write it.
  const quarterName = q.quarter;
  return h(
    'div',
    { class: 'client-body' },
    h(
      'dl',
      { class: 'client-figures' },
      figure('strategic', `Strategic share, ${quarterName}`, q.countedMinutes > 0 ? percent(q.strategicShare) : '–', `target ${percent(f.targets.strategicShareMin, 0)}`, q.countedMinutes > 0 ? strategicOk : null),
      figure('counted', `Counted, ${quarterName}`, hours(q.countedMinutes), 'work time in all categories', null),
      figure('planning', `Planning days, ${quarterName}`, `${q.protectedDays} of ${f.targets.planningDaysPerQuarter}`, `${q.heldDays} held, ${q.scheduledDays} booked ahead`, planningOk),
      figure(
        'year',
        'Strategic share, 12 months',
        f.last12Months.countedMinutes > 0 ? percent(f.last12Months.strategicShare) : '–',
        `${longDate(f.last12Months.from)} – ${longDate(f.last12Months.to)}`,
        f.last12Months.countedMinutes > 0 ? !f.last12Months.isLow : null,
      ),
    ),
    q.flags.length === 0
      ? h('p', { class: 'client-flags client-flags-clear' }, 'No flags this quarter.')
      : h('ul', { class: 'client-flags' }, ...q.flags.map((flag) => h('li', { class: 'flag-chip', 'data-code': flag.code, title: flag.advice }, flag.message))),
    client.lastImportAt ? h('p', { class: 'client-import' }, `Calendar last imported on ${longDate(client.lastImportAt.slice(0, 10))}.`) : null,
  );
}
