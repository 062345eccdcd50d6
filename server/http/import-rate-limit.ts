import type { RequestHandler } from 'express';
import { currentAuth } from './authenticate.ts';
import { HttpError } from './errors.ts';

/** Imports are counted over this sliding window, per signed-in user. */
export const IMPORT_RATE_WINDOW_MS = 10 * 60_000;
export const DEFAULT_IMPORTS_PER_WINDOW = 20;

/** ALTITUDE_IMPORT_RATE_LIMIT: imports one user may start in 10 minutes (default 20). */
export function importRateLimitFrom(env: NodeJS.ProcessEnv): number {
  const text = env.ALTITUDE_IMPORT_RATE_LIMIT;
  if (text === undefined || text === '') return DEFAULT_IMPORTS_PER_WINDOW;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw new Error(`ALTITUDE_IMPORT_RATE_LIMIT: "${text}" is not a whole number from 1 to 10000`);
  return value;
}

/**
 * Refuses an import once the caller started `limit` of them in the last ten minutes, before the
 * body is read: each one costs a reading process. Every attempt counts, refused files too, since
 * a hostile file costs as much as a good one. Kept in memory: a restart forgets it.
 */
export function importRateLimit(now: () => number, limit: number): RequestHandler {
  const startedBy = new Map<number, number[]>();
  return (_req, res, next) => {
    const userId = currentAuth(res).user.id;
    const at = now();
    const recent = (startedBy.get(userId) ?? []).filter((ms) => ms > at - IMPORT_RATE_WINDOW_MS);
    if (recent.length >= limit) {
      startedBy.set(userId, recent);
      const waitMs = recent[0]! + IMPORT_RATE_WINDOW_MS - at;
      res.set('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
      throw new HttpError(429, 'too-many-imports', `You started ${limit} imports in the last 10 minutes; try again in ${Math.max(1, Math.ceil(waitMs / 60_000))} minutes.`);
    }
    recent.push(at);
    startedBy.set(userId, recent);
    next();
  };
}
