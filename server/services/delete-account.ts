import { eq, inArray, or, type SQL } from 'drizzle-orm';
import type { AppDatabase, Db } from '../db/open-database.ts';
import { writeTransaction } from '../db/write-transaction.ts';
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
import type { Person } from './account-person.ts';
import { ServiceError } from './service-error.ts';
import { countAdmins } from './users.ts';

/** Rows removed, per table (SQL table names). */
export type DeletedRows = Record<string, number>;

/**
 * Removes a person and everything keyed to them, in one transaction:
 * - their account and its sessions;
 * - their leader profile with its calendars, imports, events, decisions, rules and quarter figures;
 * - every coaching engagement they are part of (as the leader, as the coach who accepted, or as
 *   the address an invitation was sent to) with all of its notes, whoever wrote them: the notes
 *   are about that engagement, and the engagement ends with either side;
 * - notes they wrote anywhere;
 * - their cohort memberships (accepted, or invitations to their address), and, for HR, the cohorts
 *   they own with every membership in them, and their diagnostic answers.
 * Rows of other people that only mention them in passing (an import report naming an attendee) stay.
 * The last administrator cannot be deleted: no one could then manage the accounts.
 */
export function deleteAccount(db: AppDatabase, person: Person): DeletedRows {
  return writeTransaction(db, (tx) => {
    if (person.user?.role === 'admin' && countAdmins(tx) <= 1) {
      throw new ServiceError(409, 'last-administrator', 'This is the only administrator account; create another administrator before deleting it.');
    }
    return removePersonRows(tx, person);
  });
}

function removePersonRows(tx: Db, person: Person): DeletedRows {
  const userId = person.user?.id ?? null;
  const leaderId = person.leader?.id ?? null;
  const any = (...conditions: Array<SQL | false>) => or(...conditions.filter((c): c is SQL => c !== false));

  const grantIds = tx
    .select({ id: coachGrants.id })
    .from(coachGrants)
    .where(any(leaderId !== null && eq(coachGrants.leaderId, leaderId), userId !== null && eq(coachGrants.coachUserId, userId), eq(coachGrants.coachEmail, person.email)))
    .all()
    .map((row) => row.id);
  const cohortIds = userId === null ? [] : tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.ownerUserId, userId)).all().map((row) => row.id);

  const deleted: DeletedRows = {};
  const remove = (name: string, count: number) => {
    deleted[name] = (deleted[name] ?? 0) + count;
  };
  const notesWhere = any(grantIds.length > 0 && inArray(engagementNotes.grantId, grantIds), userId !== null && eq(engagementNotes.authorUserId, userId));
  if (notesWhere) remove('engagement_notes', tx.delete(engagementNotes).where(notesWhere).run().changes);
  remove(
    'cohort_members',
    tx
      .delete(cohortMembers)
      .where(any(cohortIds.length > 0 && inArray(cohortMembers.cohortId, cohortIds), leaderId !== null && eq(cohortMembers.leaderId, leaderId), eq(cohortMembers.email, person.email)))
      .run().changes,
  );
  if (grantIds.length > 0) remove('coach_grants', tx.delete(coachGrants).where(inArray(coachGrants.id, grantIds)).run().changes);
  if (cohortIds.length > 0) remove('cohorts', tx.delete(cohorts).where(inArray(cohorts.id, cohortIds)).run().changes);
  if (userId !== null) {
    remove('diagnostic_answers', tx.delete(diagnosticAnswers).where(eq(diagnosticAnswers.userId, userId)).run().changes);
    remove('sessions', tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes);
    remove('users', tx.delete(users).where(eq(users.id, userId)).run().changes);
  }
  if (leaderId !== null) {
    remove('leader_quarter_figures', tx.delete(leaderQuarterFigures).where(eq(leaderQuarterFigures.leaderId, leaderId)).run().changes);
    remove('events', tx.delete(events).where(eq(events.leaderId, leaderId)).run().changes);
    remove('manual_decisions', tx.delete(manualDecisions).where(eq(manualDecisions.leaderId, leaderId)).run().changes);
    remove('rules', tx.delete(rules).where(eq(rules.leaderId, leaderId)).run().changes);
    remove('imports', tx.delete(imports).where(eq(imports.leaderId, leaderId)).run().changes);
    remove('sources', tx.delete(sources).where(eq(sources.leaderId, leaderId)).run().changes);
    remove('leaders', tx.delete(leaders).where(eq(leaders.id, leaderId)).run().changes);
  }
  return deleted;
}
