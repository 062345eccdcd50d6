import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import {
  coachGrants,
  cohortMembers,
  cohorts,
  diagnosticAnswers,
  engagementNotes,
  events,
  imports,
  leaderQuarterFigures,
  leaders,
  manualDecisions,
  rules,
  sessions,
  sources,
  users,
} from '../db/schema.ts';
import { toExportRow } from '../domain/export/export-row.ts';
import type { Person } from './account-person.ts';

export const EXPORT_FORMAT = 'altitude-account-export';
export const EXPORT_VERSION = 1;

/** What the export leaves out on purpose, said in the file itself. */
export const NOT_EXPORTED = [
  'The password hash: it is a secret derived from your password, and useless to you.',
  'Session tokens and CSRF tokens: only a hash of each session token is stored; your sessions are listed by their dates.',
  'Coach invitation codes: only their hashes are stored, and a code works once.',
];

const who = (id: number | null, people: Map<number, { email: string; name: string | null }>) => (id === null ? null : (people.get(id) ?? null));

/**
 * Everything Altitude holds about a person, as plain JSON: the account, the leader profile with
 * every stored event (all columns), the import history with reports, decisions, rules, quarter
 * figures, coaching engagements and their notes, cohort memberships and consent, and, for coaches
 * and HR, what they authored. Keyed like the deletion (delete-account.ts), so that what is
 * exported is what a deletion removes.
 */
export function buildAccountExport(db: Db, person: Person, nowMs: number) {
  const userId = person.user?.id ?? null;
  const leaderId = person.leader?.id ?? null;
  const people = new Map(db.select({ id: users.id, email: users.email, name: users.name }).from(users).all().map((u) => [u.id, { email: u.email, name: u.name }]));
  const ofLeader = <T>(read: (id: number) => T[]): T[] => (leaderId === null ? [] : read(leaderId));
  const ofUser = <T>(read: (id: number) => T[]): T[] => (userId === null ? [] : read(userId));

  const leaderGrants = ofLeader((id) => db.select().from(coachGrants).where(eq(coachGrants.leaderId, id)).orderBy(asc(coachGrants.id)).all());
  const coachingGrants = db
    .select({ grant: coachGrants, leaderEmail: leaders.email, leaderName: leaders.name })
    .from(coachGrants)
    .innerJoin(leaders, eq(leaders.id, coachGrants.leaderId))
    .where(userId === null ? eq(coachGrants.coachEmail, person.email) : or(eq(coachGrants.coachUserId, userId), eq(coachGrants.coachEmail, person.email)))
    .orderBy(asc(coachGrants.id))
    .all()
    .filter((row) => row.grant.leaderId !== leaderId);
  const engagementIds = [...leaderGrants.map((g) => g.id), ...coachingGrants.map((r) => r.grant.id)];
  const notes = db
    .select()
    .from(engagementNotes)
    .where(
      userId === null
        ? inArray(engagementNotes.grantId, engagementIds)
        : or(inArray(engagementNotes.grantId, engagementIds), eq(engagementNotes.authorUserId, userId)),
    )
    .orderBy(asc(engagementNotes.id))
    .all();
  const memberships = db
    .select({ member: cohortMembers, cohortName: cohorts.name, ownerUserId: cohorts.ownerUserId })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(leaderId === null ? eq(cohortMembers.email, person.email) : or(eq(cohortMembers.leaderId, leaderId), eq(cohortMembers.email, person.email)))
    .orderBy(asc(cohortMembers.id))
    .all();
  const ownCohorts = ofUser((id) => db.select().from(cohorts).where(eq(cohorts.ownerUserId, id)).orderBy(asc(cohorts.id)).all());
  const ownCohortMembers = ownCohorts.length === 0 ? [] : db.select().from(cohortMembers).where(inArray(cohortMembers.cohortId, ownCohorts.map((c) => c.id))).orderBy(asc(cohortMembers.id)).all();

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    email: person.email,
    notIncluded: NOT_EXPORTED,
    account: person.user ? toExportRow(person.user, ['passwordHash']) : null,
    sessions: ofUser((id) => db.select().from(sessions).where(eq(sessions.userId, id)).orderBy(asc(sessions.createdAt)).all()).map((s) => toExportRow(s, ['id', 'csrfToken', 'userId'])),
    leaderProfile: person.leader ? toExportRow(person.leader) : null,
    sources: ofLeader((id) => db.select().from(sources).where(eq(sources.leaderId, id)).orderBy(asc(sources.id)).all()).map((r) => toExportRow(r)),
    imports: ofLeader((id) => db.select().from(imports).where(eq(imports.leaderId, id)).orderBy(asc(imports.id)).all()).map((r) => toExportRow(r)),
    events: ofLeader((id) => db.select().from(events).where(eq(events.leaderId, id)).orderBy(asc(events.startMs), asc(events.id)).all()).map((r) => toExportRow(r)),
    manualDecisions: ofLeader((id) => db.select().from(manualDecisions).where(eq(manualDecisions.leaderId, id)).orderBy(asc(manualDecisions.id)).all()).map((r) => toExportRow(r)),
    rules: ofLeader((id) => db.select().from(rules).where(eq(rules.leaderId, id)).orderBy(asc(rules.position), asc(rules.id)).all()).map((r) => toExportRow(r)),
    /** The derived figures per quarter; HR reads them only while a membership below is `active`. */
    quarterFigures: ofLeader((id) => db.select().from(leaderQuarterFigures).where(eq(leaderQuarterFigures.leaderId, id)).orderBy(asc(leaderQuarterFigures.quarter)).all()).map((r) =>
      toExportRow(r),
    ),
    /** The coaches this leader invited: who, when, with what rights, and what became of it. */
    coachGrants: leaderGrants.map((g) => ({ ...toExportRow(g, ['inviteCodeHash']), coach: who(g.coachUserId, people) })),
    /** The leaders this person coaches or was invited to coach. */
    coachingEngagements: coachingGrants.map(({ grant, leaderEmail, leaderName }) => ({
      ...toExportRow(grant, ['inviteCodeHash']),
      leader: { email: leaderEmail, name: leaderName },
    })),
    /** Notes of those engagements (either side's), and notes this person wrote. */
    engagementNotes: notes.map((n) => ({ ...toExportRow(n), author: who(n.authorUserId, people) })),
    /** HR programmes that invited this address, with the leader's answer and consent. */
    cohortMemberships: memberships.map(({ member, cohortName, ownerUserId }) => ({
      ...toExportRow(member),
      cohortName,
      hr: who(ownerUserId, people),
      sharesQuarterFigures: member.status === 'active',
    })),
    /** HR: the cohorts this person set up, with who was invited. */
    cohorts: ownCohorts.map((c) => ({ ...toExportRow(c), members: ownCohortMembers.filter((m) => m.cohortId === c.id).map((m) => toExportRow(m)) })),
    diagnosticAnswers: ofUser((id) => db.select().from(diagnosticAnswers).where(eq(diagnosticAnswers.userId, id)).orderBy(asc(diagnosticAnswers.id)).all()).map((r) => toExportRow(r)),
  };
}

export type AccountExport = ReturnType<typeof buildAccountExport>;

/** The file name a download gets: altitude-export-2026-03-20.json. */
export function exportFileName(nowMs: number): string {
  return `altitude-export-${new Date(nowMs).toISOString().slice(0, 10)}.json`;
}
