import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDatabase, type AppDatabase } from '../../server/db/open-database.ts';
import { coachGrants, cohortMembers, cohorts, diagnosticAnswers, engagementNotes, events, rules, users } from '../../server/db/schema.ts';
import { inviteCodeMatches } from '../../server/domain/coaching/invite-code.ts';
import { DEMO_ACCOUNTS, DEMO_COHORT_NAME, DEMO_INVITE_CODE, DEMO_PASSWORD, toDemoAccount } from '../../server/demo/demo-accounts.ts';
import { DIAGNOSTIC_IDS } from '../../server/demo/seed-demo-consent.ts';
import { describeDemo, seedDemo, type DemoSummary } from '../../server/demo/seed-demo.ts';
import { accessToLeader } from '../../server/services/leader-access.ts';
import { buildLeaderReport } from '../../server/services/leader-report.ts';
import { authenticate, findUserByEmail, type User } from '../../server/services/users.ts';
import { createTestApp, FIXED_NOW, request } from '../support/test-app.ts';

// One seeded database for the whole file: seeding imports twelve generated calendar years.
let dir: string;
let db: AppDatabase;
let summary: DemoSummary | null;
let seedMs: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'altitude-demo-'));
  db = openDatabase(join(dir, 'altitude.db'));
  const started = performance.now();
  summary = await seedDemo(db, FIXED_NOW);
  seedMs = performance.now() - started;
}, 120_000);

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function account(email: string): User {
  const user = findUserByEmail(db, email);
  if (!user) throw new Error(`no account ${email}`);
  return user;
}

const LEADER_SPECS = DEMO_ACCOUNTS.filter((spec) => spec.role === 'leader');
const MAYA = 'maya.okafor@northwind.example';
const COACH = 'daniel.reyes@reyes-coaching.example';
const HR = 'priya.nair@northwind.example';

