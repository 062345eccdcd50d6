import { z } from 'zod';
import { resolveMinGroup } from './domain/cohorts/suppress.ts';
import { importRateLimitFrom } from './http/import-rate-limit.ts';
import { readerLimitsFrom, type ReaderLimits } from './services/calendar-reader.ts';
import { MAX_RETENTION_MONTHS } from './domain/retention/retention-horizon.ts';

export const DEFAULT_DB_PATH = './data/altitude.db';

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  ALTITUDE_DB: z.string().min(1).default(DEFAULT_DB_PATH),
  /** "0" starts without loading the demo (leaders, coach, HR, administrator) into an empty database. */
  ALTITUDE_DEMO: z.enum(['0', '1']).default('1'),
  /** "closed": only administrators (web or CLI) create accounts. */
  ALTITUDE_SIGNUP: z.enum(['open', 'closed']).default('open'),
  /** "1": session cookies are Secure even when requests arrive over plain HTTP (behind a TLS proxy). */
  ALTITUDE_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /** K: HR's aggregates over fewer people are hidden (5 by default, never below 5). */
  ALTITUDE_MIN_GROUP: z.string().optional(),
  /** Months of calendar data to keep (events that ended longer ago are purged at start and daily); unset or empty: keep everything. */
  ALTITUDE_RETENTION_MONTHS: z
    .string()
    .optional()
    .transform((text) => (text === undefined || text.trim() === '' ? null : text.trim()))
    .refine((text) => text === null || (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_RETENTION_MONTHS), `a whole number of months from 1 to ${MAX_RETENTION_MONTHS}, or unset to keep everything`)
    .transform((text) => (text === null ? null : Number(text))),
});

export type ServerConfig = { host: string; port: number; dbPath: string; loadDemo: boolean; signup: 'open' | 'closed'; secureCookies: boolean; minGroup: number; retentionMonths: number | null; importReader: ReaderLimits; importsPerWindow: number };

/** Reads the environment once at boot; a wrong value stops the process with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`${first.path.join('.')}: ${first.message}`);
  }
  return {
    host: parsed.data.HOST,
    port: parsed.data.PORT,
    dbPath: parsed.data.ALTITUDE_DB,
    loadDemo: parsed.data.ALTITUDE_DEMO === '1',
    signup: parsed.data.ALTITUDE_SIGNUP,
    secureCookies: parsed.data.ALTITUDE_SECURE_COOKIES === '1',
    minGroup: resolveMinGroup(parsed.data.ALTITUDE_MIN_GROUP),
    retentionMonths: parsed.data.ALTITUDE_RETENTION_MONTHS,
    // ALTITUDE_IMPORT_MEMORY_MB, ALTITUDE_IMPORT_TIMEOUT_MS, ALTITUDE_IMPORT_CONCURRENCY, ALTITUDE_IMPORT_RATE_LIMIT
    importReader: readerLimitsFrom(env),
    importsPerWindow: importRateLimitFrom(env),
  };
}
