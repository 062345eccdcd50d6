import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Condition, Reason } from '../../shared/rules.ts';
import type { Attendee, BusyStatus, Person } from '../domain/ics/calendar-event.ts';
import type { RejectedCount } from '../domain/ics/count-rejected.ts';
import type { ImportIssue } from '../domain/ics/import-issue.ts';
import type { LeaderSettings } from '../domain/leaders/leader-settings.ts';

// Times are stored as milliseconds since the epoch (UTC); all-day events keep their dates as
// written, because an all-day date is the same date in every zone.

export const leaders = sqliteTable('leaders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name'),
  /** IANA zone the leader's days are counted in; set from the first import when not given. */
  timeZone: text('time_zone'),
  settings: text('settings', { mode: 'json' }).$type<LeaderSettings>().notNull().default(sql`'{}'`),
  createdAt: integer('created_at').notNull(),
  /**
   * Raised by triggers (migration 0005) on every change to the leader's events, imports or
   * calendars, whoever writes them (the server, a CLI import beside it): a cached dashboard is
   * current exactly while the leader's row, this number included, is unchanged.
   */
  revision: integer('revision').notNull().default(0),
});

/** A calendar a leader imports from: their work calendar, a delegate's copy, an archive. */
export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => leaders.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('sources_leader_name').on(t.leaderId, t.name)],
);

export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => leaders.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    fileName: text('file_name'),
    fileSha256: text('file_sha256').notNull(),
    importedAt: integer('imported_at').notNull(),
    windowFrom: text('window_from').notNull(),
    windowTo: text('window_to').notNull(),
    /** The stretch of time the file covered; events of the source inside it and absent from the file were removed. */
    coveredFromMs: integer('covered_from_ms'),
    coveredToMs: integer('covered_to_ms'),
    calendarZone: text('calendar_zone').notNull(),
    blocks: integer('blocks').notNull(),
    instances: integer('instances').notNull(),
    added: integer('added').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    removed: integer('removed').notNull(),
    /** parsed = added + updated + unchanged + rejected.total; both null for imports made before they were counted. */
    parsed: integer('parsed'),
    rejected: text('rejected', { mode: 'json' }).$type<RejectedCount>(),
    issues: text('issues', { mode: 'json' }).$type<ImportIssue[]>().notNull(),
  },
  (t) => [index('imports_leader').on(t.leaderId, t.importedAt)],
);

export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => leaders.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    uid: text('uid').notNull(),
    /** '' for events that are not part of a series (SQLite unique indexes treat NULLs as distinct). */
    recurrenceId: text('recurrence_id').notNull(),
    isRecurring: integer('is_recurring', { mode: 'boolean' }).notNull(),
    allDay: integer('all_day', { mode: 'boolean' }).notNull(),
    /** Timed: the instants. All-day: the UTC midnights of the dates, for range queries only. */
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms').notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    zone: text('zone'),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    location: text('location').notNull(),
    organizer: text('organizer', { mode: 'json' }).$type<Person | null>(),
    attendees: text('attendees', { mode: 'json' }).$type<Attendee[]>().notNull(),
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status').$type<'confirmed' | 'tentative' | 'cancelled'>(),
    isTransparent: integer('is_transparent', { mode: 'boolean' }).notNull(),
    busyStatus: text('busy_status').$type<BusyStatus>(),
    /** Hash of everything above: tells an updated event from an unchanged one on re-import. */
    contentHash: text('content_hash').notNull(),
    category: text('category').notNull(),
    reason: text('reason', { mode: 'json' }).$type<Reason>().notNull(),
    isMeeting: integer('is_meeting', { mode: 'boolean' }).notNull(),
    firstImportId: integer('first_import_id').notNull(),
    lastImportId: integer('last_import_id').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('events_source_instance').on(t.sourceId, t.uid, t.recurrenceId),
    index('events_leader_start').on(t.leaderId, t.startMs),
    index('events_leader_uid').on(t.leaderId, t.uid),
  ],
);

export const rules = sqliteTable(
  'rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => leaders.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    match: text('match').$type<'all' | 'any'>().notNull(),
    conditions: text('conditions', { mode: 'json' }).$type<Condition[]>().notNull(),
    category: text('category').notNull(),
    exclusionReason: text('exclusion_reason'),
    stage: text('stage').$type<'exclusion' | 'classification'>().notNull(),
    position: integer('position').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('rules_leader').on(t.leaderId, t.position)],
);

/** A user's decision for one event (recurrence id as stored) or a whole series ('*'). */
export const manualDecisions = sqliteTable(
  'manual_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => leaders.id, { onDelete: 'cascade' }),
    uid: text('uid').notNull(),
    recurrenceId: text('recurrence_id').notNull(),
    category: text('category').notNull(),
    exclusionReason: text('exclusion_reason'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('manual_decisions_target').on(t.leaderId, t.uid, t.recurrenceId)],
);

/** Small facts about the database itself, such as which default rules placed its events. */
export const appState = sqliteTable('app_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// Accounts, consent and cohorts (who may see which leader's data). A leader's calendar data is
// theirs: coaches see it through a grant the leader can revoke; HR sees only derived figures, and
// only of leaders who joined one of its cohorts.

