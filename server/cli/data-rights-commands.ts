import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { isEmail } from '../domain/ics/infer-leader.ts';
import { MAX_RETENTION_MONTHS } from '../domain/retention/retention-horizon.ts';
import { buildAccountExport } from '../services/account-export.ts';
import { personOfEmail } from '../services/account-person.ts';
import { deleteAccount } from '../services/delete-account.ts';
import { describePurge, purgeExpiredData } from '../services/retention.ts';
import { parse, readNow, resolvePath, UsageError, withDatabase, type CliIo } from './run-cli.ts';

// The operator's side of a person's data rights: export, delete, and the retention purge.

function requireEmail(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} EMAIL is required`);
  if (!isEmail(value)) throw new UsageError(`${flag} "${value}" is not an e-mail address`);
  return value.trim().toLowerCase();
}

/** `altitude export --leader EMAIL [--out FILE]`: the same JSON as the web's download. */
export function runExport(args: string[], io: CliIo): number {
  const { values } = parse(args, { leader: { type: 'string' }, email: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } }, null);
  if (values.leader !== undefined && values.email !== undefined) throw new UsageError('give --leader or --email, not both');
  const email = requireEmail(values.leader ?? values.email, values.email !== undefined ? '--email' : '--leader');
  return withDatabase(values.db, io, 'existing', (db) => {
    const text = JSON.stringify(buildAccountExport(db, personOfEmail(db, email), io.now()), null, 2);
    if (values.out === undefined) {
      io.stdout(text);
      return 0;
    }
    const target = resolvePath(values.out, io);
    // Written beside the target and renamed: an interrupted export never leaves half a file.
    const partial = `${target}.partial-${process.pid}`;
    try {
      writeFileSync(partial, `${text}\n`, { mode: 0o600 });
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { force: true });
      throw new UsageError(`cannot write ${values.out}: ${WRITE_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message}`);
    }
    io.stdout(`Wrote everything stored about ${email} to ${values.out} (${Buffer.byteLength(text) + 1} bytes).`);
    return 0;
  });
}

/** `altitude delete-account --email EMAIL --yes`. */
export function runDeleteAccount(args: string[], io: CliIo): number {
  const { values } = parse(args, { email: { type: 'string' }, yes: { type: 'boolean', default: false }, db: { type: 'string' } }, null);
  const email = requireEmail(values.email, '--email');
  if (!values.yes) throw new UsageError(`this deletes ${email} and everything stored about them, for good; add --yes to confirm`);
  return withDatabase(values.db, io, 'existing', (db) => {
    const deleted = deleteAccount(db, personOfEmail(db, email));
    const parts = Object.entries(deleted)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${table}`);
    io.stdout(`Deleted ${email}: ${parts.join(', ')}.`);
    return 0;
  });
}

/** `altitude purge --older-than-months N [--dry-run]`: what ALTITUDE_RETENTION_MONTHS does daily. */
export function runPurge(args: string[], io: CliIo): number {
  const { values } = parse(
    args,
    { 'older-than-months': { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, db: { type: 'string' }, now: { type: 'string' } },
    null,
  );
  const text = values['older-than-months'];
  if (text === undefined) throw new UsageError('--older-than-months N is required');
  const months = Number(text);
  if (!/^\d+$/.test(text) || months < 1 || months > MAX_RETENTION_MONTHS) {
    throw new UsageError(`--older-than-months "${text}" is not a whole number of months from 1 to ${MAX_RETENTION_MONTHS}`);
  }
  const nowMs = readNow(values.now, io);
  return withDatabase(values.db, io, 'existing', (db) => {
    const result = purgeExpiredData(db, { months, nowMs, dryRun: values['dry-run'] });
    io.stdout(values.json ? JSON.stringify(result, null, 2) : describePurge(result));
    return 0;
  });
}

/** What the system's error codes mean to someone choosing where to write. */
const WRITE_PROBLEMS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EISDIR: 'it is a folder; give a file name',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};
