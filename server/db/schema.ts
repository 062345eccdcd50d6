import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Condition, Reason } from '../../shared/rules.ts';
import type { Attendee, BusyStatus, Person } from '../domain/ics/calendar-event.ts';
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
