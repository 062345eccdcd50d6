import { Router } from 'express';
import { createLeaderBody, leaderParams, updateLeaderBody } from '../../../shared/api.ts';
import { leaderSettingsSchema } from '../../domain/leaders/leader-settings.ts';
import { createLeader, getLeader, listLeaders, type Leader } from '../../services/leaders.ts';
import { updateLeader } from '../../services/update-leader.ts';
import type { AppContext } from '../app-context.ts';
import { parseRequest } from '../errors.ts';

export function leaderRoutes({ db, now }: AppContext): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.json({ leaders: listLeaders(db).map(toLeaderView) });
  });

  router.post('/', (req, res) => {
    const body = parseRequest(createLeaderBody, req.body, 'body');
    res.status(201).json({ leader: toLeaderView(createLeader(db, body, now())) });
  });

  router.get('/:leaderId', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    res.json({ leader: toLeaderView(getLeader(db, leaderId)) });
  });

  router.patch('/:leaderId', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const body = parseRequest(updateLeaderBody, req.body, 'body');
    const settings = body.settings === undefined ? undefined : parseRequest(leaderSettingsSchema, body.settings, 'body.settings');
    res.json({ leader: toLeaderView(updateLeader(db, leaderId, { name: body.name, timeZone: body.timeZone, settings })) });
  });

  return router;
}

function toLeaderView(leader: Leader) {
  return { id: leader.id, email: leader.email, name: leader.name, timeZone: leader.timeZone, settings: leader.settings };
}
