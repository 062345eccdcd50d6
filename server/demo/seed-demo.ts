import { ruleInputSchema } from '../../shared/rules.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { dateOfMs, quarterOf, quarterRange } from '../domain/metrics/calendar-days.ts';
import { importCalendar } from '../services/import-calendar.ts';
import { createRule } from '../services/leader-rules.ts';
import { listLeaders } from '../services/leaders.ts';
import { createUser, listUsers, type User } from '../services/users.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountSpec, type DemoCalendar } from './demo-accounts.ts';
import { markDemoSeeded } from './demo-state.ts';
import { generateLeaderCalendar } from './generate-calendar.ts';
import { seedDemoConsent } from './seed-demo-consent.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export interface DemoSummary {
  leaders: number;
  accounts: readonly DemoAccountSpec[];
}

/**
 * Loads the demo into an empty database, so that a newcomer can try every role at once: a
 * leader (Maya Okafor) with a coach, an HR cohort of leaders with varied calendars (each a
 * generated year imported through the real import path), and an administrator, all with the
 * documented demo password. Does nothing (returns null) when the database holds any account
 * or leader: the demo never mixes with real data.
 */
export async function seedDemo(db: AppDatabase, nowMs: number): Promise<DemoSummary | null> {
  if (listUsers(db).length > 0 || listLeaders(db).length > 0) return null;
  // One scrypt run for every account: they share the password, and 0.4 s each would add up.
  const hashing = hashPassword(DEMO_PASSWORD);
  const users = new Map<string, User>();
  for (const spec of DEMO_ACCOUNTS) {
    // Generated before the account is created, so that the first calendar overlaps the hashing.
    const calendar = demoCalendarText(spec, nowMs);
    const user = await createUser(
      db,
      { email: spec.email, password: spec.password, name: spec.name, role: spec.role, timeZone: spec.timeZone },
      nowMs,
      { hash: () => hashing },
    );
    users.set(user.email, user);
    if (calendar !== null && user.leaderId !== null) {
      for (const rule of spec.rules ?? []) createRule(db, user.leaderId, ruleInputSchema.parse(rule), nowMs);
      importCalendar(db, {
        leaderId: user.leaderId,
        bytes: new TextEncoder().encode(calendar.text),
        nowMs,
        source: 'work',
        fileName: `${spec.email.split('@')[0]}.ics`,
        from: calendar.from,
        to: calendar.to,
      });
    }
  }
  const passwordHash = await hashing;
  writeTransaction(db, (tx) => {
    seedDemoConsent(tx, users, nowMs);
    // Last, so that the sign-in page offers the accounts only once the demo is complete.
    markDemoSeeded(tx, { seededAt: nowMs, passwordHash });
  });
  return { leaders: DEMO_ACCOUNTS.filter((spec) => spec.role === 'leader').length, accounts: DEMO_ACCOUNTS };
}

/**
 * The leader's calendar export (fixed seed: the same every time), or null for other roles, and
 * the import window. Generated series begin years before the one-off meetings and run on without
 * end; imported whole, they would leave quarters holding nothing but a few standing meetings. So
 * the window is whole quarters (as HR's figures are), and the calendar is generated to fill it.
 */
function demoCalendarText(spec: DemoAccountSpec, nowMs: number): { text: string; from: string; to: string } | null {
  const { calendar, timeZone } = spec;
  if (!calendar || !timeZone) return null;
  const { from, to, monthsBack } = importSpan(calendar, nowMs, timeZone);
  const text = generateLeaderCalendar({ ...calendar, monthsBack, now: new Date(nowMs), email: spec.email, name: spec.name, timeZone });
  return { text, from, to };
}

/** From the first day of the quarter `monthsBack` months ago to the last of the quarter `monthsAhead` months on. */
function importSpan(calendar: DemoCalendar, nowMs: number, timeZone: string): { from: string; to: string; monthsBack: number } {
  const [year, month] = dateOfMs(nowMs, timeZone).split('-').map(Number) as [number, number];
  const monthStart = (offset: number) => new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
  const from = quarterRange(quarterOf(monthStart(-calendar.monthsBack))).from;
  const to = quarterRange(quarterOf(monthStart(calendar.monthsAhead))).to;
  // Whole months from the quarter's first day to today, and one more so that the day is covered.
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  return { from, to, monthsBack: (year - fromYear) * 12 + (month - fromMonth) + 1 };
}

/** The start-up line: what was loaded and how to sign in. */
export function describeDemo(summary: DemoSummary): string {
  const first = (role: DemoAccountSpec['role']) => summary.accounts.find((account) => account.role === role)!;
  const signIns = (['leader', 'coach', 'hr', 'admin'] as const).map((role) => `${first(role).email} (${role === 'hr' ? 'HR' : role})`);
  return (
    `Loaded the demo: ${summary.leaders} leaders with a year of calendar each, a coach, HR and an administrator. ` +
    `Sign in as ${signIns.join(', ')} or any demo leader, with the password ${DEMO_PASSWORD}.`
  );
}
