import type { Db } from '../db/open-database.ts';
import { coachGrants, cohortMembers, cohorts, diagnosticAnswers, engagementNotes, type GrantStatus, type MembershipStatus } from '../db/schema.ts';
import { hashInviteCode } from '../domain/coaching/invite-code.ts';
import type { User } from '../services/users.ts';
import { DEMO_COHORT_NAME, DEMO_INVITE_CODE } from './demo-accounts.ts';

const DAY_MS = 86_400_000;

/** The demo's accounts by e-mail, as created. */
export type DemoUsers = ReadonlyMap<string, User>;

const COACH = 'daniel.reyes@reyes-coaching.example';
const HR = 'priya.nair@northwind.example';
const MAYA = 'maya.okafor@northwind.example';

/**
 * Who asked the coach in, as leaders would have: days are counted back from now. Accepted grants
 * have used their code up; the open invitation has a known one, so the demo can accept it.
 */
const GRANTS: ReadonlyArray<{ leader: string; canEdit: boolean; status: GrantStatus; invitedDaysAgo: number; acceptedDaysAgo?: number; inviteCode?: string }> = [
  { leader: MAYA, canEdit: true, status: 'active', invitedDaysAgo: 70, acceptedDaysAgo: 69 },
  { leader: 'jonas.weber@northwind.example', canEdit: false, status: 'active', invitedDaysAgo: 40, acceptedDaysAgo: 38 },
  { leader: 'oliver.bennett@northwind.example', canEdit: false, status: 'invited', invitedDaysAgo: 2, inviteCode: DEMO_INVITE_CODE },
];

/** The coach and Maya writing on their engagement after sessions. */
const MAYA_NOTES: ReadonlyArray<{ author: string; daysAgo: number; body: string }> = [
  {
    author: COACH,
    daysAgo: 62,
    body: 'First session: Maya wants to move from running the weekly portfolio review herself to setting direction. Agreed goal: strategic time above 20% by the end of next quarter, and three protected planning days in it.',
  },
  {
    author: MAYA,
    daysAgo: 34,
    body: 'Handed the Monday status round to my two senior managers; kept the Thursday strategy block free for four weeks in a row.',
  },
  {
    author: COACH,
    daysAgo: 27,
    body: 'Compared the last two months with the quarter before: operational time is down, cross-functional steady. Next: book next quarter’s planning days now, before the calendar fills.',
  },
];

/**
 * HR's cohort: most accepted (sharing derived figures only), one has not answered, one declined.
 * Of those who accepted, all but two also let HR know whether they work with a coach.
 */
const COHORT: ReadonlyArray<{ leader: string; status: MembershipStatus; respondedDaysAgo?: number; shareCoaching?: boolean }> = [
  { leader: MAYA, status: 'active', respondedDaysAgo: 88, shareCoaching: true },
  { leader: 'jonas.weber@northwind.example', status: 'active', respondedDaysAgo: 87, shareCoaching: true },
  { leader: 'amelie.laurent@northwind.example', status: 'active', respondedDaysAgo: 86, shareCoaching: false },
  { leader: 'lucia.fernandez@northwind.example', status: 'active', respondedDaysAgo: 86, shareCoaching: true },
  { leader: 'oliver.bennett@northwind.example', status: 'active', respondedDaysAgo: 80, shareCoaching: true },
  { leader: 'grace.tan@northwind.example', status: 'active', respondedDaysAgo: 85, shareCoaching: true },
  { leader: 'marcus.johnson@northwind.example', status: 'active', respondedDaysAgo: 84, shareCoaching: false },
  { leader: 'sophie.schneider@northwind.example', status: 'active', respondedDaysAgo: 83, shareCoaching: true },
  { leader: 'wei.ling.chen@northwind.example', status: 'active', respondedDaysAgo: 79, shareCoaching: true },
  { leader: 'hannah.clarke@northwind.example', status: 'active', respondedDaysAgo: 76, shareCoaching: true },
  { leader: 'javier.morales@northwind.example', status: 'declined', respondedDaysAgo: 85 },
  { leader: 'camille.dubois@northwind.example', status: 'invited' },
];
const COHORT_CREATED_DAYS_AGO = 90;

