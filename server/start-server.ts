import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { createCalendarReader } from './services/calendar-reader.ts';
import { bootstrapAdmin } from './bootstrap-admin.ts';
import { decoyHash } from './auth/passwords.ts';
import type { ServerConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { describeDemo, seedDemo } from './demo/seed-demo.ts';
import { ensureCurrentPlacements } from './services/ensure-current-placements.ts';
import { scheduleRetention } from './services/retention.ts';
import { ensureWebBuild } from './web-build.ts';

/** Opens and migrates the database, loads the demo into an empty one, and listens. */
export async function startServer(config: ServerConfig): Promise<Server> {
  await ensureWebBuild((message) => console.log(message));
  const db = openDatabase(config.dbPath);
  const moved = ensureCurrentPlacements(db);
  if (moved > 0) console.log(`The default rules changed since the last start: ${moved} stored events were placed again.`);
  const demo = config.loadDemo ? await seedDemo(db, Date.now()) : null;
  if (demo) console.log(describeDemo(demo));
  // Ready before the first sign-in, so that the first unknown address costs no more than a known one.
  await decoyHash();
  const admin = await bootstrapAdmin(db, process.env, Date.now());
  if (admin) console.log(`Created the first administrator, ${admin} (from ALTITUDE_ADMIN_EMAIL).`);
  // Retention runs before the first request and then daily; its timer does not keep the process up.
  if (config.retentionMonths !== null) scheduleRetention(db, config.retentionMonths);
  const calendarReader = createCalendarReader(config.importReader);
  const app = createApp({ db, session: { signup: config.signup, secureCookies: config.secureCookies }, minGroup: config.minGroup, calendarReader, importsPerWindow: config.importsPerWindow });
  return new Promise((resolve, reject) => {
    // Express 5 hands a listen error (a port in use) to this callback as well as to 'error'.
    const server = app.listen(config.port, config.host, (error?: Error) => {
      if (error) return reject(error);
      console.log(`Altitude is listening on http://${config.host}:${config.port} (database: ${config.dbPath})`);
      resolve(server);
    });
    server.on('error', reject);
    const stop = () => {
      calendarReader.close();
      server.close(() => {
        db.$client.close();
        process.exit(0);
      });
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
