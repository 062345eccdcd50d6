import '../styles/coach.css';
import { coachApi, type GrantView } from '../api-coach.ts';
import type { AppState } from '../app-state.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { longDate } from '../format.ts';
import { announce } from './announce.ts';
import { loadList, onConfirmedClick, requestForm } from './section-actions.ts';

/** The leader's coaches: invite by e-mail (with a one-time code to pass on), allow or stop changes, revoke. */
export function coachSharingSection(_state: AppState): HTMLElement {
  // Codes made during this visit, by grant. The server keeps only their hashes: once this page
  // is left, the way to a code is a new one.
  const revealed = new Map<number, string>();
  const list = h('div', { class: 'grant-list', id: 'coach-grants' }, notice('loading', 'Loading your coaches…'));
  const email = h('input', { type: 'email', id: 'invite-coach-email', required: true, autocomplete: 'off', placeholder: 'coach@example.com', maxlength: 254 });
  const canEdit = h('input', { type: 'checkbox', id: 'invite-coach-can-edit' });
  const form = requestForm(
    { class: 'invite-form', 'aria-labelledby': 'invite-heading' },
    {
      submitId: 'invite-coach',
      submitLabel: 'Invite coach',
      run: async () => {
        const { grant, inviteCode } = await coachApi.invite(email.value, canEdit.checked);
        email.value = '';
        canEdit.checked = false;
        revealed.set(grant.id, inviteCode);
        announce(`Invitation for ${grant.coachEmail} saved. Altitude sends no e-mail: give your coach the code shown with the invitation; they sign in, or sign up as a coach, with this address and enter it.`);
        await load();
      },
    },
    h('h3', { id: 'invite-heading' }, 'Invite a coach'),
    h('div', { class: 'field' }, h('label', { for: 'invite-coach-email' }, 'Your coach’s e-mail address'), email),
    h(
      'div',
      { class: 'check-field' },
      h('span', { class: 'check' }, canEdit, h('label', { for: 'invite-coach-can-edit' }, 'Allow changes to categories and rules')),
      h('p', { class: 'panel-note' }, 'Without this, your coach reads your audit and cannot change anything. You can change it later.'),
    ),
  );

  function load(): Promise<void> {
    return loadList(list, () => coachApi.grants(), render);
  }

  function render(grants: GrantView[]): void {
    const open = grants.filter((g) => g.status === 'invited' || g.status === 'active');
    const ended = grants.filter((g) => g.status === 'declined' || g.status === 'revoked');
    replaceChildren(
      list,
      open.length === 0
        ? notice('empty', 'You share your audit with no coach.')
        : h('ul', { class: 'grants' }, ...open.map((grant) => grantRow(grant))),
      ended.length > 0
        ? h(
            'details',
            { class: 'ended-grants' },
            h('summary', {}, `Ended (${ended.length})`),
            h('ul', { class: 'grants' }, ...ended.map((grant) => grantRow(grant))),
          )
        : null,
    );
  }

  function grantRow(grant: GrantView): HTMLElement {
    const isOpen = grant.status === 'invited' || grant.status === 'active';
    const who = grant.coachName ? `${grant.coachName} (${grant.coachEmail})` : grant.coachEmail;
    const toggleId = `grant-edit-${grant.id}`;
    const toggle = h('input', { type: 'checkbox', id: toggleId, checked: grant.canEdit });
    toggle.addEventListener('change', () => {
      toggle.disabled = true;
      void coachApi
        .setCanEdit(grant.id, toggle.checked)
        .then((updated) => announce(updated.canEdit ? `${grant.coachEmail} may now change categories and rules.` : `${grant.coachEmail} can now only read your audit.`))
        .catch((failure: Error) => {
          toggle.checked = !toggle.checked;
          announce(failure.message, true);
        })
        .finally(() => (toggle.disabled = false));
    });
    const revoke = h('button', { type: 'button', class: 'secondary small', 'data-action': 'revoke' }, grant.status === 'invited' ? 'Withdraw invitation' : 'Revoke access');
    onConfirmedClick(revoke, {
      question:
        grant.status === 'invited'
          ? `Withdraw the invitation for ${grant.coachEmail}?`
          : `Stop sharing your audit with ${who}? They lose access at once; the notes of this engagement stay with you.`,
      run: () => coachApi.endGrant(grant.id),
      done: grant.status === 'invited' ? 'Invitation withdrawn.' : `${grant.coachEmail} no longer sees your audit.`,
      reload: load,
    });
    return h(
      'li',
      { class: `grant grant-${grant.status}`, 'data-grant': grant.id, 'data-coach': grant.coachEmail },
      h('div', { class: 'grant-who' }, h('strong', {}, who), h('span', { class: `status-badge status-${grant.status}` }, STATUS_LABELS[grant.status])),
      h('p', { class: 'grant-when' }, describeDates(grant)),
      grant.status === 'invited' ? inviteCodePart(grant) : null,
      isOpen
        ? h(
            'div',
            { class: 'grant-actions' },
            h('span', { class: 'check' }, toggle, h('label', { for: toggleId }, 'Allow changes to categories and rules')),
            grant.status === 'invited' ? newCodeButton(grant) : null,
            revoke,
          )
        : null,
    );
  }

  /** The code, right after it was made; otherwise what the leader needs to know about it. */
  function inviteCodePart(grant: GrantView): HTMLElement {
    const code = revealed.get(grant.id);
    if (code && grant.hasInviteCode) {
      return h(
        'div',
        { class: 'invite-code', 'data-invite-code': grant.id },
        h('p', { class: 'invite-code-label' }, `Invitation code for ${grant.coachEmail}`),
        h('p', { class: 'invite-code-value' }, code),
        h('p', { class: 'panel-note' }, 'Give this code to your coach; they enter it to accept. It is shown only now: Altitude keeps no copy it could show again. Lost it? Make a new code.'),
      );
    }
    return h(
      'p',
      { class: grant.hasInviteCode ? 'panel-note invite-code-note' : 'panel-note invite-code-note invite-code-missing' },
      grant.hasInviteCode
        ? 'Your coach accepts with the code you were shown when you invited them. Lost it? Make a new code; the old one stops working.'
        : 'No code works for this invitation: it was entered wrong too often, or the invitation is older than codes. Make a new code and give it to your coach.',
    );
  }

  function newCodeButton(grant: GrantView): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'secondary small', 'data-action': 'new-code' }, 'New code');
    button.addEventListener('click', () => {
      if (grant.hasInviteCode && !window.confirm(`Make a new code for ${grant.coachEmail}? The code you have given them stops working.`)) return;
      button.disabled = true;
      void coachApi
        .newCode(grant.id)
        .then(({ inviteCode }) => {
          revealed.set(grant.id, inviteCode);
          announce(`New code for ${grant.coachEmail}: give it to your coach. The old code no longer works.`);
          return load();
        })
        .catch((failure: Error) => {
          button.disabled = false;
          announce(failure.message, true);
        });
    });
    return button;
  }

  void load();
  return h(
    'section',
    { class: 'panel coach-sharing', 'aria-labelledby': 'coaches-heading' },
    h('h2', { id: 'coaches-heading' }, 'Coaches'),
    h(
      'p',
      { class: 'panel-note sharing-scope' },
      'A coach you invite sees your full audit once they accept: every event with its title, time, place and category and why it is there, your rules, your figures and flags, and the notes you share with them. ',
      'They never import calendars or change your settings. Revoking takes effect on their very next click; the notes stay with you. ',
      'Each invitation comes with a one-time code for you to give your coach: without it nobody can accept, not even someone who signs up with your coach’s address.',
    ),
    list,
    form,
  );
}

const STATUS_LABELS: Record<GrantView['status'], string> = {
  invited: 'Invited, not yet accepted',
  active: 'Active',
  declined: 'Declined',
  revoked: 'Ended',
};

function describeDates(grant: GrantView): string {
  const day = (iso: string) => longDate(iso.slice(0, 10));
  switch (grant.status) {
    case 'invited':
      return `Invited on ${day(grant.createdAt)}.${grant.canEdit ? ' May change categories and rules once accepted.' : ' Will read only.'}`;
    case 'active':
      return `Sees your audit since ${day(grant.respondedAt ?? grant.createdAt)}${grant.canEdit ? ', and may change categories and rules.' : ', read-only.'}`;
    case 'declined':
      return `Invited on ${day(grant.createdAt)}; declined on ${day(grant.respondedAt ?? grant.createdAt)}.`;
    case 'revoked':
      return `Invited on ${day(grant.createdAt)}; ended on ${day(grant.endedAt ?? grant.createdAt)}.`;
  }
}
