import { Router } from 'express';
import { offeredDemoAccounts } from '../../demo/demo-state.ts';
import type { AppContext } from '../app-context.ts';

/**
 * The demo accounts and their (public, documented) password, for the sign-in page. Open to
 * anyone, because it is shown before sign-in; empty unless this database holds the demo.
 */
export function demoRoutes({ db }: AppContext): Router {
  const router = Router();
  router.get('/demo-accounts', (_req, res) => {
    res.json({ accounts: offeredDemoAccounts(db) });
  });
  return router;
}
