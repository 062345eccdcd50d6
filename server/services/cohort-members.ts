import { sql } from 'drizzle-orm';
import { COUNTED_IDS } from '../../shared/taxonomy.ts';
import type { Db } from '../db/open-database.ts';
import type { MemberQuarter } from '../domain/cohorts/compliance.ts';
import type { QuarterFigures } from '../domain/cohorts/quarter-figures.ts';
import { countingSettingsOf, type LeaderSettings } from '../domain/leaders/leader-settings.ts';
import type { CountingSettings } from '../domain/metrics/counting-settings.ts';
import type { CategoryMinutes } from '../domain/metrics/summarise-period.ts';

export interface ActiveMember {
  memberId: number;
  leaderId: number;
  name: string | null;
  email: string;
  settings: CountingSettings;
}

// These two queries are what every HR page of a cohort of hundreds costs, so they are plain SQL
// over the columns they need (the ORM's row mapping was most of the time).

/**
 * The consenting members of these cohorts, one per leader. The only way HR's views reach a
 * leader: status `active` is read on every request, so leaving takes effect on the next one.
 */
export function loadActiveMembers(db: Db, cohortIds: readonly number[]): ActiveMember[] {
  if (cohortIds.length === 0) return [];
  const rows = db.all<{ memberId: number; leaderId: number; email: string; profileName: string | null; accountName: string | null; settings: string }>(sql`
    select m.id as memberId, m.leader_id as leaderId, m.email as email, l.name as profileName, u.name as accountName, l.settings as settings
    from cohort_members m
    join leaders l on l.id = m.leader_id
    left join users u on u.leader_id = l.id
    where m.cohort_id in (${sql.join(cohortIds.map((id) => sql`${id}`), sql`, `)}) and m.status = 'active'
    order by m.id`);
  // Most leaders keep the default settings: parse each distinct text once.
  const settingsByText = new Map<string, CountingSettings>();
  const byLeader = new Map<number, ActiveMember>();
  for (const row of rows) {
    if (byLeader.has(row.leaderId)) continue;
    let settings = settingsByText.get(row.settings);
    if (!settings) settingsByText.set(row.settings, (settings = countingSettingsOf(JSON.parse(row.settings) as LeaderSettings)));
    byLeader.set(row.leaderId, { memberId: row.memberId, leaderId: row.leaderId, name: row.profileName ?? row.accountName ?? null, email: row.email, settings });
  }
  return [...byLeader.values()];
}

interface FiguresRow {
  leaderId: number;
  quarter: string;
  timeZone: string;
  minutes: string;
  countedMinutes: number;
  planningDates: string;
  talentEvents: number;
  dataStart: string | null;
}

/** Each member's stored figures for each quarter (null where none are stored). */
export function loadMemberQuarters(db: Db, members: readonly ActiveMember[], quarters: readonly string[]): Map<string, MemberQuarter[]> {
  const figures = new Map<string, QuarterFigures>();
  if (members.length > 0 && quarters.length > 0) {
    const rows = db.all<FiguresRow>(sql`
      select leader_id as leaderId, quarter, time_zone as timeZone, minutes, counted_minutes as countedMinutes,
        planning_dates as planningDates, talent_events as talentEvents, data_start as dataStart
      from leader_quarter_figures
      where leader_id in (${sql.join(members.map((m) => sql`${m.leaderId}`), sql`, `)})
        and quarter in (${sql.join(quarters.map((q) => sql`${q}`), sql`, `)})`);
    for (const row of rows) {
      const stored = JSON.parse(row.minutes) as Record<string, number>;
      const minutes = {} as CategoryMinutes;
      for (const id of COUNTED_IDS) minutes[id] = stored[id] ?? 0;
      figures.set(`${row.leaderId}/${row.quarter}`, { ...row, minutes, planningDates: JSON.parse(row.planningDates) as string[] });
    }
  }
  return new Map(quarters.map((quarter) => [quarter, members.map((member) => ({ ...member, figures: figures.get(`${member.leaderId}/${quarter}`) ?? null }))]));
}
