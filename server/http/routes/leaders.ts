import { Router } from 'express';
import { leaderParams, updateLeaderBody } from '../../../shared/api.ts';
import { leaderSettingsSchema } from '../../domain/leaders/leader-settings.ts';
import { accessToLeader, visibleLeaders } from '../../services/leader-access.ts';
import { getLeader, type Leader } from '../../services/leaders.ts';
import { updateLeader } from '../../services/update-leader.ts';
import type { AppContext } from '../app-context.ts';
import { currentAuth } from '../authenticate.ts';
import { parseRequest } from '../errors.ts';

export function leaderRoutes({ db }: AppContext): Router {
  const router = Router();

  /** The leaders the user may open: their own profile, or a coach's clients. */
  router.get('/', (_req, res) => {
    const { user } = currentAuth(res);
    res.json({ leaders: visibleLeaders(db, user).map((leader) => ({ ...toLeaderView(leader), access: accessToLeader(db, user, leader.id) })) });
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
