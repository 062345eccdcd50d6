import type { ClientView, Comparison, GrantView, IssuedInvitationView, NoteView } from '../../shared/coaching.ts';
import { call } from './api.ts';

export type { ClientFigures, ClientView, ComparedCategory, ComparedPeriod, Comparison, GrantStatus, GrantView, IssuedInvitationView, NoteView } from '../../shared/coaching.ts';

const leaderPath = (leaderId: number) => `/api/leaders/${leaderId}`;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The coaching API: grants (the leader's consent), the coach's clients, notes, comparison, CSV. */
export const coachApi = {
  grants: () => call<{ grants: GrantView[] }>('GET', '/api/grants').then((r) => r.grants),
  /** The answer holds the invitation code: the only time it can be read. */
  invite: (coachEmail: string, canEdit: boolean) => call<IssuedInvitationView>('POST', '/api/grants', { coachEmail, canEdit }),
  /** A new code for an open invitation; the old one stops working. */
  newCode: (grantId: number) => call<IssuedInvitationView>('POST', `/api/grants/${grantId}/code`),
  setCanEdit: (grantId: number, canEdit: boolean) => call<{ grant: GrantView }>('PATCH', `/api/grants/${grantId}`, { canEdit }).then((r) => r.grant),
  /** The leader revokes; the coach declines an invitation or ends an engagement. */
  endGrant: (grantId: number) => call<{ grant: GrantView }>('DELETE', `/api/grants/${grantId}`).then((r) => r.grant),
  accept: (grantId: number, code: string) => call<{ grant: GrantView }>('POST', `/api/grants/${grantId}/accept`, { code }).then((r) => r.grant),
  decline: (grantId: number) => call<{ grant: GrantView }>('POST', `/api/grants/${grantId}/decline`).then((r) => r.grant),
  clients: () => call<{ clients: ClientView[]; pendingInvitations: number }>('GET', '/api/coach/clients'),
  notes: (leaderId: number) => call<{ notes: NoteView[] }>('GET', `${leaderPath(leaderId)}/notes`).then((r) => r.notes),
  addNote: (leaderId: number, body: string, grantId?: number) =>
    call<{ note: NoteView }>('POST', `${leaderPath(leaderId)}/notes`, grantId === undefined ? { body } : { body, grantId }).then((r) => r.note),
  deleteNote: (leaderId: number, noteId: number) => call<void>('DELETE', `${leaderPath(leaderId)}/notes/${noteId}`),
  compare: (leaderId: number, a: { from: string; to: string }, b: { from: string; to: string }) =>
    call<{ comparison: Comparison }>('GET', `${leaderPath(leaderId)}/compare${query({ aFrom: a.from, aTo: a.to, bFrom: b.from, bTo: b.to })}`).then(
      (r) => r.comparison,
    ),
};

/** Where the period's events download as CSV (a plain link: the browser saves the file). */
export function eventsCsvUrl(leaderId: number, period: { from: string; to: string }): string {
  return `${leaderPath(leaderId)}/events.csv${query({ from: period.from, to: period.to })}`;
}