/** Ids of /work/shared/DIAGNOSTIC.md. Two answer sets: before the programme, and now. */
const DIAGNOSTICS: ReadonlyArray<{ daysAgo: number; note: string; checked: readonly string[] }> = [
  {
    daysAgo: 190,
    note: 'Baseline before the Leading Leaders programme.',
    checked: ['role-definition', 'promotion-criteria', 'capability-plan'],
  },
  {
    daysAgo: 12,
    note: 'After the first quarter of Leading Leaders 2026: programme, onboarding and skip-level reviews in place; planning time still missing.',
    checked: ['dedicated-programme', 'role-definition', 'expectations-communicated', 'promotion-criteria', 'transition-support', 'capability-plan', 'executive-feedback-loop'],
  },
];
export const DIAGNOSTIC_IDS = [
  'dedicated-programme', 'role-definition', 'expectations-communicated', 'strategy-translation', 'promotion-criteria',
  'transition-support', 'leadership-quality', 'protected-planning-time', 'capability-plan', 'executive-feedback-loop',
] as const;

function user(users: DemoUsers, email: string): User {
  const found = users.get(email);
  if (!found) throw new Error(`the demo has no account ${email}`);
  return found;
}

function leaderIdOf(users: DemoUsers, email: string): number {
  const leaderId = user(users, email).leaderId;
  if (leaderId === null) throw new Error(`the demo account ${email} owns no leader profile`);
  return leaderId;
}

/**
 * Grants, notes, the cohort and the diagnostics as the users would have made them. Written as
 * rows because it is history (dates in the past), not requests made now.
 */
export function seedDemoConsent(tx: Db, users: DemoUsers, nowMs: number): void {
  const ago = (days: number) => nowMs - days * DAY_MS;
  const coach = user(users, COACH);
  const hr = user(users, HR);

  for (const grant of GRANTS) {
    const accepted = grant.acceptedDaysAgo !== undefined;
    const row = tx
      .insert(coachGrants)
      .values({
        leaderId: leaderIdOf(users, grant.leader),
        coachEmail: coach.email,
        coachUserId: accepted ? coach.id : null,
        canEdit: grant.canEdit,
        inviteCodeHash: grant.inviteCode === undefined ? null : hashInviteCode(grant.inviteCode),
        status: grant.status,
        createdAt: ago(grant.invitedDaysAgo),
        respondedAt: accepted ? ago(grant.acceptedDaysAgo!) : null,
      })
      .returning()
      .get();
    if (grant.leader !== MAYA) continue;
    for (const note of MAYA_NOTES) {
      tx.insert(engagementNotes).values({ grantId: row.id, authorUserId: user(users, note.author).id, body: note.body, createdAt: ago(note.daysAgo) }).run();
    }
  }

  const cohort = tx.insert(cohorts).values({ ownerUserId: hr.id, name: DEMO_COHORT_NAME, createdAt: ago(COHORT_CREATED_DAYS_AGO) }).returning().get();
  for (const member of COHORT) {
    tx.insert(cohortMembers)
      .values({
        cohortId: cohort.id,
        email: member.leader,
        leaderId: member.status === 'active' ? leaderIdOf(users, member.leader) : null,
        status: member.status,
        invitedAt: ago(COHORT_CREATED_DAYS_AGO),
        respondedAt: member.respondedDaysAgo === undefined ? null : ago(member.respondedDaysAgo),
        shareCoaching: member.shareCoaching ?? false,
      })
      .run();
  }

  for (const set of DIAGNOSTICS) {
    const answers = Object.fromEntries(DIAGNOSTIC_IDS.map((id) => [id, set.checked.includes(id)]));
    tx.insert(diagnosticAnswers).values({ userId: hr.id, answers, note: set.note, answeredAt: ago(set.daysAgo) }).run();
  }
}
