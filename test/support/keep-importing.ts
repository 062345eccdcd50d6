import { readFileSync } from 'node:fs';
import { openDatabase } from '../../server/db/open-database.ts';
import { writeTransaction } from '../../server/db/write-transaction.ts';
import { importCalendar } from '../../server/services/import-calendar.ts';
import { ensureLeader } from '../../server/services/leaders.ts';

// A second process that writes without pause, through the real services, as a busy server would:
// `node --import tsx test/support/keep-importing.ts DB FILE...` imports the files in turn, for
// leaders writer-0 to writer-3, so each import adds, updates and removes events. It prints
// "imported N" after each commit and stops at SIGTERM, between two imports.

const [dbPath, ...files] = process.argv.slice(2);
if (!dbPath || files.length === 0) throw new Error('usage: keep-importing.ts DB FILE...');
const calendars = files.map((file) => readFileSync(file));
const db = openDatabase(dbPath);
// No automatic checkpoints: every commit stays in the -wal, as when a long read holds checkpoints
// back. A copy that read only the database file would miss all of this process's imports.
db.$client.pragma('wal_autocheckpoint = 0');
const NOW = Date.parse('2026-03-20T12:00:00Z');

let stopping = false;
process.on('SIGTERM', () => (stopping = true));

let count = 0;
while (!stopping) {
  const email = `writer-${count % 4}@northwind.example`;
  const bytes = calendars[Math.floor(count / 4) % calendars.length]!;
  writeTransaction(db, () => {
    const leader = ensureLeader(db, email, NOW);
    importCalendar(db, { leaderId: leader.id, bytes, nowMs: NOW + count });
  });
  count += 1;
  process.stdout.write(`imported ${count}\n`);
  // Let the SIGTERM handler run between two imports.
  await new Promise((resolve) => setImmediate(resolve));
}
db.$client.close();
