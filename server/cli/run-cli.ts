import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_DB_PATH, readConfig, type ServerConfig } from '../config.ts';
import { DatabaseFileProblem } from '../db/backup-database.ts';
import { openDatabase, type AppDatabase } from '../db/open-database.ts';
import { InvalidPeriod } from '../domain/audit/resolve-period.ts';
import { ImportRejected } from '../domain/ics/import-rejected.ts';
import { isEmail } from '../domain/ics/infer-leader.ts';
import { countingSettingsSchema, type CountingSettings } from '../domain/metrics/counting-settings.ts';
import { countingSettingsOf } from '../domain/leaders/leader-settings.ts';
import { prepareImportFor, storeImport } from '../services/import-calendar.ts';
import { createCalendarReader, readerLimitsFrom, type CalendarReader } from '../services/calendar-reader.ts';
import type { ImportReading } from '../services/read-import.ts';
import type { AuditReport } from '../domain/audit/build-report.ts';
import { buildLeaderReport } from '../services/leader-report.ts';
import { ensureLeader, findLeaderByEmail } from '../services/leaders.ts';
import { ensureCurrentPlacements } from '../services/ensure-current-placements.ts';
import { ServiceError } from '../services/service-error.ts';
import { createUser, findUserByEmail, listUsers } from '../services/users.ts';
import { formatImportCounts, formatReport, reportJson } from './format-report.ts';
import { runBackup, runRestore } from './backup-commands.ts';
import { runDeleteAccount, runExport, runPurge } from './data-rights-commands.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => number;
  /** Where relative paths are read from: the user's directory (npm run moves to the package's). */
  cwd: string;
  /** Standard input, whole (a password piped in); absent when it is a terminal. */
  readStdin?: () => Promise<string>;
}

