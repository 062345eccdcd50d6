import { z } from 'zod';
import { DIAGNOSTIC_IDS, type DiagnosticBand, type DiagnosticId, type DiagnosticStatement } from './diagnostic.ts';

/** Requests and answers of HR's cohort API and the leader's memberships, shared by server and web. */

const id = z.coerce.number().int().positive();

export const cohortParams = z.object({ cohortId: id }).strict();
export const memberParams = z.object({ cohortId: id, memberId: id }).strict();
export const membershipParams = z.object({ memberId: id }).strict();

export const cohortBody = z.object({ name: z.string().trim().min(1, 'a name is needed').max(200) }).strict();

export const MAX_INVITATIONS = 1000;
export const invitationsBody = z
  .object({ emails: z.array(z.string().max(320)).min(1, 'at least one e-mail address').max(MAX_INVITATIONS, `at most ${MAX_INVITATIONS} addresses at once`) })
  .strict();

const quarterField = z
  .string()
  .regex(/^(19[7-9]\d|2[01]\d\d|2200)-Q[1-4]$/, 'a quarter written YYYY-Qn, such as 2026-Q1');

export const COMPLIANCE_SORT_KEYS = ['name', 'email', 'strategic-share', 'counted-hours', 'planning-days', 'talent-reviews', 'flags'] as const;
export type ComplianceSortKey = (typeof COMPLIANCE_SORT_KEYS)[number];
/** A key, or the key with a leading "-" for descending order. */
export type ComplianceSort = ComplianceSortKey | `-${ComplianceSortKey}`;
export const COMPLIANCE_SORT_VALUES = COMPLIANCE_SORT_KEYS.flatMap((key) => [key, `-${key}` as const]) as [ComplianceSort, ...ComplianceSort[]];

export const complianceQuery = z
  .object({
    quarter: quarterField.optional(),
    flagged: z.enum(['only', 'all']).default('all'),
    sort: z.enum(COMPLIANCE_SORT_VALUES).default('name'),
  })
  .strict();

/** Accepting may carry the leader's choice about coaching; none given is "no". */
export const acceptMembershipBody = z.object({ shareCoaching: z.boolean().optional() }).strict();
/** The one thing a member may change about a membership they hold. */
export const membershipChangeBody = z.object({ shareCoaching: z.boolean() }).strict();

export const chartsQuery = z.object({ quarter: quarterField.optional() }).strict();

