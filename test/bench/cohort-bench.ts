// The HR side at scale: a cohort of 500 leaders with a year of calendars each. Prints figures,
// never fails on them. BENCH_COHORT_LEADERS and BENCH_COHORT_TEMPLATES change the sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createApp } from '../../server/app.ts';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { cohortMembers, cohorts, leaders, sources, users } from '../../server/db/schema.ts';
import { LEADER_PROFILES } from '../../server/demo/calendar-options.ts';
import { generateLeaderCalendar } from '../../server/demo/generate-calendar.ts';
import { resolveMinGroup } from '../../server/domain/cohorts/suppress.ts';
import { SESSION_COOKIE } from '../../server/http/session-cookie.ts';
import { buildChartsView } from '../../server/services/cohort-charts.ts';
import { buildCompliance } from '../../server/services/cohort-compliance.ts';
import { importCalendar } from '../../server/services/import-calendar.ts';
import { bumpFiguresEpoch } from '../../server/services/cohort-view-cache.ts';
import { refreshLeaderFigures } from '../../server/services/leader-figures.ts';
import { createLeader } from '../../server/services/leaders.ts';
import { createSession } from '../../server/services/sessions.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const LEADERS = Number(process.env.BENCH_COHORT_LEADERS ?? 500);
const TEMPLATES = Number(process.env.BENCH_COHORT_TEMPLATES ?? 14);
const CLIENTS = 8;
const REQUESTS = 200;
const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Europe/Madrid'];

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Generating and importing 500 calendars takes minutes (most of it the generator and the import's
 * parse and classification, which the leader bench measures already). So `TEMPLATES` distinct
 * calendars (profiles, languages, zones, seeds) go through the real import; each of the 500
 * leaders gets a copy of one template's stored events, and then their own figures through
 * `refreshLeaderFigures`, the same call every import makes.
 */
export function buildCohort(db: AppDatabase): { hrUserId: number; cohortId: number; importMs: number[]; refreshMs: number[]; events: number } {
  const templates: Array<{ leaderId: number; zone: string }> = [];
  const importMs: number[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const zone = ZONES[i % ZONES.length]!;
    const email = `template${i}@northwind.example`;
    const leader = createLeader(db, { email, name: `Template ${i}`, timeZone: zone }, NOW);
    const text = generateLeaderCalendar({
      seed: 100 + i,
      now: new Date(NOW),
      email,
      name: `Template ${i}`,
      timeZone: zone,
      monthsBack: 12,
      monthsAhead: 0,
      profile: LEADER_PROFILES[i % LEADER_PROFILES.length]!,
      language: LANGUAGES[i % LANGUAGES.length]!,
      flavour: i % 2 === 0 ? 'google' : 'outlook',
    });
    const start = process.hrtime.bigint();
    importCalendar(db, { leaderId: leader.id, bytes: new TextEncoder().encode(text), nowMs: NOW, source: 'work' });
    importMs.push(elapsed(start));
    templates.push({ leaderId: leader.id, zone });
  }

  const hrUserId = db.insert(users).values({ email: 'bench.hr@northwind.example', name: 'Bench HR', role: 'hr', passwordHash: 'x', createdAt: NOW }).returning().get().id;
  const cohortId = db.insert(cohorts).values({ ownerUserId: hrUserId, name: 'Bench cohort', createdAt: NOW }).returning().get().id;
  const copy = db.$client.prepare(
    `insert into events (leader_id, source_id, uid, recurrence_id, is_recurring, all_day, start_ms, end_ms, start_date, end_date, zone, summary,
       description, location, organizer, attendees, categories, status, is_transparent, busy_status, content_hash, category, reason, is_meeting,
       first_import_id, last_import_id, updated_at)
     select ?, ?, uid, recurrence_id, is_recurring, all_day, start_ms, end_ms, start_date, end_date, zone, summary,
       description, location, organizer, attendees, categories, status, is_transparent, busy_status, content_hash, category, reason, is_meeting,
       first_import_id, last_import_id, updated_at
     from events where leader_id = ?`,
  );
  const refreshMs: number[] = [];
  for (let i = 0; i < LEADERS; i++) {
    const template = templates[i % templates.length]!;
    db.transaction((tx) => {
      const leader = tx
        .insert(leaders)
        .values({ email: `leader${i}@northwind.example`, name: `Leader ${String(i).padStart(3, '0')}`, timeZone: template.zone, settings: {}, createdAt: NOW })
        .returning()
        .get();
      const source = tx.insert(sources).values({ leaderId: leader.id, name: 'work', createdAt: NOW }).returning().get();
      copy.run(leader.id, source.id, template.leaderId);
      const start = process.hrtime.bigint();
      refreshLeaderFigures(tx, leader.id, NOW);
      refreshMs.push(elapsed(start));
      tx.insert(cohortMembers).values({ cohortId, email: leader.email, leaderId: leader.id, status: 'active', invitedAt: NOW, respondedAt: NOW }).run();
    });
  }
  const count = (db.$client.prepare('select count(*) as n from events').get() as { n: number }).n;
  return { hrUserId, cohortId, importMs, refreshMs, events: count };
}