/** Bad input or usage: one line on stderr, exit 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: altitude <command> [options]

Commands:
  audit <file.ics> [--me EMAIL] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz ZONE] [--now ISO] [--json]
        [--working-day-hours 8] [--strategic-share 0.2] [--planning-days 3] [--planning-day-hours 6]
      Analyse a calendar export without a database.
  import <file.ics> --leader EMAIL [--db PATH] [--source NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO] [--json] [--force]
      Store an export for a leader (created on first import; --force to import into an account
      the person created on the web themselves).
  report --leader EMAIL [--db PATH] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz ZONE] [--now ISO] [--json]
      The audit of a stored leader.
  serve [--db PATH] [--port N] [--host HOST]
      Start the web app and API.
  user add --email EMAIL [--role leader|coach|hr|admin | --admin] [--name NAME] [--db PATH]
      Create an account; the password comes from $ALTITUDE_PASSWORD or the first line of stdin.
      A leader's account takes over a profile that \`import\` already created for that e-mail.
  user list [--db PATH]
      The accounts: e-mail, role, name.
  export --leader EMAIL | --email EMAIL [--out FILE] [--db PATH]
      Everything stored about a person (any role), as JSON: to FILE, else to stdout.
  delete-account --email EMAIL --yes [--db PATH]
      Delete an account (or a leader profile without one) and everything keyed to it.
  purge --older-than-months N [--dry-run] [--db PATH] [--now ISO]
      Remove events that ended more than N months ago, and the imports nothing remains of.
  backup <file> [--db PATH]
      Write a consistent copy of the database to a new file, also while the server is writing.
  restore <file> [--db PATH]
      Replace the database with a backup (stop the server first); the replaced database is kept
      next to it as <db>.before-restore-<time>.

The database is --db, else $ALTITUDE_DB, else ${DEFAULT_DB_PATH}.`;

const PERIOD_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Runs one command; returns the exit code (0 ok, 1 unexpected failure, 2 bad input or usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'audit':
        return await runAudit(rest, io);
      case 'import':
        return await runImport(rest, io);
      case 'report':
        return runReport(rest, io);
      case 'serve':
        await runServe(rest, io);
        return 0;
      case 'user':
        return await runUser(rest, io);
      case 'export':
        return runExport(rest, io);
      case 'delete-account':
        return runDeleteAccount(rest, io);
      case 'purge':
        return runPurge(rest, io);
      case 'backup':
        return runBackup(rest, io);
      case 'restore':
        return runRestore(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return 0;
      case undefined:
        throw new UsageError('a command is needed: audit, import, report, serve, user, export, delete-account, purge, backup or restore (altitude help)');
      default:
        throw new UsageError(`unknown command "${command}" (altitude help lists them)`);
    }
  } catch (error) {
    const message = describeFailure(error);
    if (message) {
      io.stderr(`altitude: ${oneLine(message)}`);
      return 2;
    }
    io.stderr(`altitude: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 1;
  }
}

async function runAudit(args: string[], io: CliIo): Promise<number> {
  const { values, file } = parse(
    args,
    {
      ...PERIOD_OPTIONS,
      me: { type: 'string' },
      tz: { type: 'string' },
      'working-day-hours': { type: 'string' },
      'strategic-share': { type: 'string' },
      'planning-days': { type: 'string' },
      'planning-day-hours': { type: 'string' },
    },
    'audit <file.ics>',
  );
  if (values.me !== undefined && !isEmail(values.me)) throw new UsageError(`--me "${values.me}" is not an e-mail address`);
  const settings = readThresholds(values);
  const options = { me: values.me, from: values.from, to: values.to, timeZone: values.tz, nowMs: readNow(values.now, io), settings };
  const bytes = readFile(resolvePath(file, io));
  const reader = createReader(io);
  let report: AuditReport;
  try {
    report = await reader.audit(bytes, options);
  } finally {
    reader.close();
  }
  io.stdout(values.json ? reportJson(report) : formatReport(report, settings.planningDaysPerQuarter));
  return 0;
}

/** The counting thresholds of TAXONOMY.md, each with a flag; the defaults where none is given. */
function readThresholds(values: Record<string, string | boolean | undefined>): CountingSettings {
  const number = (flag: string): number | undefined => {
    const text = values[flag];
    if (text === undefined) return undefined;
    const value = Number(text);
    if (typeof text !== 'string' || text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} "${String(text)}" is not a number`);
    return value;
  };
  const hours = (flag: string) => {
    const value = number(flag);
    return value === undefined ? undefined : Math.round(value * 60);
  };
  const parsed = countingSettingsSchema.safeParse({
    workingDayMinutes: hours('working-day-hours'),
    strategicShareMin: number('strategic-share'),
    planningDaysPerQuarter: number('planning-days'),
    planningDayMinutes: hours('planning-day-hours'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = { workingDayMinutes: 'working-day-hours', strategicShareMin: 'strategic-share', planningDaysPerQuarter: 'planning-days', planningDayMinutes: 'planning-day-hours' }[String(issue.path[0])];
    throw new UsageError(`--${flag}: ${issue.message}`);
  }
  return parsed.data;
}

async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, file } = parse(
    args,
    { ...PERIOD_OPTIONS, leader: { type: 'string' }, db: { type: 'string' }, source: { type: 'string' }, force: { type: 'boolean', default: false } },
    'import <file.ics> --leader EMAIL',
  );
  const email = requireLeader(values.leader);
  const bytes = readFile(resolvePath(file, io));
  const nowMs = readNow(values.now, io);
  const request = { bytes, nowMs, source: values.source, fileName: file.split('/').pop(), from: values.from, to: values.to };
  // Whoever signed up first with an address is not proof that it is theirs (addresses are not
  // verified): the operator confirms before a calendar goes into a self-registered account.
  const guardSelfRegistered = (db: AppDatabase, leaderId: number | undefined) => {
    const owner = findUserByEmail(db, email);
    if (owner?.origin === 'signup' && owner.leaderId === leaderId && !values.force) {
      throw new UsageError(`${email} signed up on the web themselves; import into that account only if you know it is theirs (add --force)`);
    }
  };
  const reader = createReader(io);
  return withDatabaseAsync(values.db, io, async (db) => {
    ensureCurrentPlacements(db);
    const existing = findLeaderByEmail(db, email);
    if (existing) guardSelfRegistered(db, existing.id);
    // The file is read in a child process (memory cap, time limit), as the server reads uploads;
    // a leader the import creates is read as a new one, and stored only with the import.
    const input = prepareImportFor(db, existing ?? { id: 0, email, name: null, timeZone: null, settings: {}, createdAt: nowMs, revision: 0 }, request);
    let reading: ImportReading;
    try {
      reading = await reader.readImport(input);
    } finally {
      reader.close();
    }
    // One transaction (the import's own nests as a savepoint): a refused file left a new, empty leader behind.
    const result = db.$client.transaction(() => {
      const leader = ensureLeader(db, email, nowMs);
      guardSelfRegistered(db, leader.id);
      return storeImport(db, { ...request, leaderId: leader.id }, input, reading);
    }).immediate(); // the write lock first: see server/db/write-transaction.ts
    if (values.json) {
      io.stdout(JSON.stringify(result, null, 2));
    } else {
      io.stdout(
        `Imported ${file} for ${email} (calendar "${result.source}", window ${result.window.from} to ${result.window.to}): ` +
          `${formatImportCounts(result)}; ${result.issues.length} report ${result.issues.length === 1 ? 'entry' : 'entries'} (--json for all).`,
      );
    }
    return 0;
  });
}

function runReport(args: string[], io: CliIo): number {
  const { values } = parse(args, { ...PERIOD_OPTIONS, leader: { type: 'string' }, db: { type: 'string' }, tz: { type: 'string' } }, null);
  const email = requireLeader(values.leader);
  const nowMs = readNow(values.now, io);
  return withDatabase(values.db, io, 'existing', (db) => {
    const leader = findLeaderByEmail(db, email);
    if (!leader) throw new UsageError(`no leader ${email} in the database; import a calendar for them first`);
    const report = buildLeaderReport(db, leader.id, { from: values.from, to: values.to, timeZone: values.tz, nowMs });
    io.stdout(values.json ? reportJson(report) : formatReport(report, countingSettingsOf(leader.settings).planningDaysPerQuarter));
    return 0;
  });
}

const ROLES = ['leader', 'coach', 'hr', 'admin'] as const;

async function runUser(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') {
    const { values } = parse(rest, { db: { type: 'string' } }, null);
    return withDatabase(values.db, io, 'existing', (db) => {
      const rows = listUsers(db);
      io.stdout(rows.length === 0 ? 'No accounts yet.' : rows.map((u) => `${u.email}\t${u.role}\t${u.name ?? ''}`).join('\n'));
      return 0;
    });
  }
  if (action !== 'add') {
    throw new UsageError(action === undefined || action.startsWith('-') ? 'user needs an action: add or list' : `unknown user action "${action}" (add or list)`);
  }
  const { values } = parse(
    rest,
    { email: { type: 'string' }, role: { type: 'string' }, admin: { type: 'boolean', default: false }, name: { type: 'string' }, db: { type: 'string' } },
    null,
  );
  if (!values.email) throw new UsageError('--email EMAIL is required');
  if (values.admin && values.role !== undefined && values.role !== 'admin') throw new UsageError(`--admin and --role ${values.role} contradict each other`);
  const role = values.admin ? 'admin' : (values.role ?? 'leader');
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role "${role}" is not one of ${ROLES.join(', ')}`);
  const password = await readPassword(io);
  return withDatabaseAsync(values.db, io, async (db) => {
    const user = await createUser(db, { email: values.email!, password, name: values.name ?? null, role: role as (typeof ROLES)[number] }, io.now(), { claimExistingProfile: true });
    io.stdout(`Created the ${role === 'hr' ? 'HR' : role === 'admin' ? 'administrator' : role} account ${user.email}${user.leaderId ? ` (leader profile ${user.leaderId})` : ''}.`);
    return 0;
  });
}

