import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AuditOptions } from '../domain/audit/audit-calendar.ts';
import type { AuditReport } from '../domain/audit/build-report.ts';
import { InvalidPeriod } from '../domain/audit/resolve-period.ts';
import { ImportRejected, type RejectionCode } from '../domain/ics/import-rejected.ts';
import type { ImportRequest, ImportResult } from './import-calendar.ts';
import type { ImportInput, ImportReading } from './read-import.ts';
import { ServiceError } from './service-error.ts';

export interface ReaderLimits {
  /** Heap of the reading process (--max-old-space-size), in MB. */
  memoryMb: number;
  /** How long one file may take to read, from when the process is ready; then it is killed. */
  timeoutMs: number;
  /** Files read at once; more wait their turn (each reader may use memoryMb). */
  concurrency: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { memoryMb: 256, timeoutMs: 30_000, concurrency: 2 };

export type ReaderJob =
  | { task: 'import'; input: ImportInput }
  | { task: 'import-and-store'; dbPath: string; request: ImportRequest; input: ImportInput }
  | { task: 'audit'; bytes: Uint8Array; options: AuditOptions };

export type ReaderFailure =
  | { type: 'rejected'; code: RejectionCode; message: string }
  | { type: 'invalid-period'; message: string; fields: Array<'from' | 'to' | 'tz'> }
  | { type: 'service'; status: ServiceError['status']; code: string; message: string }
  | { type: 'internal'; message: string };

export type ReaderReply = { kind: 'ready' } | { kind: 'done'; result: unknown } | { kind: 'failed'; error: ReaderFailure };

/** Reads calendar files in child processes: what a file costs in memory and time stays there. */
export interface CalendarReader {
  readImport: (input: ImportInput) => Promise<ImportReading>;
  /**
   * Reads the file and stores the import through the child's own connection to the database
   * file, in one transaction there: the server's thread serves other requests (from the last
   * commit, WAL) while thousands of rows are written. Killed on time, the child's transaction
   * rolls back, as any crash does.
   */
  importAndStore: (dbPath: string, request: ImportRequest, input: ImportInput) => Promise<ImportResult>;
  audit: (bytes: Uint8Array, options: AuditOptions) => Promise<AuditReport>;
  /** Stops the waiting process, if any (a reading in progress finishes). */
  close: () => void;
}

const CHILD_SCRIPT = fileURLToPath(new URL('./calendar-reader-child.ts', import.meta.url));
// The child runs TypeScript as the server does: through tsx's loader, found from this package
// (not the working directory), so `altitude` works from any folder.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** Loading the reader's code; slower than this is a broken installation, not a hostile file. */
const START_TIMEOUT_MS = 60_000;
const STDERR_TAIL = 4096;
/**
 * Files one process reads before it is replaced. A reader that answered is healthy (reading is
 * pure: nothing of one file stays for the next), and a warm process reads far faster than a new
 * one; replacing it now and then returns whatever its heap grew to.
 */
const JOBS_PER_READER = 100;

/** `keepSpare`: start the next process ahead (a server); a one-shot command has no use for it. */
export function createCalendarReader(limits: ReaderLimits = DEFAULT_READER_LIMITS, { keepSpare = true } = {}): CalendarReader {
  const queue: Array<() => void> = [];
  let running = 0;
  // One process waiting for the next file: the last one that answered, or one started ahead, so
  // that an upload does not wait for Node and the reader's code to load (most of an ordinary
  // import's time otherwise).
  let spare: ReaderProcess | null = null;
  let isClosed = false;
  const take = (): ReaderProcess => {
    const ready = spare && !spare.isGone() ? spare : startReader(limits);
    spare = null;
    return ready;
  };
  const turn = async <T>(job: ReaderJob): Promise<T> => {
    if (running >= limits.concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    const reader = take();
    try {
      return (await reader.run(job, limits.timeoutMs)) as T;
    } finally {
      running--;
      const wantsSpare = keepSpare && !isClosed && !spare;
      if (wantsSpare && !reader.isGone() && reader.jobs() < JOBS_PER_READER) {
        reader.idle();
        spare = reader;
      } else {
        reader.kill();
        // Started after the reading, not beside it: on two cores it would slow the reading down.
        if (wantsSpare) spare = startReader(limits);
      }
      queue.shift()?.();
    }
  };
  return {
    readImport: (input) => turn({ task: 'import', input }),
    importAndStore: (dbPath, request, input) => turn({ task: 'import-and-store', dbPath, request, input }),
    audit: (bytes, options) => turn({ task: 'audit', bytes, options }),
    close: () => {
      isClosed = true;
      spare?.kill();
      spare = null;
    },
  };
}

/** Reader limits from the environment (server and CLI alike); a wrong value is refused by name. */
export function readerLimitsFrom(env: NodeJS.ProcessEnv): ReaderLimits {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name}: "${text}" is not a whole number from ${min} to ${max}`);
    return value;
  };
  return {
    memoryMb: read('ALTITUDE_IMPORT_MEMORY_MB', DEFAULT_READER_LIMITS.memoryMb, 64, 16_384),
    timeoutMs: read('ALTITUDE_IMPORT_TIMEOUT_MS', DEFAULT_READER_LIMITS.timeoutMs, 50, 3_600_000),
    concurrency: read('ALTITUDE_IMPORT_CONCURRENCY', DEFAULT_READER_LIMITS.concurrency, 1, 64),
  };
}

interface ReaderProcess {
  run: (job: ReaderJob, timeoutMs: number) => Promise<unknown>;
  /** Files it was given. */
  jobs: () => number;
  /** Waiting: it no longer holds the parent process open. */
  idle: () => void;
  isGone: () => boolean;
  kill: () => void;
}

/** Starts one reading process; it waits, not holding the parent open, until it is given a job. */
function startReader(limits: ReaderLimits): ReaderProcess {
  const child = fork(CHILD_SCRIPT, [], {
    execArgv: ['--import', TSX_LOADER, `--max-old-space-size=${limits.memoryMb}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Structured clone: the file's bytes and the typed result cross without JSON's detour.
    serialization: 'advanced',
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL);
  });
  const holdParent = (isHeld: boolean) => {
    const handles = [child, child.stderr, child.channel] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
    for (const handle of handles) (isHeld ? handle?.ref : handle?.unref)?.call(handle);
  };
  holdParent(false);

  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  let onReply: ((reply: ReaderReply) => void) | null = null;
  let onExit: (() => void) | null = null;
  let spawnError: Error | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('The calendar reader did not start in time.'));
      child.kill('SIGKILL');
    }, START_TIMEOUT_MS);
    timer.unref();
    child.on('message', (reply: ReaderReply) => {
      if (reply.kind === 'ready') {
        clearTimeout(timer);
        resolve();
      } else onReply?.(reply);
    });
    child.on('error', (error) => {
      spawnError = error;
      clearTimeout(timer);
      reject(error);
    });
    // 'exit' means the child is gone and reaped: never a zombie.
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      clearTimeout(timer);
      reject(new Error(`The calendar reader could not start (${signal ?? `exit code ${code}`}): ${stderr.trim().split('\n').pop() ?? ''}`));
      onExit?.();
    });
  });
  ready.catch(() => {}); // a spare that never gets a job must not be an unhandled rejection

  let jobs = 0;
  const run = async (job: ReaderJob, timeoutMs: number): Promise<unknown> => {
    jobs++;
    holdParent(true);
    await ready;
    return new Promise((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        onReply = null;
        onExit = null;
        outcome();
      };
      onReply = (reply) => {
        if (reply.kind === 'done') settle(() => resolve(reply.result));
        else if (reply.kind === 'failed') settle(() => reject(toError(reply.error)));
      };
      onExit = () => settle(() => reject(spawnError ?? describeExit(exit!.code, exit!.signal, stderr, timedOut, limits)));
      if (exit) return onExit();
      child.send(job, (error) => {
        if (error && !exit) {
          child.kill('SIGKILL');
          settle(() => reject(error));
        }
      });
    });
  };
  const isGone = () => exit !== null || spawnError !== null;
  return { run, jobs: () => jobs, idle: () => holdParent(false), isGone, kill: () => isGone() || child.kill('SIGKILL') };
}

function describeExit(code: number | null, signal: NodeJS.Signals | null, stderr: string, timedOut: boolean, limits: ReaderLimits): Error {
  if (timedOut) {
    return new ImportRejected('calendar-timeout', `Reading the file took longer than ${formatSeconds(limits.timeoutMs)}; it was stopped. Import a shorter window (from and to) or a smaller export.`);
  }
  if (/heap limit|heap out of memory|allocation failed/i.test(stderr)) {
    return new ImportRejected('calendar-too-complex', `Reading the file needed more than ${limits.memoryMb} MB of memory; it was stopped. Import a shorter window (from and to) or a smaller export.`);
  }
  return new ImportRejected('calendar-unreadable', `The file could not be read: the reader stopped (${signal ?? `exit code ${code}`}) before it finished. Nothing was imported.`);
}

function toError(failure: ReaderFailure): Error {
  switch (failure.type) {
    case 'rejected':
      return new ImportRejected(failure.code, failure.message);
    case 'invalid-period':
      return new InvalidPeriod(failure.message, failure.fields);
    case 'service':
      return new ServiceError(failure.status, failure.code, failure.message);
    case 'internal':
      return new Error(`The calendar reader failed: ${failure.message}`);
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