function timeDirect(work: () => unknown, rounds = 15): { median: number; p95: number } {
  work();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(elapsed(start));
  }
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

/** `CLIENTS` clients, each sending its next request when the last one answered, `REQUESTS` in all. */
async function load(url: string, cookie: string): Promise<{ p50: number; p95: number; max: number; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
        next++;
        const began = process.hrtime.bigint();
        const response = await fetch(url, { headers: { cookie } });
        if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        latencies.push(elapsed(began));
      }
    }),
  );
  const total = elapsed(start);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), perSecond: (REQUESTS / total) * 1000 };
}

export async function runCohortBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'altitude-cohort-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    console.log(`\nCohort bench: ${LEADERS} leaders x 1 year (${TEMPLATES} generated calendars imported, copied to the leaders, figures refreshed per leader)`);
    const built = buildCohort(db);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    console.log(
      `  ${built.events.toLocaleString('en')} stored events; import of one generated year: median ${percentile(built.importMs, 50).toFixed(0)} ms; ` +
        `refreshLeaderFigures: median ${percentile(built.refreshMs, 50).toFixed(1)} ms, p95 ${percentile(built.refreshMs, 95).toFixed(1)} ms per leader, ${(sum(built.refreshMs) / 1000).toFixed(1)} s for all`,
    );

    const hr = db.select().from(users).where(eq(users.id, built.hrUserId)).get()!;
    const minGroup = resolveMinGroup(process.env.ALTITUDE_MIN_GROUP);
    const compliance = buildCompliance(db, hr, built.cohortId, { flagged: 'all', sort: 'name' }, NOW);
    const quarters = buildChartsView(db, hr, built.cohortId, undefined, NOW, minGroup).trend.length;
    // Cold: the figures epoch is raised before each build, as any member's import would, so
    // nothing comes from the view cache. Warm: the same request again, nothing changed.
    const cold = (work: () => unknown) => () => {
      bumpFiguresEpoch(db);
      work();
    };
    const compliancework = () => buildCompliance(db, hr, built.cohortId, { flagged: 'all', sort: '-strategic-share' }, NOW);
    const chartsWork = () => buildChartsView(db, hr, built.cohortId, undefined, NOW, minGroup);
    const table = timeDirect(cold(compliancework));
    const charts = timeDirect(cold(chartsWork));
    const tableWarm = timeDirect(compliancework);
    const chartsWarm = timeDirect(chartsWork);
    console.log(
      `  compliance table (${compliance.rows.length} rows, ${compliance.counts.flagged} flagged): cold median ${table.median.toFixed(1)} ms, p95 ${table.p95.toFixed(1)} ms; warm median ${tableWarm.median.toFixed(1)} ms`,
    );
    console.log(`  charts data (${quarters} quarters of trend): cold median ${charts.median.toFixed(1)} ms, p95 ${charts.p95.toFixed(1)} ms; warm median ${chartsWarm.median.toFixed(1)} ms`);

    const session = createSession(db, hr.id, Date.now());
    const app = createApp({ db, now: () => NOW, log: (error) => console.error(error) });
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/cohorts/${built.cohortId}`;
      const cookie = `${SESSION_COOKIE}=${session.token}`;
      for (const [name, path] of [
        ['GET compliance', '/compliance?sort=-strategic-share'],
        ['GET compliance?flagged=only', '/compliance?flagged=only'],
        ['GET charts', '/charts'],
      ] as const) {
        await load(`${base}${path}`, cookie); // warm-up round (JIT)
        const steady = await load(`${base}${path}`, cookie);
        // Figures changing all the time: the epoch is raised every 50 ms (a busy cohort importing).
        const churn = setInterval(() => bumpFiguresEpoch(db), 50);
        const changing = await load(`${base}${path}`, cookie).finally(() => clearInterval(churn));
        const line = (r: typeof steady) => `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ${r.perSecond.toFixed(0)} req/s`;
        console.log(`  ${name.padEnd(28)} ${CLIENTS} clients x ${REQUESTS} requests: ${line(steady)}; figures changing every 50 ms: ${line(changing)} (target p95 < 100 ms)`);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