describe('the demo seed', () => {
  test('creates every demo account with its role, and owns a profile for each leader', () => {
    expect(summary).not.toBeNull();
    expect(summary!.leaders).toBe(LEADER_SPECS.length);
    expect(LEADER_SPECS.length).toBeGreaterThanOrEqual(11);
    for (const spec of DEMO_ACCOUNTS) {
      const user = account(spec.email);
      expect(user.role, spec.email).toBe(spec.role);
      expect(user.name).toBe(spec.name);
      if (spec.role === 'leader') expect(user.leaderId, spec.email).not.toBeNull();
      else expect(user.leaderId, spec.email).toBeNull();
    }
    expect(new Set(DEMO_ACCOUNTS.map((spec) => spec.role))).toEqual(new Set(['leader', 'coach', 'hr', 'admin']));
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    // Well inside what `npm start` may spend on a fresh 2-core machine.
    expect(seedMs).toBeLessThan(60_000);
  });

  test('the documented password signs in one account of each role; a wrong one does not', async () => {
    for (const email of [MAYA, COACH, HR, 'admin@northwind.example']) {
      expect((await authenticate(db, email, DEMO_PASSWORD))?.email, email).toBe(email);
    }
    expect(await authenticate(db, MAYA, 'altitude-demo-2025')).toBeNull();
    // Hashed once: every demo account holds the very hash just verified.
    const hashes = new Set(db.select({ hash: users.passwordHash }).from(users).all().map((row) => row.hash));
    expect(hashes.size).toBe(1);
  });

  test('the leaders differ: zones, languages and export flavours as listed, and strategic shares on both sides of 20%', () => {
    expect(new Set(LEADER_SPECS.map((spec) => spec.timeZone)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(LEADER_SPECS.map((spec) => spec.calendar!.language))).toEqual(new Set(['en', 'de', 'fr', 'es']));
    expect(new Set(LEADER_SPECS.map((spec) => spec.calendar!.flavour))).toEqual(new Set(['google', 'outlook']));
    expect(new Set(LEADER_SPECS.map((spec) => spec.calendar!.profile)).size).toBeGreaterThanOrEqual(6);

    const shares = new Map<string, number>();
    const planningFlags = new Map<string, number>();
    for (const spec of LEADER_SPECS) {
      const leaderId = account(spec.email).leaderId!;
      const report = buildLeaderReport(db, leaderId, { nowMs: FIXED_NOW });
      expect(report.period.timeZone, spec.email).toBe(spec.timeZone);
      expect(report.countedMinutes, spec.email).toBeGreaterThan(1000 * 60); // over a thousand hours of counted work
      shares.set(spec.email, report.shares.strategic);
      planningFlags.set(spec.email, report.flags.filter((flag) => flag.code === 'missing-planning-days').length);
    }
    const under = [...shares].filter(([, share]) => share < 0.2);
    const above = [...shares].filter(([, share]) => share >= 0.2);
    expect(under.length, JSON.stringify([...shares])).toBeGreaterThanOrEqual(3);
    expect(above.length, JSON.stringify([...shares])).toBeGreaterThanOrEqual(2);
    // The firefighter is far under the line and misses planning days in every quarter; the
    // planner holds enough in every one.
    expect(shares.get('oliver.bennett@northwind.example')).toBeLessThan(0.1);
    expect(planningFlags.get('oliver.bennett@northwind.example')).toBeGreaterThanOrEqual(4);
    expect(planningFlags.get('wei.ling.chen@northwind.example')).toBe(0);
  });

  test('each calendar is imported from the first day of a quarter a year back, not from its oldest series', () => {
    for (const spec of LEADER_SPECS) {
      const leaderId = account(spec.email).leaderId!;
      const first = db.select({ ms: sql<number>`min(${events.startMs})` }).from(events).where(eq(events.leaderId, leaderId)).get()!.ms;
      // FIXED_NOW is 2026-03-20: twelve months back is March 2025, in the quarter from 1 January 2025.
      expect(first, spec.email).toBeGreaterThanOrEqual(Date.parse('2024-12-31T00:00:00Z'));
      expect(first, spec.email).toBeLessThan(Date.parse('2025-01-08T00:00:00Z'));
    }
  });

  test('a leader’s own rule was added before the import and placed her planning days', () => {
    const lucia = account('lucia.fernandez@northwind.example');
    expect(db.select().from(rules).where(eq(rules.leaderId, lucia.leaderId!)).all()).toHaveLength(1);
    const placed = db
      .select({ n: sql<number>`count(*)` })
      .from(events)
      .where(and(eq(events.leaderId, lucia.leaderId!), sql`json_extract(${events.reason}, '$.ruleId') like 'user:%'`))
      .get()!.n;
    expect(placed).toBeGreaterThan(0);
  });

  test('Maya granted the coach edits with notes from both; Jonas read-only; Oliver’s invitation is pending', () => {
    const coach = account(COACH);
    const maya = account(MAYA);
    expect(accessToLeader(db, coach, maya.leaderId!)).toBe('coach-edit');
    expect(accessToLeader(db, coach, account('jonas.weber@northwind.example').leaderId!)).toBe('coach-read');
    expect(accessToLeader(db, coach, account('oliver.bennett@northwind.example').leaderId!)).toBeNull();
    expect(accessToLeader(db, coach, account('grace.tan@northwind.example').leaderId!)).toBeNull();

    const pending = db.select().from(coachGrants).where(eq(coachGrants.status, 'invited')).all();
    expect(pending).toEqual([expect.objectContaining({ coachEmail: COACH, coachUserId: null, respondedAt: null })]);
    // The open invitation takes the documented code (in the coach's description); accepted ones used theirs up.
    expect(inviteCodeMatches(DEMO_INVITE_CODE, pending[0]!.inviteCodeHash!)).toBe(true);
    expect(inviteCodeMatches('oliv 2026', pending[0]!.inviteCodeHash!)).toBe(true);
    expect(inviteCodeMatches('OLIV-2025', pending[0]!.inviteCodeHash!)).toBe(false);
    expect(db.select().from(coachGrants).where(eq(coachGrants.status, 'active')).all().map((g) => g.inviteCodeHash)).toEqual([null, null]);
    expect(DEMO_ACCOUNTS.find((spec) => spec.email === COACH)!.description).toContain(DEMO_INVITE_CODE);

    const grant = db.select().from(coachGrants).where(eq(coachGrants.leaderId, maya.leaderId!)).get()!;
    expect(grant.respondedAt).toBeLessThan(FIXED_NOW);
    const notes = db.select().from(engagementNotes).where(eq(engagementNotes.grantId, grant.id)).all();
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(notes.map((note) => note.authorUserId))).toEqual(new Set([coach.id, maya.id]));
  });

  test('HR’s cohort: most leaders joined with imported events, one invited, one declined', () => {
    const hr = account(HR);
    const cohort = db.select().from(cohorts).where(eq(cohorts.ownerUserId, hr.id)).all();
    expect(cohort.map((row) => row.name)).toEqual([DEMO_COHORT_NAME]);
    const members = db.select().from(cohortMembers).where(eq(cohortMembers.cohortId, cohort[0]!.id)).all();
    const active = members.filter((member) => member.status === 'active');
    expect(active.length).toBeGreaterThanOrEqual(8);
    expect(members.filter((member) => member.status === 'invited')).toHaveLength(1);
    expect(members.filter((member) => member.status === 'declined')).toHaveLength(1);
    for (const member of members) {
      const leaderId = account(member.email).leaderId!;
      if (member.status === 'active') {
        expect(member.leaderId).toBe(leaderId);
        expect(member.respondedAt).not.toBeNull();
        const imported = db.select({ n: sql<number>`count(*)` }).from(events).where(eq(events.leaderId, leaderId)).get()!.n;
        expect(imported, member.email).toBeGreaterThan(2000);
      } else {
        expect(member.leaderId).toBeNull();
      }
    }
    const hrDescription = DEMO_ACCOUNTS.find((spec) => spec.email === HR)!.description;
    expect(hrDescription).toContain(`${active.length} joined, 1 invited, 1 declined`);
  });

  test('HR has two dated diagnostic answer sets over every statement, months apart', () => {
    const sets = db.select().from(diagnosticAnswers).where(eq(diagnosticAnswers.userId, account(HR).id)).orderBy(diagnosticAnswers.answeredAt).all();
    expect(sets).toHaveLength(2);
    for (const set of sets) expect(Object.keys(set.answers).sort()).toEqual([...DIAGNOSTIC_IDS].sort());
    expect(sets[1]!.answeredAt - sets[0]!.answeredAt).toBeGreaterThan(90 * 86_400_000);
    const score = (answers: Record<string, boolean>) => Object.values(answers).filter(Boolean).length;
    expect(score(sets[1]!.answers)).toBeGreaterThan(score(sets[0]!.answers));
  });

  test('a second seed, or a seed into a database that holds anything, does nothing', async () => {
    const before = db.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
    expect(await seedDemo(db, FIXED_NOW)).toBeNull();
    expect(db.select({ n: sql<number>`count(*)` }).from(users).get()!.n).toBe(before);

    const other = createTestApp();
    try {
      other.db.insert(users).values({ email: 'someone@acme.example', role: 'admin', passwordHash: 'x', createdAt: FIXED_NOW }).run();
      expect(await seedDemo(other.db, FIXED_NOW)).toBeNull();
      expect(other.db.select({ n: sql<number>`count(*)` }).from(events).get()!.n).toBe(0);
    } finally {
      other.close();
    }
  });

  test('the start-up line names the password and an account of each role', () => {
    const line = describeDemo(summary!);
    for (const text of [DEMO_PASSWORD, MAYA, COACH, HR, 'admin@northwind.example', `${LEADER_SPECS.length} leaders`]) expect(line).toContain(text);
  });
});

