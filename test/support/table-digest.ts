import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Every row of every table, hashed: two databases with the same hash hold the same data. */
export function tableDigest(client: Database.Database): { counts: Record<string, number>; hash: string } {
  const tables = client.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).pluck().all() as string[];
  const counts: Record<string, number> = {};
  const hash = createHash('sha256');
  for (const table of tables) {
    const rows = client.prepare(`select * from "${table}" order by rowid`).raw().all();
    counts[table] = rows.length;
    hash.update(`${table}\n${JSON.stringify(rows)}\n`);
  }
  return { counts, hash: hash.digest('hex') };
}
