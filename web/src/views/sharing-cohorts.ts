import '../styles/hr.css';
import { HR_AGGREGATES, HR_NEVER_SEES, HR_SEES, HR_SEES_IF_CHOSEN, SHARE_COACHING_LABEL } from '../../../shared/cohorts-api.ts';
import { hrApi, type MembershipView } from '../api-hr.ts';
import type { AppState } from '../app-state.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { longDate } from '../format.ts';
import { announce } from './announce.ts';
import { loadList } from './section-actions.ts';

/** The leader's HR programmes: invitations to answer, memberships to leave, and what HR sees. */
export function cohortSharingSection(_state: AppState): HTMLElement {
  const list = h('div', { id: 'cohort-memberships' }, notice('loading', 'Loading your programmes…'));
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'programmes-heading', id: 'programmes' },
    h('h2', { id: 'programmes-heading' }, 'Development programmes'),
    h('p', { class: 'panel-note' }, 'An HR team can invite you to a programme (a cohort). If you accept, they see figures derived from your calendar, never the calendar itself. You can leave at any time.'),
    whatHrSees(),
    list,
  );

  function load(): Promise<void> {
    return loadList(list, () => hrApi.memberships(), render);
  }

  function render(memberships: MembershipView[]): void {
    const invitations = memberships.filter((m) => m.status === 'invited');
    const active = memberships.filter((m) => m.status === 'active');
    const ended = memberships.filter((m) => m.status === 'declined' || m.status === 'left');
    replaceChildren(
      list,
      h('h3', {}, 'Invitations'),
      invitations.length === 0 ? h('p', { class: 'hr-muted', id: 'no-invitations' }, 'No invitation waiting.') : h('ul', { class: 'memberships' }, ...invitations.map(row)),
      h('h3', {}, 'Programmes you share figures with'),
      active.length === 0 ? h('p', { class: 'hr-muted', id: 'no-memberships' }, 'None: no HR team sees any figure of yours.') : h('ul', { class: 'memberships' }, ...active.map(row)),
      ended.length > 0
        ? h('details', { class: 'ended-memberships' }, h('summary', {}, `Declined or left (${ended.length})`), h('ul', { class: 'memberships' }, ...ended.map(row)))
        : null,
    );
  }

  function row(membership: MembershipView): HTMLElement {
    const hr = membership.hr.name ? `${membership.hr.name} (${membership.hr.email})` : membership.hr.email;
    const actions: HTMLElement[] = [];
    // The leader's choice about coaching: asked with every acceptance (off unless ticked), and
    // changeable while they are a member.
    const canAccept = membership.status === 'invited' || membership.status === 'declined';
    const coachingId = `share-coaching-${membership.id}`;
    const coaching = h('input', {
      type: 'checkbox',
      id: coachingId,
      class: 'share-coaching',
      'data-membership': membership.id,
      checked: membership.status === 'active' && membership.shareCoaching,
    });
    if (membership.status === 'active') {
      coaching.addEventListener('change', () => {
        const wanted = coaching.checked;
        coaching.disabled = true;
        void hrApi
          .setShareCoaching(membership.id, wanted)
          .then((updated) => {
            coaching.checked = updated.shareCoaching;
            announce(
              updated.shareCoaching
                ? `The HR team of “${updated.cohort.name}” now sees whether you work with a coach through Altitude.`
                : `The HR team of “${updated.cohort.name}” no longer sees whether you work with a coach.`,
            );
          })
          .catch((failure: Error) => {
            coaching.checked = !wanted;
            announce(failure.message, true);
          })
          .finally(() => {
            coaching.disabled = false;
          });
      });
    }
    const act = (action: 'accept' | 'decline' | 'leave', label: string, className: string, confirmText?: string) => {
      const button = h('button', { type: 'button', class: className, 'data-action': action, 'data-membership': membership.id }, label);
      button.addEventListener('click', () => {
        if (confirmText && !window.confirm(confirmText)) return;
        button.disabled = true;
        void hrApi
          .respond(membership.id, action, action === 'accept' ? { shareCoaching: coaching.checked } : undefined)
          .then((updated) => {
            announce(
              action === 'accept'
                ? `You joined “${updated.cohort.name}”: its HR team now sees your derived figures${updated.shareCoaching ? ' and whether you work with a coach' : ''}.`
                : action === 'leave'
                  ? `You left “${updated.cohort.name}”: its HR team sees nothing of yours from now on.`
                  : `You declined “${updated.cohort.name}”.`,
            );
            return load();
          })
          .catch((failure: Error) => announce(failure.message, true))
          .finally(() => {
            button.disabled = false;
          });
      });
      actions.push(button);
    };
    if (canAccept || membership.status === 'active') {
      actions.push(h('span', { class: 'check' }, coaching, h('label', { for: coachingId }, SHARE_COACHING_LABEL)));
    }
    if (membership.status === 'invited') {
      act('accept', 'Accept and share figures', 'small');
      act('decline', 'Decline', 'secondary small');
    } else if (membership.status === 'active') {
      act('leave', 'Leave programme', 'secondary small', `Leave “${membership.cohort.name}”? Its HR team will no longer see any figure of yours, in the table or in any total.`);
    } else if (membership.status === 'declined') {
      act('accept', 'Accept after all', 'secondary small');
    }
    const since =
      membership.status === 'active' && membership.respondedAt
        ? `sharing since ${longDate(membership.respondedAt.slice(0, 10))}`
        : membership.status === 'invited'
          ? `invited ${longDate(membership.invitedAt.slice(0, 10))}`
          : membership.status === 'left'
            ? `left ${membership.respondedAt ? longDate(membership.respondedAt.slice(0, 10)) : ''}`
            : `declined ${membership.respondedAt ? longDate(membership.respondedAt.slice(0, 10)) : ''}`;
    return h(
      'li',
      { class: `membership membership-${membership.status}`, 'data-cohort': membership.cohort.name },
      h('div', {}, h('strong', { class: 'membership-name' }, membership.cohort.name), h('span', { class: 'membership-meta' }, ` · run by ${hr} · ${since}`)),
      actions.length > 0 ? h('div', { class: 'actions' }, ...actions) : null,
    );
  }

  void load();
  return section;
}

/** The plain statement of what an HR team sees and never sees. */
function whatHrSees(): HTMLElement {
  return h(
    'div',
    { class: 'hr-consent', id: 'what-hr-sees' },
    h(
      'div',
      {},
      h('h3', {}, 'If you accept, the HR team sees'),
      h('ul', {}, ...HR_SEES.map((text) => h('li', {}, text))),
      h('h3', {}, `Only if you tick “${SHARE_COACHING_LABEL}”`),
      h('ul', {}, ...HR_SEES_IF_CHOSEN.map((text) => h('li', {}, text))),
    ),
    h('div', {}, h('h3', {}, 'They never see'), h('ul', {}, ...HR_NEVER_SEES.map((text) => h('li', {}, text)))),
    h('p', { class: 'panel-note hr-consent-note' }, HR_AGGREGATES),
  );
}
