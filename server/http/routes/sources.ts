import { Router } from 'express';
import { leaderParams, sourceParams } from '../../../shared/api.ts';
import { listSources, removeSource } from '../../services/leader-sources.ts';
import type { AppContext } from '../app-context.ts';
import { parseRequest } from '../errors.ts';

/**
 * A leader's calendars. The gate in leader-access.ts lets owner and coaches list them, and only
 * the owner remove one (a write outside /rules, /events and /notes).
 */
export function sourceRoutes({ db, now }: AppContext): Router {
  const router = Router({ mergeParams: true });

  router.get('/', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    res.json({ sources: listSources(db, leaderId) });
  });

  router.delete('/:sourceId', (req, res) => {
    const { leaderId, sourceId } = parseRequest(sourceParams, req.params, 'path');
    res.json({ removed: removeSource(db, leaderId, sourceId, now()) });
  });

  return router;
}
