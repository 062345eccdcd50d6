import { and, asc, eq, max } from 'drizzle-orm';
import type { ClientView } from '../../shared/coaching.ts';
import type { Db } from '../db/open-database.ts';
import { coachGrants, imports, leaders } from '../db/schema.ts';
import { toClientFigures } from '../domain/coaching/client-headline.ts';
import { countingSettingsOf } from '../domain/leaders/leader-settings.ts';
import { dateOfMs, quarterOf, quarterRange } from '../domain/metrics/calendar-days.ts';
import { buildLeaderReport } from './leader-report.ts';
import type { User } from './users.ts';

/** The coach's active clients with their headline figures, and how many invitations wait for an answer. */
export function listClients(db: Db, coach: User, nowMs: number): { clients: ClientView[]; pendingInvitations: number } {
  const rows = db
    .select({ grant: coachGrants, leader: leaders })
    .from(coachGrants)
    .innerJoin(leaders, eq(leaders.id, coachGrants.leaderId))
    .where(and(eq(coachGrants.coachUserId, coach.id), eq(coachGrants.status, 'active')))
    .orderBy(asc(leaders.name), asc(leaders.email))
    .all();
  const clients = rows.map(({ grant, leader }): ClientView => {
    const lastImport = db.select({ at: max(imports.importedAt) }).from(imports).where(eq(imports.leaderId, leader.id)).get()?.at ?? null;
    const zone = leader.timeZone;
    let figures: ClientView['figures'] = null;
    if (lastImport !== null && zone) {
      // Built from the events, as the dashboard builds them, so the list and the dashboard agree;
      // a coach has a handful of clients (HR's hundreds are what leader_quarter_figures is for).
      const quarter = quarterRange(quarterOf(dateOfMs(nowMs, zone)));
      const quarterReport = buildLeaderReport(db, leader.id, { ...quarter, nowMs });
      const yearReport = buildLeaderReport(db, leader.id, { nowMs });
      figures = toClientFigures(quarterReport, yearReport, countingSettingsOf(leader.settings));
    }
    return {
      grantId: grant.id,
      leader: { id: leader.id, name: leader.name, email: leader.email, timeZone: leader.timeZone },
      canEdit: grant.canEdit,
      since: grant.respondedAt === null ? null : new Date(grant.respondedAt).toISOString(),
      lastImportAt: lastImport === null ? null : new Date(lastImport).toISOString(),
      figures,
    };
  });
  const pending = db
    .select({ id: coachGrants.id })
    .from(coachGrants)
    .where(and(eq(coachGrants.coachEmail, coach.email), eq(coachGrants.status, 'invited')))
    .all().length;
  return { clients, pendingInvitations: pending };
}