export const USER_ROLES = ['leader', 'coach', 'hr', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Lower-cased and trimmed; unique. */
  email: text('email').notNull().unique(),
  name: text('name'),
  role: text('role').$type<UserRole>().notNull(),
  /** `scrypt$N$r$p$salt$hash`. */
  passwordHash: text('password_hash').notNull(),
  /** The leader profile this account owns (leaders only). */
  leaderId: integer('leader_id')
    .unique()
    .references(() => leaders.id, { onDelete: 'set null' }),
  /**
   * Who created the account: `signup` (the person, on the web; the address is not verified),
   * `admin` (an administrator, web or CLI). The CLI does not import into a self-registered
   * leader's profile without --force: whoever signed up first with an address is not proof it is theirs.
   */
  origin: text('origin').$type<'signup' | 'admin'>().notNull().default('admin'),
  createdAt: integer('created_at').notNull(),
});

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const GRANT_STATUSES = ['invited', 'active', 'declined', 'revoked'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** A leader's consent for a coach to see their audit (and, with `canEdit`, to reclassify). */
export const coachGrants = sqliteTable(
  'coach_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => leaders.id, { onDelete: 'cascade' }),
    coachEmail: text('coach_email').notNull(),
    /** Set when the coach accepts. */
    coachUserId: integer('coach_user_id').references(() => users.id, { onDelete: 'cascade' }),
    canEdit: integer('can_edit', { mode: 'boolean' }).notNull(),
    /**
     * SHA-256 of the one-time code the leader passes to the coach. Accepting needs the code as well
     * as the address: addresses are not verified, so whoever signed up with it first is not the coach.
     */
    inviteCodeHash: text('invite_code_hash'),
    status: text('status').$type<GrantStatus>().notNull(),
    createdAt: integer('created_at').notNull(),
    respondedAt: integer('responded_at'),
    endedAt: integer('ended_at'),
  },
  (t) => [index('coach_grants_leader').on(t.leaderId), index('coach_grants_coach').on(t.coachEmail)],
);

/** Notes on a coaching engagement, visible to the coach and the client. */
export const engagementNotes = sqliteTable(
  'engagement_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    grantId: integer('grant_id')
      .notNull()
      .references(() => coachGrants.id, { onDelete: 'cascade' }),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('engagement_notes_grant').on(t.grantId, t.createdAt)],
);

/** A development programme's participants, as HR set it up. */
export const cohorts = sqliteTable('cohorts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ownerUserId: integer('owner_user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const MEMBERSHIP_STATUSES = ['invited', 'active', 'declined', 'left'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A leader's invitation to a cohort and, once accepted, their consent to share derived figures. */
export const cohortMembers = sqliteTable(
  'cohort_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cohortId: integer('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** Set when the leader accepts. */
    leaderId: integer('leader_id').references(() => leaders.id, { onDelete: 'cascade' }),
    status: text('status').$type<MembershipStatus>().notNull(),
    /** The leader also lets HR know whether they work with a coach through Altitude (their choice, off by default). */
    shareCoaching: integer('share_coaching', { mode: 'boolean' }).notNull().default(false),
    invitedAt: integer('invited_at').notNull(),
    respondedAt: integer('responded_at'),
  },
  (t) => [uniqueIndex('cohort_members_cohort_email').on(t.cohortId, t.email), index('cohort_members_leader').on(t.leaderId)],
);

/**
 * Derived figures per leader and calendar quarter, rewritten whenever the leader's events, rules,
 * decisions or settings change: what HR and the coach's client list read, so that a cohort of
 * hundreds never re-reads hundreds of thousands of events. Held versus scheduled planning days is
 * decided at read time from the dates, because it depends on today.
 */
export const leaderQuarterFigures = sqliteTable(
  'leader_quarter_figures',
  {
    leaderId: integer('leader_id')
      .notNull()
      .references(() => leaders.id, { onDelete: 'cascade' }),
    quarter: text('quarter').notNull(),
    timeZone: text('time_zone').notNull(),
    minutes: text('minutes', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    countedMinutes: real('counted_minutes').notNull(),
    /** Protected planning days of the quarter, YYYY-MM-DD in the leader's zone. */
    planningDates: text('planning_dates', { mode: 'json' }).$type<string[]>().notNull(),
    /** Events about talent reviews or succession in the quarter (the diagnostic's evidence). */
    talentEvents: integer('talent_events').notNull(),
    /** The first day the leader's calendar holds anything: earlier quarters are not judged. */
    dataStart: text('data_start'),
    computedAt: integer('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.leaderId, t.quarter] })],
);

/** One dated set of answers to the organisation diagnostic. */
export const diagnosticAnswers = sqliteTable(
  'diagnostic_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answers: text('answers', { mode: 'json' }).$type<Record<string, boolean>>().notNull(),
    note: text('note').notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [index('diagnostic_answers_user').on(t.userId, t.answeredAt)],
);