describe('GET /api/demo-accounts', () => {
  test('lists the demo accounts, to anyone, on the seeded database', async () => {
    const app = createApp({ db, now: () => FIXED_NOW });
    const response = await request(app).get('/api/demo-accounts').expect(200);
    expect(response.body).toEqual({ accounts: DEMO_ACCOUNTS.map(toDemoAccount) });
  });

  test('lists nothing on a database without the demo', async () => {
    const other = createTestApp();
    try {
      await request(other.app).get('/api/demo-accounts').expect(200, { accounts: [] });
    } finally {
      other.close();
    }
  });

  test('leaves out an account that was deleted or whose password changed', async () => {
    const app = createApp({ db, now: () => FIXED_NOW });
    db.$client.exec('SAVEPOINT changed');
    try {
      db.delete(users).where(eq(users.email, 'admin@northwind.example')).run();
      db.update(users).set({ passwordHash: 'scrypt$changed' }).where(eq(users.email, COACH)).run();
      const response = await request(app).get('/api/demo-accounts').expect(200);
      const listed = (response.body as { accounts: Array<{ email: string }> }).accounts.map((entry) => entry.email);
      expect(listed).toHaveLength(DEMO_ACCOUNTS.length - 2);
      expect(listed).not.toContain('admin@northwind.example');
      expect(listed).not.toContain(COACH);
      expect(listed).toContain(MAYA);
    } finally {
      db.$client.exec('ROLLBACK TO changed; RELEASE changed');
    }
  });
});
