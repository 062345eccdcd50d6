import type { GrantStatus } from '../../../shared/coaching.ts';

/**
 * What each side may do with a coach grant. The leader invites and revokes (an invitation or an
 * engagement); the coach accepts or declines an invitation and may end an engagement. An ended
 * grant (declined, revoked) never comes back: a new invitation makes a new grant, so the record
 * of who could see what, and when, stays whole.
 */
export type GrantAction = 'accept' | 'decline' | 'revoke' | 'end';

const TRANSITIONS: Record<GrantAction, { from: readonly GrantStatus[]; to: GrantStatus }> = {
  accept: { from: ['invited'], to: 'active' },
  decline: { from: ['invited'], to: 'declined' },
  revoke: { from: ['invited', 'active'], to: 'revoked' },
  end: { from: ['active'], to: 'revoked' },
};

/** Statuses that still give (or may come to give) the coach access. */
export const OPEN_GRANT_STATUSES: readonly GrantStatus[] = ['invited', 'active'];

export function isGrantOpen(status: GrantStatus): boolean {
  return OPEN_GRANT_STATUSES.includes(status);
}

/** The status after `action`, or null when the grant's status does not allow it. */
export function nextGrantStatus(status: GrantStatus, action: GrantAction): GrantStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** A coach's DELETE: declining an invitation, or ending an engagement. */
export function coachWithdrawal(status: GrantStatus): GrantAction {
  return status === 'invited' ? 'decline' : 'end';
}

/** Why an action cannot be taken, in words for the person who tried. */
export function describeRefusal(status: GrantStatus, action: GrantAction): string {
  const state: Record<GrantStatus, string> = {
    invited: 'is still an open invitation',
    active: 'is already active',
    declined: 'was declined',
    revoked: 'has ended',
  };
  const verb: Record<GrantAction, string> = { accept: 'accepted', decline: 'declined', revoke: 'revoked', end: 'ended' };
  return `This grant ${state[status]}, so it cannot be ${verb[action]}.`;
}
