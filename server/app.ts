import express from 'express';
import { fileURLToPath } from 'node:url';
import type { AppDatabase } from './db/open-database.ts';
import { errorHandler, notFoundRoute } from './http/errors.ts';
import { homePageRoutes } from './http/routes/home-page.ts';
import { importRoutes } from './http/routes/imports.ts';
import { leaderRoutes } from './http/routes/leaders.ts';
import { referenceRoutes } from './http/routes/reference.ts';
import { reportRoutes } from './http/routes/reports.ts';
import { ruleRoutes } from './http/routes/rules.ts';

export interface AppOptions {
  db: AppDatabase;
  /** The clock; tests pass a fixed one. */
  now?: () => number;
  /** Where unexpected errors are written; they never reach the client. */
  log?: (error: unknown) => void;
}

const STATIC = fileURLToPath(new URL('../web/static', import.meta.url));

/** Builds the app without listening (tests drive it with supertest). */
export function createApp({ db, now = Date.now, log = (error) => console.error(error) }: AppOptions): express.Express {
  const context = { db, now };
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    next();
  });

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
  api.use('/leaders', leaderRoutes(context));
  api.use('/leaders/:leaderId/imports', importRoutes(context));
  api.use('/leaders/:leaderId/rules', ruleRoutes(context));
  api.use('/leaders/:leaderId', reportRoutes(context));
  api.use(notFoundRoute);
  app.use('/api', api);

  app.use('/static', express.static(STATIC, { index: false }));
  app.use(homePageRoutes(context));
  app.use(notFoundRoute);
  app.use(errorHandler(log));
  return app;
}
