import type Database from 'better-sqlite3';
import type { Reason } from '../../shared/rules.ts';
import type { EventContent } from '../services/event-rows.ts';

/**
 * The statements an import runs once per event, prepared once per connection. An import of a
 * year writes thousands of rows inside one transaction while the server waits for it; drizzle
 * builds each statement's SQL anew, which made the writes most of that wait. Values are stored
 * exactly as drizzle's schema stores them (booleans as 0/1, JSON columns as JSON text), so rows
 * written here and rows written through drizzle read alike.
 */
export interface EventStatements {
  insert: (row: StoredEvent) => void;
  /** New content and placement of an existing row. */
  update: (id: number, row: Omit<StoredEvent, 'leaderId' | 'sourceId' | 'firstImportId'>) => void;
  /** Same content: the new import's id, and the placement when it changed. */
  touch: (id: number, lastImportId: number, placement: Placed | null) => void;
  remove: (id: number) => void;
}

export interface Placed {
  category: string;
  reason: Reason;
  isMeeting: boolean;
}

export type StoredEvent = EventContent & Placed & { leaderId: number; sourceId: number; firstImportId: number; lastImportId: number; updatedAt: number };

const CONTENT_COLUMNS = `uid = @uid, recurrence_id = @recurrenceId, is_recurring = @isRecurring, all_day = @allDay, start_ms = @startMs,
  end_ms = @endMs, start_date = @startDate, end_date = @endDate, zone = @zone, summary = @summary, description = @description,
  location = @location, organizer = @organizer, attendees = @attendees, categories = @categories, status = @status,
  is_transparent = @isTransparent, busy_status = @busyStatus, content_hash = @contentHash, category = @category,
  reason = @reason, is_meeting = @isMeeting, last_import_id = @lastImportId, updated_at = @updatedAt`;

const cache = new WeakMap<Database.Database, EventStatements>();

export function eventStatements(sqlite: Database.Database): EventStatements {
  const known = cache.get(sqlite);
  if (known) return known;
  const insert = sqlite.prepare(
    `insert into events (leader_id, source_id, uid, recurrence_id, is_recurring, all_day, start_ms, end_ms, start_date, end_date, zone,
       summary, description, location, organizer, attendees, categories, status, is_transparent, busy_status, content_hash, category,
       reason, is_meeting, first_import_id, last_import_id, updated_at)
     values (@leaderId, @sourceId, @uid, @recurrenceId, @isRecurring, @allDay, @startMs, @endMs, @startDate, @endDate, @zone,
       @summary, @description, @location, @organizer, @attendees, @categories, @status, @isTransparent, @busyStatus, @contentHash, @category,
       @reason, @isMeeting, @firstImportId, @lastImportId, @updatedAt)`,
  );
  const update = sqlite.prepare(`update events set ${CONTENT_COLUMNS} where id = @id`);
  const touch = sqlite.prepare('update events set last_import_id = ? where id = ?');
  const replace = sqlite.prepare('update events set category = ?, reason = ?, is_meeting = ?, last_import_id = ? where id = ?');
  const remove = sqlite.prepare('delete from events where id = ?');
  const statements: EventStatements = {
    insert: (row) => void insert.run(toParams(row)),
    update: (id, row) => void update.run({ ...toParams(row), id }),
    touch: (id, lastImportId, placement) =>
      void (placement
        ? replace.run(placement.category, JSON.stringify(placement.reason), placement.isMeeting ? 1 : 0, lastImportId, id)
        : touch.run(lastImportId, id)),
    remove: (id) => void remove.run(id),
  };
  cache.set(sqlite, statements);
  return statements;
}

function toParams(row: Partial<StoredEvent> & EventContent & Placed): Record<string, unknown> {
  return {
    ...row,
    isRecurring: row.isRecurring ? 1 : 0,
    allDay: row.allDay ? 1 : 0,
    isTransparent: row.isTransparent ? 1 : 0,
    isMeeting: row.isMeeting ? 1 : 0,
    organizer: row.organizer === null ? null : JSON.stringify(row.organizer),
    attendees: JSON.stringify(row.attendees),
    categories: JSON.stringify(row.categories),
    reason: JSON.stringify(row.reason),
  };
}
