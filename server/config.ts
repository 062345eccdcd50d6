import { z } from 'zod';

export const DEFAULT_DB_PATH = './data/altitude.db';

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  ALTITUDE_DB: z.string().min(1).default(DEFAULT_DB_PATH),
  /** "0" starts without loading the demo leader into an empty database. */
  ALTITUDE_DEMO: z.enum(['0', '1']).default('1'),
});

export type ServerConfig = { host: string; port: number; dbPath: string; loadDemo: boolean };

/** Reads the environment once at boot; a wrong value stops the process with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`${first.path.join('.')}: ${first.message}`);
  }
  return { host: parsed.data.HOST, port: parsed.data.PORT, dbPath: parsed.data.ALTITUDE_DB, loadDemo: parsed.data.ALTITUDE_DEMO === '1' };
}