export const diagnosticAnswersBody = z
  .object({
    answers: z.object(Object.fromEntries(DIAGNOSTIC_IDS.map((key) => [key, z.boolean()])) as Record<DiagnosticId, z.ZodBoolean>).strict(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

/** What a leader shares with HR on joining a cohort, and what never leaves their account. */
export const HR_SEES = [
  'your name and e-mail address',
  'the first day of your calendar data (quarters before it are not judged)',
  'your share of time per category (strategic, operational, developmental, cross-functional, organisational planning, unclassified) per quarter',
  'your counted work hours per quarter',
  'how many protected planning days you held and have scheduled per quarter',
  'how many talent review, succession or calibration meetings your calendar holds per quarter (a number found from the titles; never the titles)',
  'whether the two flags are raised (strategic share under target, too few planning days)',
] as const;
/** The label of the box a leader ticks to share whether they work with a coach. */
export const SHARE_COACHING_LABEL = 'Let HR know whether I work with a coach through Altitude';
/** Shared only while that box is ticked (off unless the leader ticks it). */
export const HR_SEES_IF_CHOSEN = [
  'whether you work with a coach through Altitude today (yes or no; never who the coach is or anything of your sessions)',
] as const;
export const HR_NEVER_SEES = [
  'your events: their titles, descriptions, places, times or attendees',
  'your rules and your decisions on single events',
  'whether you work with a coach, unless you tick the box to tell them; who your coach is and your notes, ever',
  'anything about you once you leave the programme (from the next page they load)',
] as const;
export const HR_AGGREGATES =
  'Figures about the programme as a whole (medians, distributions, how many held a talent review, how many of those who share it work with a coach) are shown only for groups of at least 5 people.';

export type MembershipStatus = 'invited' | 'active' | 'declined' | 'left';

export interface CohortSummary {
  id: number;
  name: string;
  createdAt: string;
  counts: Record<MembershipStatus, number>;
}

export interface CohortMemberView {
  id: number;
  email: string;
  status: MembershipStatus;
  /** Shown only while the leader is an active member. */
  name: string | null;
  invitedAt: string;
  respondedAt: string | null;
}

export interface InvitationResult {
  invited: string[];
  alreadyInvited: string[];
  invalid: string[];
}

export interface MembershipView {
  id: number;
  cohort: { id: number; name: string };
  hr: { name: string | null; email: string };
  status: MembershipStatus;
  invitedAt: string;
  respondedAt: string | null;
  /** The leader lets this cohort's HR team know whether they work with a coach. */
  shareCoaching: boolean;
  shares: { sees: readonly string[]; ifChosen: readonly string[]; neverSees: readonly string[]; aggregates: string };
}

export type ComplianceFlagCode = 'low-strategic-share' | 'missing-planning-days';

/** Whether a member works with a coach today, only for members who chose to share it. */
export type CoachingStatus = 'coached' | 'not-coached' | 'not-shared';

/** A row of HR's compliance table: derived figures only, never an event. */
export interface ComplianceRowView {
  memberId: number;
  name: string | null;
  email: string;
  quarter: string;
  /** False when the leader's calendar holds no counted work time in the quarter. */
  hasData: boolean;
  strategicShare: number | null;
  countedHours: number | null;
  planningHeld: number | null;
  planningScheduled: number | null;
  planningTarget: number;
  strategicTarget: number;
  /** Talent review, succession and calibration meetings in the quarter (null: no data). */
  talentReviews: number | null;
  flags: Array<{ code: ComplianceFlagCode; message: string }>;
  dataStart: string | null;
  /** Today's status, not the quarter's: HR sees it only while the member shares it. */
  coaching: CoachingStatus;
}

export interface ComplianceView {
  cohort: { id: number; name: string };
  quarter: string;
  currentQuarter: string;
  sort: ComplianceSort;
  flagged: 'only' | 'all';
  /** Over all active members, whatever the filter. */
  counts: { active: number; withData: number; noData: number; flagged: number };
  rows: ComplianceRowView[];
}

export type Hidden = 'fewer-than-k' | 'difference' | 'no-data';

export interface ChartsView {
  cohort: { id: number; name: string };
  quarter: string;
  minGroup: number;
  threshold: number;
  distribution: {
    quarter: string;
    suppression: Hidden | null;
    people: number | null;
    buckets: Array<{ from: number; to: number | null; count: number }>;
    below: number | null;
    median: number | null;
  };
  planningTarget: Array<{ quarter: string; suppression: Hidden | null; people: number | null; meeting: number | null; share: number | null }>;
  trend: Array<{ quarter: string; suppression: Hidden | null; people: number | null; median: number | null; mean: number | null }>;
}

export type EvidenceView =
  | { kind: 'shown'; text: string; value: number | null; people: number | null; quarter: string | null }
  | { kind: 'hidden'; text: string; suppression: Hidden; quarter: string | null };

export interface DiagnosticEntryView {
  id: number;
  answeredAt: string;
  answers: Record<DiagnosticId, boolean>;
  note: string;
  score: number;
  band: DiagnosticBand;
}

export interface DiagnosticView {
  statements: readonly DiagnosticStatement[];
  latest: DiagnosticEntryView | null;
  history: DiagnosticEntryView[];
  evidence: Partial<Record<DiagnosticId, EvidenceView>>;
  minGroup: number;
}
