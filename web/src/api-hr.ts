import type {
  ChartsView,
  CohortMemberView,
  CohortSummary,
  ComplianceView,
  DiagnosticEntryView,
  DiagnosticView,
  InvitationResult,
  MembershipView,
} from '../../shared/cohorts-api.ts';
import type { DiagnosticId } from '../../shared/diagnostic.ts';
import { call } from './api.ts';

export type { ChartsView, CohortMemberView, CohortSummary, ComplianceView, DiagnosticEntryView, DiagnosticView, InvitationResult, MembershipView };
export type ComplianceSortValue = ComplianceView['sort'];

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export interface ComplianceParams {
  quarter?: string;
  flagged?: 'only' | 'all';
  sort?: ComplianceSortValue;
}

/** The CSV download's address: the same query as the table. */
export function complianceCsvUrl(cohortId: number, params: ComplianceParams): string {
  return `/api/cohorts/${cohortId}/compliance.csv${query({ quarter: params.quarter, flagged: params.flagged, sort: params.sort })}`;
}

/** HR's cohorts, compliance, charts and diagnostic; the leader's memberships. */
export const hrApi = {
  cohorts: () => call<{ cohorts: CohortSummary[] }>('GET', '/api/cohorts').then((r) => r.cohorts),
  createCohort: (name: string) => call<{ cohort: CohortSummary }>('POST', '/api/cohorts', { name }).then((r) => r.cohort),
  renameCohort: (cohortId: number, name: string) => call<{ cohort: CohortSummary }>('PATCH', `/api/cohorts/${cohortId}`, { name }).then((r) => r.cohort),
  deleteCohort: (cohortId: number) => call<void>('DELETE', `/api/cohorts/${cohortId}`),
  members: (cohortId: number) => call<{ members: CohortMemberView[] }>('GET', `/api/cohorts/${cohortId}/members`).then((r) => r.members),
  invite: (cohortId: number, emails: string[]) => call<InvitationResult>('POST', `/api/cohorts/${cohortId}/invitations`, { emails }),
  removeMember: (cohortId: number, memberId: number) => call<void>('DELETE', `/api/cohorts/${cohortId}/members/${memberId}`),
  compliance: (cohortId: number, params: ComplianceParams) =>
    call<ComplianceView>('GET', `/api/cohorts/${cohortId}/compliance${query({ quarter: params.quarter, flagged: params.flagged, sort: params.sort })}`),
  charts: (cohortId: number, quarter?: string) => call<ChartsView>('GET', `/api/cohorts/${cohortId}/charts${query({ quarter })}`),
  diagnostic: () => call<DiagnosticView>('GET', '/api/diagnostic'),
  answerDiagnostic: (answers: Record<DiagnosticId, boolean>, note: string) =>
    call<{ entry: DiagnosticEntryView }>('POST', '/api/diagnostic/answers', { answers, ...(note ? { note } : {}) }).then((r) => r.entry),
  memberships: () => call<{ memberships: MembershipView[] }>('GET', '/api/memberships').then((r) => r.memberships),
  respond: (memberId: number, action: 'accept' | 'decline' | 'leave', choice?: { shareCoaching: boolean }) =>
    call<{ membership: MembershipView }>('POST', `/api/memberships/${memberId}/${action}`, action === 'accept' ? choice : undefined).then((r) => r.membership),
  setShareCoaching: (memberId: number, shareCoaching: boolean) =>
    call<{ membership: MembershipView }>('PATCH', `/api/memberships/${memberId}`, { shareCoaching }).then((r) => r.membership),
};

/** Splits a pasted list (lines, commas, semicolons, "Name <address>") into addresses to send. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((part) => {
      const angle = /<([^>]+)>/.exec(part);
      return (angle ? angle[1]! : part).trim();
    })
    .filter((part) => part !== '');
}
