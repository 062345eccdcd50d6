import type { AppDatabase } from './db/open-database.ts';
import { countAdmins, createUser } from './services/users.ts';

/**
 * The first administrator, on first start: when no administrator exists and the operator set
 * ALTITUDE_ADMIN_EMAIL and ALTITUDE_ADMIN_PASSWORD. Later starts leave accounts alone (the
 * variables can then be removed); `altitude user add --admin` does the same from the CLI.
 */
export async function bootstrapAdmin(db: AppDatabase, env: NodeJS.ProcessEnv, nowMs: number): Promise<string | null> {
  const email = env.ALTITUDE_ADMIN_EMAIL;
  const password = env.ALTITUDE_ADMIN_PASSWORD;
  if (!email || !password || countAdmins(db) > 0) return null;
  const user = await createUser(db, { email, password, role: 'admin', name: 'Administrator' }, nowMs);
  return user.email;
}
