// The load run of `npm run bench` (BENCH_LOAD=0 skips it): autocannon against the real server,
// started as its own process on loopback with the 500-leader cohort, first alone and then while
// imports run. Prints figures, never fails on them. BENCH_LOAD_SECONDS and BENCH_LOAD_CONNECTIONS
// change the run (30 s at 50 connections by default).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../../server/db/open-database.ts';
import { users } from '../../server/db/schema.ts';
import { generateLeaderCalendar } from '../../server/demo/generate-calendar.ts';
import { SESSION_COOKIE } from '../../server/http/session-cookie.ts';
import { ensureCurrentPlacements } from '../../server/services/ensure-current-placements.ts';
import { createLeader } from '../../server/services/leaders.ts';
import { createSession } from '../../server/services/sessions.ts';
import { buildCohort } from './cohort-bench.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOW = Date.parse('2026-11-25T12:00:00Z');
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
/** Leaders whose dashboards are asked for, each by their own session. */
const DASHBOARD_LEADERS = 40;
/** Distinct calendars the importing leaders send, one after another, for the whole run. */
const IMPORTERS = 2;

interface Sessions {
  cohortId: number;
  hr: { cookie: string };
  dashboards: Array<{ leaderId: number; cookie: string }>;
  importers: Array<{ leaderId: number; cookie: string; csrf: string; calendar: string }>;
}

/** The cohort bench's 500 leaders, plus accounts and sessions for the callers of the run. */
export function seed(dbPath: string): Sessions {
  const db = openDatabase(dbPath);
  try {
    // Marks the empty database as placed by today's default rules, as a first `npm start` would:
    // otherwise the server would place the 2 million copied events again when it starts.
    ensureCurrentPlacements(db);
    const built = buildCohort(db);
    const now = Date.now();
    const account = (email: string, role: 'leader' | 'hr', leaderId: number | null) =>
      db.insert(users).values({ email, name: email, role, leaderId, passwordHash: 'x', createdAt: now }).returning().get().id;
    const cookieOf = (userId: number) => {
      const session = createSession(db, userId, now);
      return { cookie: `${SESSION_COOKIE}=${session.token}`, csrf: session.csrfToken };
    };
    // The cohort's leaders have ids after the templates; every 12th one gets an account.
    const leaderIds = (db.$client.prepare(`select id from leaders where email like 'leader%' order by id`).all() as Array<{ id: number }>).map((r) => r.id);
    const dashboards = leaderIds
      .filter((_, i) => i % 12 === 0)
      .slice(0, DASHBOARD_LEADERS)
      .map((leaderId) => ({ leaderId, cookie: cookieOf(account(`user.${leaderId}@northwind.example`, 'leader', leaderId)).cookie }));
    const importers = Array.from({ length: IMPORTERS }, (_, i) => {
      const email = `importer${i}@northwind.example`;
      const leader = createLeader(db, { email, name: `Importer ${i}`, timeZone: 'Europe/Berlin' }, NOW);
      const calendar = generateLeaderCalendar({ seed: 900 + i, now: new Date(NOW), email, name: `Importer ${i}`, timeZone: 'Europe/Berlin', monthsBack: 12, monthsAhead: 0 });
      return { leaderId: leader.id, ...cookieOf(account(email, 'leader', leader.id)), calendar };
    });
    return { cohortId: built.cohortId, hr: cookieOf(built.hrUserId), dashboards, importers };
  } finally {
    db.$client.close();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start`'s server on the bench database, without the demo. */
export async function startServer(dbPath: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    // Imports run back to back for the whole run: lift the per-user import rate limit (20 in 10 minutes).
    env: { ...process.env, ALTITUDE_DB: dbPath, ALTITUDE_DEMO: '0', HOST: '127.0.0.1', PORT: String(port), ALTITUDE_IMPORT_RATE_LIMIT: '10000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is listening on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code}) before listening:\n${output}`)));
  });
  return child;
}

/** Every connection walks the same mix: a dashboard, the compliance table, the cohort charts. */
export function mixedRequests(sessions: Sessions): autocannon.Request[] {
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => {
        const leader = sessions.dashboards[next++ % sessions.dashboards.length]!;
        return { ...request, path: `/api/leaders/${leader.leaderId}/summary`, headers: { cookie: leader.cookie } };
      },
    },
    { method: 'GET', path: `/api/cohorts/${sessions.cohortId}/compliance?sort=-strategic-share`, headers: { cookie: sessions.hr.cookie } },
    { method: 'GET', path: `/api/cohorts/${sessions.cohortId}/charts`, headers: { cookie: sessions.hr.cookie } },
  ];
}

interface ImportLoop {
  stop: () => Promise<{ imports: number; failures: number; ms: number[] }>;
}

/** Each importer re-sends its year-long calendar, alternating with an edited copy, until stopped. */
export function runImports(base: string, sessions: Sessions): ImportLoop {
  let running = true;
  const ms: number[] = [];
  let failures = 0;
  const loops = sessions.importers.map(async (importer) => {
    // Alternate two versions so every import changes something (titles of the last week differ).
    const versions = [importer.calendar, importer.calendar.replaceAll('SUMMARY:', 'SUMMARY:Updated ')];
    for (let round = 0; running; round++) {
      const began = performance.now();
      const response = await fetch(`${base}/api/leaders/${importer.leaderId}/imports?source=work`, {
        method: 'POST',
        headers: { 'content-type': 'text/calendar', cookie: importer.cookie, 'x-csrf-token': importer.csrf, origin: base },
        body: versions[round % 2],
      });
      await response.arrayBuffer();
      if (response.status === 201) ms.push(performance.now() - began);
      else failures++;
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { imports: ms.length, failures, ms };
    },
  };
}

export function describe(result: autocannon.Result): string {
  const errors = result.errors + result.timeouts + result.non2xx;
  return (
    `${result.requests.total.toLocaleString('en')} requests, ${result.requests.average.toFixed(0)} req/s; ` +
    `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
    `errors ${errors} (${result.non2xx} non-2xx, ${result.timeouts} timeouts)`
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function runLoadBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'altitude-load-bench-'));
  const dbPath = join(dir, 'load.db');
  let server: ChildProcess | null = null;
  try {
    console.log(`\nLoad run: the real server (its own process) on loopback, ${CONNECTIONS} connections for ${SECONDS} s, seeded with the 500-leader cohort`);
    const sessions = seed(dbPath);
    const port = await freePort();
    server = await startServer(dbPath, port);
    const base = `http://127.0.0.1:${port}`;
    const run = (title: string, duration: number) =>
      autocannon({ title, url: base, connections: CONNECTIONS, duration, requests: mixedRequests(sessions) });

    await run('warm-up', 5);
    const alone = await run('alone', SECONDS);
    console.log(`  dashboard + compliance + charts, alone:         ${describe(alone)} (target: no errors, 1,000 req/s, p99 < 100 ms)`);

    const imports = runImports(base, sessions);
    const busy = await run('with imports', SECONDS);
    const imported = await imports.stop();
    console.log(`  dashboard + compliance + charts, with imports:  ${describe(busy)} (target: no errors, p99 < 250 ms)`);
    console.log(
      `  imports meanwhile: ${imported.imports} year-long calendars (${sessions.importers.length} leaders, one after another), median ${median(imported.ms).toFixed(0)} ms each, ${imported.failures} failed`,
    );
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((resolve) => server!.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