/** From the environment (scripts) or the first line of stdin (a pipe); never from an argument, which `ps` shows. */
async function readPassword(io: CliIo): Promise<string> {
  const fromEnv = io.env.ALTITUDE_PASSWORD;
  if (fromEnv) return fromEnv;
  const piped = io.readStdin ? (await io.readStdin()).split(/\r?\n/)[0] ?? '' : '';
  if (!piped) throw new UsageError('no password: set ALTITUDE_PASSWORD or pipe it on stdin (echo "$PASSWORD" | altitude user add …)');
  return piped;
}

async function runServe(args: string[], io: CliIo): Promise<void> {
  const { values } = parse(args, { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } }, null);
  let config: ServerConfig;
  try {
    config = readConfig(io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = values.port === undefined ? config.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port "${values.port}" is not a port number`);
  // Loaded on demand: the other commands need neither express nor the demo data.
  const { startServer } = await import('../start-server.ts');
  try {
    await startServer({ ...config, host: values.host ?? config.host, port, dbPath: values.db === undefined ? config.dbPath : resolvePath(values.db, io) });
  } catch (error) {
    // Another program has the port: the user picks another, as with any wrong value.
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`cannot start: port ${port} is already in use (--port or $PORT picks another)`);
    throw error;
  }
}

export function parse<O extends ParseArgsConfig['options']>(args: string[], options: O, positional: string | null) {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (positional === null && positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (positional !== null && positionals.length !== 1) throw new UsageError(`usage: altitude ${positional}`);
  return { values, file: positionals[0] ?? '' };
}

export function requireLeader(leader: string | undefined): string {
  if (!leader) throw new UsageError('--leader EMAIL is required');
  if (!isEmail(leader)) throw new UsageError(`--leader "${leader}" is not an e-mail address`);
  return leader.trim().toLowerCase();
}

/** An instant written in full, with its offset: the clock must not depend on the machine's zone. */
export function readNow(value: string | undefined, io: CliIo): number {
  if (value === undefined) return io.now();
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
    throw new UsageError(`--now "${value}" is not an ISO date-time with Z or an offset (e.g. 2026-11-25T12:00:00Z)`);
  }
  return ms;
}

function readFile(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : code;
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

/** A reader for one file: limits from the environment (as the server's), no process kept waiting. */
function createReader(io: CliIo): CalendarReader {
  let limits;
  try {
    limits = readerLimitsFrom(io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return createCalendarReader(limits, { keepSpare: false });
}

export function resolvePath(path: string, io: CliIo): string {
  return resolve(io.cwd, path);
}

/** `report` reads an existing database; `import` creates one when there is none. */
export function withDatabase(option: string | undefined, io: CliIo, mode: 'create' | 'existing', work: (db: AppDatabase) => number): number {
  const path = option !== undefined ? resolvePath(option, io) : (io.env.ALTITUDE_DB ?? DEFAULT_DB_PATH);
  if (mode === 'existing' && !existsSync(path)) throw new UsageError(`there is no database at ${path}; import a calendar first (or pass --db)`);
  let db: AppDatabase;
  try {
    db = openDatabase(path);
  } catch (error) {
    throw new UsageError(`cannot open the database ${path}: ${(error as Error).message}`);
  }
  ensureCurrentPlacements(db);
  try {
    return work(db);
  } finally {
    db.$client.close();
  }
}

async function withDatabaseAsync(option: string | undefined, io: CliIo, work: (db: AppDatabase) => Promise<number>): Promise<number> {
  const path = option !== undefined ? resolvePath(option, io) : (io.env.ALTITUDE_DB ?? DEFAULT_DB_PATH);
  let db: AppDatabase;
  try {
    db = openDatabase(path);
  } catch (error) {
    throw new UsageError(`cannot open the database ${path}: ${(error as Error).message}`);
  }
  try {
    return await work(db);
  } finally {
    db.$client.close();
  }
}

/** The one-line message for failures caused by the input, or null for unexpected ones. */
function describeFailure(error: unknown): string | null {
  if (error instanceof UsageError) return error.message;
  if (error instanceof ImportRejected) return error.message;
  if (error instanceof InvalidPeriod) return error.message.replace(/^(from|to|tz) /, '--$1 ').replace(/ (to|from) (\S+)$/, ' --$1 $2');
  if (error instanceof ServiceError) return error.message;
  if (error instanceof DatabaseFileProblem) return error.message;
  // parseArgs reports unknown or malformed options with these codes.
  const code = (error as { code?: string }).code;
  if (code?.startsWith('ERR_PARSE_ARGS')) return `${(error as Error).message} (altitude help)`;
  return null;
}

/**
 * Some causes arrive over several lines (node's argument parser adds a hint; SQLite's integrity
 * check lists every damaged page): stderr gets one line, as every failure here promises.
 */
function oneLine(message: string, max = 400): string {
  const line = message.split(/\r?\n/).map((part) => part.trim()).filter(Boolean).join(' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
