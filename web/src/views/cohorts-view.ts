import '../styles/hr.css';
import { hrApi, splitEmails, type CohortMemberView, type CohortSummary, type InvitationResult } from '../api-hr.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { emailText } from '../email-text.ts';
import { longDate, plural } from '../format.ts';
import { announce } from './announce.ts';
import { chooseCohort, forgetCohort, rememberCohort, withParams } from './hr-pickers.ts';
import { onSubmitRequest } from './section-actions.ts';
import type { View } from './view.ts';

const STATUS_LABELS: Record<CohortMemberView['status'], string> = {
  invited: 'Invited',
  active: 'Sharing',
  declined: 'Declined',
  left: 'Left',
};

/** HR's cohorts: create one, invite leaders by e-mail, see who accepted, remove people. */
export const cohortsView: View = (root, _state, params) => {
  const heading = h(
    'div',
    { class: 'page-heading' },
    h('h1', {}, 'Cohorts'),
  );
  const intro = h(
    'p',
    { class: 'lead' },
    'A cohort is a development programme’s participants. Invite leaders by e-mail; each one decides on their own Sharing page. ' +
      'Only those who accept appear in the compliance table and the charts, and only with derived figures: never an event, a title or an attendee.',
  );
  const body = h('div', { class: 'hr-body' }, notice('loading', 'Loading your cohorts…'));
  replaceChildren(root, heading, intro, body);
  let alive = true;
  // What the last invitation said, and the addresses left to correct: kept across the reload
  // that follows it (the counts above the form change too).
  let lastInvite: { result: HTMLElement[]; leftOver: string } | null = null;

  async function load(): Promise<void> {
    try {
      const cohorts = await hrApi.cohorts();
      if (!alive) return;
      const selected = chooseCohort(cohorts, params.get('cohort'));
      if (selected) rememberCohort(selected.id);
      replaceChildren(body, newCohortPanel(), cohorts.length === 0 ? notice('empty', 'No cohort yet. Name your first one above, then invite its leaders.') : cohortList(cohorts, selected!), selected ? cohortPanel(selected) : null);
    } catch (error) {
      if (alive) replaceChildren(body, notice('error', (error as Error).message));
    }
  }

  function newCohortPanel(): HTMLElement {
    const name = h('input', { id: 'new-cohort-name', required: true, maxlength: 200, placeholder: 'e.g. Leaders of Leaders 2026', autocomplete: 'off' });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', id: 'create-cohort' }, 'Create cohort');
    const form = h(
      'form',
      { class: 'panel hr-new-cohort', 'aria-labelledby': 'new-cohort-heading' },
      h('h2', { id: 'new-cohort-heading' }, 'New cohort'),
      h('div', { class: 'field inline' }, h('label', { for: 'new-cohort-name' }, 'Name'), name, submit),
      error,
    );
    onSubmitRequest(form, {
      submit,
      error,
      run: async () => {
        const cohort = await hrApi.createCohort(name.value);
        announce(`Cohort “${cohort.name}” created. Invite its leaders next.`);
        rememberCohort(cohort.id);
        go(withParams('cohorts', params, { cohort: String(cohort.id) }));
      },
    });
    return form;
  }

  function cohortList(cohorts: CohortSummary[], selected: CohortSummary): HTMLElement {
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'cohort-list-heading' },
      h('h2', { id: 'cohort-list-heading' }, 'Your cohorts'),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'hr-table', id: 'cohort-table' },
          // On a phone the Declined, Left and Created columns give way (hr-optional): the cohort page has them.
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Cohort'), h('th', { scope: 'col' }, 'Sharing'), h('th', { scope: 'col' }, 'Invited'), h('th', { scope: 'col', class: 'hr-optional' }, 'Declined'), h('th', { scope: 'col', class: 'hr-optional' }, 'Left'), h('th', { scope: 'col', class: 'hr-optional' }, 'Created'))),
          h(
            'tbody',
            {},
            ...cohorts.map((c) =>
              h(
                'tr',
                { 'aria-current': c.id === selected.id ? 'true' : undefined, 'data-cohort': c.id },
                h('th', { scope: 'row' }, h('a', { href: withParams('cohorts', params, { cohort: String(c.id) }) }, c.name)),
                h('td', { class: 'num' }, c.counts.active),
                h('td', { class: 'num' }, c.counts.invited),
                h('td', { class: 'num hr-optional' }, c.counts.declined),
                h('td', { class: 'num hr-optional' }, c.counts.left),
                h('td', { class: 'hr-optional' }, longDate(c.createdAt.slice(0, 10))),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function cohortPanel(cohort: CohortSummary): HTMLElement {
    const members = h('div', { id: 'cohort-members' }, notice('loading', 'Loading members…'));
    const panel = h(
      'section',
      { class: 'panel hr-cohort', 'aria-labelledby': 'cohort-heading' },
      h(
        'div',
        { class: 'hr-cohort-head' },
        h('h2', { id: 'cohort-heading' }, cohort.name),
        h('div', { class: 'actions' }, renameControl(cohort), deleteButton(cohort)),
      ),
      h(
        'p',
        { class: 'panel-note' },
        `${plural(cohort.counts.active, 'leader')} sharing, ${cohort.counts.invited} still to answer. `,
        h('a', { href: `#/compliance?cohort=${cohort.id}` }, 'Compliance table'),
        ' · ',
        h('a', { href: `#/cohort-charts?cohort=${cohort.id}` }, 'Charts'),
      ),
      inviteForm(cohort),
      h('h3', {}, 'Members'),
      members,
    );

    async function loadMembers(): Promise<void> {
      try {
        const list = await hrApi.members(cohort.id);
        if (alive) replaceChildren(members, memberTable(cohort, list, () => void load()));
      } catch (error) {
        if (alive) replaceChildren(members, notice('error', (error as Error).message));
      }
    }
    void loadMembers();
    return panel;
  }

  function renameControl(cohort: CohortSummary): HTMLElement {
    const button = h('button', { type: 'button', class: 'secondary small', id: 'rename-cohort' }, 'Rename');
    button.addEventListener('click', () => {
      const name = window.prompt('New name for the cohort', cohort.name);
      if (name === null || name.trim() === '' || name.trim() === cohort.name) return;
      void hrApi
        .renameCohort(cohort.id, name)
        .then((renamed) => {
          announce(`Renamed to “${renamed.name}”.`);
          void load();
        })
        .catch((failure: Error) => announce(failure.message, true));
    });
    return button;
  }

  function deleteButton(cohort: CohortSummary): HTMLElement {
    const button = h('button', { type: 'button', class: 'secondary small hr-danger', id: 'delete-cohort' }, 'Delete cohort');
    button.addEventListener('click', () => {
      if (!window.confirm(`Delete “${cohort.name}”? Its invitations and memberships go with it; the leaders’ own data stays theirs.`)) return;
      void hrApi
        .deleteCohort(cohort.id)
        .then(() => {
          announce(`Cohort “${cohort.name}” deleted.`);
          forgetCohort();
          go(withParams('cohorts', params, { cohort: null }));
        })
        .catch((failure: Error) => announce(failure.message, true));
    });
    return button;
  }

  function inviteForm(cohort: CohortSummary): HTMLElement {
    const emails = h('textarea', { id: 'invite-emails', rows: 4, placeholder: 'ana.ruiz@example.com, tom.berg@example.com\nor one per line, or pasted from a mail client', required: true });
    const submit = h('button', { type: 'submit', id: 'send-invitations' }, 'Invite');
    const result = h('div', { class: 'invite-result', id: 'invite-result', role: 'status' }, ...(lastInvite?.result ?? []));
    emails.value = lastInvite?.leftOver ?? '';
    lastInvite = null;
    const form = h(
      'form',
      { class: 'hr-invite', 'aria-labelledby': 'invite-heading' },
      h('h3', { id: 'invite-heading' }, 'Invite leaders'),
      h('div', { class: 'field' }, h('label', { for: 'invite-emails' }, 'E-mail addresses (paste a list)'), emails),
      h('p', { class: 'panel-note' }, 'Altitude sends no e-mail: tell the leaders to sign in with these addresses and answer on their Sharing page.'),
      h('div', { class: 'actions' }, submit),
      result,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const list = splitEmails(emails.value);
      if (list.length === 0) return;
      submit.disabled = true;
      void hrApi
        .invite(cohort.id, list)
        .then((outcome) => {
          lastInvite = { result: describeInvitations(outcome), leftOver: outcome.invalid.join('\n') };
          return load();
        })
        .catch((failure: Error) => replaceChildren(result, h('p', { class: 'form-error' }, failure.message)))
        .finally(() => {
          submit.disabled = false;
        });
    });
    return form;
  }

  /** A new address re-renders the page through the router; the same one just reloads the data. */
  function go(hash: string): void {
    if (location.hash === hash) void load();
    else location.hash = hash;
  }

  void load();
  return () => {
    alive = false;
  };
};

function describeInvitations(outcome: InvitationResult): HTMLElement[] {
  const lines: HTMLElement[] = [h('p', { class: 'invite-ok' }, outcome.invited.length === 0 ? 'Nobody new was invited.' : `${plural(outcome.invited.length, 'leader')} invited.`)];
  if (outcome.alreadyInvited.length > 0) lines.push(h('p', {}, `Already invited or sharing: ${outcome.alreadyInvited.join(', ')}.`));
  if (outcome.invalid.length > 0) lines.push(h('p', { class: 'form-error' }, `Not e-mail addresses (left in the box to correct): ${outcome.invalid.join(', ')}.`));
  return lines;
}

function memberTable(cohort: CohortSummary, members: CohortMemberView[], onChange: () => void): HTMLElement {
  if (members.length === 0) return notice('empty', 'Nobody invited yet.');
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      // On a phone each member is a card: the address, Remove beside it, the rest labelled below (hr.css).
      { class: 'hr-table hr-cards hr-members', id: 'member-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'E-mail'), h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Invited'), h('th', { scope: 'col' }, 'Answered'), h('th', { scope: 'col' }, h('span', { class: 'hr-sr-only' }, 'Actions')))),
      h(
        'tbody',
        {},
        ...members.map((member) => {
          const remove = h('button', { type: 'button', class: 'link', 'data-remove': member.email, 'aria-label': `Remove ${member.email}` }, 'Remove');
          remove.addEventListener('click', () => {
            if (!window.confirm(`Remove ${member.email} from “${cohort.name}”? You will see nothing more of them.`)) return;
            void hrApi
              .removeMember(cohort.id, member.id)
              .then(() => {
                announce(`${member.email} removed.`);
                onChange();
              })
              .catch((failure: Error) => announce(failure.message, true));
          });
          return h(
            'tr',
            { 'data-email': member.email, 'data-status': member.status },
            h('th', { scope: 'row', class: 'hr-email' }, emailText(member.email)),
            h('td', { 'data-label': 'Name' }, member.name ?? h('span', { class: 'hr-muted' }, member.status === 'active' ? '—' : 'shown once they accept')),
            h('td', { 'data-label': 'Status' }, h('span', { class: `hr-status hr-status-${member.status}` }, STATUS_LABELS[member.status])),
            h('td', { 'data-label': 'Invited' }, longDate(member.invitedAt.slice(0, 10))),
            h('td', { 'data-label': 'Answered' }, member.respondedAt ? longDate(member.respondedAt.slice(0, 10)) : '—'),
            h('td', { class: 'hr-remove' }, remove),
          );
        }),
      ),
    ),
  );
}
