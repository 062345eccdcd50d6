import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDatabase } from './db/open-database.ts';
import { authenticate } from './http/authenticate.ts';
import { errorHandler, notFoundRoute } from './http/errors.ts';
import { authoriseLeader } from './http/leader-access.ts';
import { accountDataRoutes } from './http/routes/account-data.ts';
import { coachingRoutes } from './http/routes/coaching.ts';
import { demoRoutes } from './http/routes/demo.ts';
import { cohortRoutes } from './http/routes/cohorts.ts';
import { importRoutes } from './http/routes/imports.ts';
import { leaderRoutes } from './http/routes/leaders.ts';
import { referenceRoutes } from './http/routes/reference.ts';
import { reportRoutes } from './http/routes/reports.ts';
import { ruleRoutes } from './http/routes/rules.ts';
import { sessionRoutes, type SessionOptions } from './http/routes/session.ts';
import { sourceRoutes } from './http/routes/sources.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createCalendarReader, type CalendarReader } from './services/calendar-reader.ts';
import { WEB_DIST } from './web-build.ts';

export interface AppOptions {
  db: AppDatabase;
  /** The clock; tests pass a fixed one. */
  now?: () => number;
  /** Where unexpected errors are written; they never reach the client. */
  log?: (error: unknown) => void;
  /** Sign-up open to anyone (default) or closed; Secure cookies behind a TLS proxy. */
  session?: Partial<SessionOptions>;
  /** K of HR's aggregates (5 unless configured higher). */
  minGroup?: number;
  /** The built web app (web/dist); tests point it elsewhere to see the "not built" page. */
  webDist?: string;
  /** Reads uploaded calendars in child processes (memory cap, time limit); default limits unless given. */
  calendarReader?: CalendarReader;
  /** Imports one user may start in 10 minutes (20 unless configured). */
  importsPerWindow?: number;
}

/** Builds the app without listening (tests drive it with supertest). */
export function createApp({ db, now = Date.now, log = (error) => console.error(error), session = {}, minGroup, webDist = WEB_DIST, calendarReader, importsPerWindow }: AppOptions): express.Express {
  const context = { db, now, calendarReader: calendarReader ?? createCalendarReader() };
  const sessionOptions: SessionOptions = { signup: 'open', secureCookies: false, ...session };
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ secure: sessionOptions.secureCookies }));

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(express.json({ limit: '1mb' }));
  api.get('/health', (_req, res) => {
    db.$client.prepare('select 1').get();
    res.json({ status: 'ok' });
  });
  api.use(referenceRoutes());
  api.use(demoRoutes(context));
  api.use(authenticate(context));
  api.use(sessionRoutes(context, sessionOptions));
  api.use(accountDataRoutes(context, sessionOptions));
  // Everything about one leader passes the same gate (owner, or a coach the leader granted), and
  // before any router that serves such paths.
  api.use('/leaders/:leaderId', authoriseLeader(context));
  api.use(coachingRoutes(context));
  api.use(cohortRoutes(context, minGroup === undefined ? {} : { minGroup }));
  api.use('/leaders', leaderRoutes(context));
  api.use('/leaders/:leaderId/imports', importRoutes(context, importsPerWindow === undefined ? {} : { importsPerWindow }));
  api.use('/leaders/:leaderId/sources', sourceRoutes(context));
  api.use('/leaders/:leaderId/rules', ruleRoutes(context));
  api.use('/leaders/:leaderId', reportRoutes(context));
  api.use(notFoundRoute);
  app.use('/api', api);

  // The web app (web/dist, built by `npm start`): its files, and index.html for every other page.
  app.use(express.static(webDist, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
  app.get(/^\/(?!api\/).*/, (_req, res) => {
    const index = join(webDist, 'index.html');
    if (existsSync(index)) res.set('Cache-Control', 'no-cache').sendFile(index);
    else res.status(503).type('html').send(NOT_BUILT);
  });
  app.use(notFoundRoute);
  app.use(errorHandler(log));
  return app;
}

function noCacheForHtml(res: express.Response, path: string): void {
  if (path.endsWith('.html')) res.set('Cache-Control', 'no-cache');
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Altitude</title></head>
<body><h1>Altitude</h1><p>The web app has not been built yet: run <code>npm run build:web</code>, or start with <code>npm start</code>, which builds it.</p>
<p>The API answers at <a href="/api/health">/api/health</a>.</p></body></html>`;
