import type { AppDatabase } from '../../server/db/open-database.ts';

/** Who a deletion is about: the account, the leader profile, the address (null/0 when absent). */
export interface PersonKey {
  userId: number | null;
  leaderId: number | null;
  email: string;
}

/**
 * For every table of the database: which of its rows belong to a person (an SQL condition with
 * the parameters :u, :l and :e). Written here, apart from the code that deletes, as the test's own
 * statement of what "everything keyed to them" means. A table missing here fails the test that
 * lists sqlite_master, so a table added later must say whose rows it holds.
 */
export const PERSON_ROWS: Record<string, string> = {
  users: 'id = :u',
  sessions: 'user_id = :u',
  leaders: 'id = :l',
  sources: 'leader_id = :l',
  imports: 'leader_id = :l',
  events: 'leader_id = :l',
  rules: 'leader_id = :l',
  manual_decisions: 'leader_id = :l',
  leader_quarter_figures: 'leader_id = :l',
  coach_grants: 'leader_id = :l or coach_user_id = :u or coach_email = :e',
  engagement_notes: 'author_user_id = :u or grant_id in (select id from coach_grants where leader_id = :l or coach_user_id = :u or coach_email = :e)',
  cohorts: 'owner_user_id = :u',
  cohort_members: 'leader_id = :l or email = :e or cohort_id in (select id from cohorts where owner_user_id = :u)',
  diagnostic_answers: 'user_id = :u',
  // Facts about the database itself: no one's.
  app_state: '0',
  __drizzle_migrations: '0',
};

/** Every table SQLite holds, read from sqlite_master (not from the schema file). */
export function allTables(db: AppDatabase): string[] {
  return (db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{ name: string }>).map((r) => r.name);
}

function params(person: PersonKey) {
  // -1 matches no id: a person without an account (or profile) owns no rows through it.
  return { u: person.userId ?? -1, l: person.leaderId ?? -1, e: person.email };
}

/** Rows per table: all of them, and the person's (a NULL column, as in a pending invitation, is nobody's match). */
export function countPersonRows(db: AppDatabase, person: PersonKey): Record<string, { all: number; theirs: number }> {
  const out: Record<string, { all: number; theirs: number }> = {};
  for (const table of allTables(db)) {
    const where = PERSON_ROWS[table];
    if (where === undefined) throw new Error(`test/support/person-rows.ts does not say whose rows "${table}" holds`);
    const all = (db.$client.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
    const theirs = (db.$client.prepare(`select count(*) as n from "${table}" where coalesce((${where}), 0)`).get(params(person)) as { n: number }).n;
    out[table] = { all, theirs };
  }
  return out;
}

/** Every row not the person's, whole, per table, in a stable order. */
export function othersRows(db: AppDatabase, person: PersonKey): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of allTables(db)) out[table] = db.$client.prepare(`select * from "${table}" where not coalesce((${PERSON_ROWS[table]}), 0) order by rowid`).all(params(person));
  return out;
}

/** Every row, per table. */
export function allRows(db: AppDatabase): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of allTables(db)) out[table] = db.$client.prepare(`select * from "${table}" order by rowid`).all();
  return out;
}
