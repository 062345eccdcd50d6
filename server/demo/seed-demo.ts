import type { AppDatabase } from '../db/open-database.ts';
import { importCalendar } from '../services/import-calendar.ts';
import { createLeader, listLeaders } from '../services/leaders.ts';
import { generateLeaderCalendar } from './generate-calendar.ts';

export const DEMO_LEADER = { email: 'maya.okafor@northwind.example', name: 'Maya Okafor', timeZone: 'Europe/Berlin' };

/**
 * Loads a demo leader into an empty database, so that a newcomer sees a real audit at once:
 * a generated year of a Leader of Leaders' calendar, imported through the real import path.
 * Does nothing when the database already holds a leader.
 */
export function seedDemo(db: AppDatabase, nowMs: number): boolean {
  if (listLeaders(db).length > 0) return false;
  const leader = createLeader(db, DEMO_LEADER, nowMs);
  const text = generateLeaderCalendar({ seed: 42, now: new Date(nowMs), ...DEMO_LEADER, monthsBack: 12, monthsAhead: 3, profile: 'balanced' });
  importCalendar(db, { leaderId: leader.id, bytes: new TextEncoder().encode(text), nowMs, source: 'work', fileName: 'demo-calendar.ics' });
  return true;
}
