import type { RequestHandler } from 'express';
import { leaderParams } from '../../shared/api.ts';
import { accessToLeader, type LeaderAccess } from '../services/leader-access.ts';
import type { AppContext } from './app-context.ts';
import { currentAuth } from './authenticate.ts';
import { HttpError, parseRequest } from './errors.ts';

/** What a request under /api/leaders/:leaderId needs. */
export type LeaderNeed = 'read' | 'edit' | 'own';

/**
 * Reading is for the owner and granted coaches; reclassifying (rules, category decisions) also for
 * coaches the leader allowed to edit; importing, settings and anything else for the owner alone.
 * Notes are read and written by both sides of the engagement (their handler checks the grant).
 */
export function needOf(method: string, subPath: string): LeaderNeed {
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (/^\/notes(\/|$)/.test(subPath)) return 'read';
  if (/^\/(rules|events)(\/|$)/.test(subPath)) return 'edit';
  return 'own';
}

const ALLOWED: Record<LeaderNeed, LeaderAccess[]> = {
  read: ['owner', 'coach-edit', 'coach-read'],
  edit: ['owner', 'coach-edit'],
  own: ['owner'],
};

/**
 * The answer to a request for an audit the user may not read. One message whether the id exists
 * or not (ids of other people's data are not confirmed), worded for the commonest reader: a coach
 * whose client ended the sharing while their page was open.
 */
export function auditNotAvailable(): HttpError {
  return new HttpError(404, 'not-found', 'This audit is not available to you: it was never shared with you, or sharing has ended.');
}

/** Guards every route under /api/leaders/:leaderId; the handlers then trust the id. */
export function authoriseLeader({ db }: AppContext): RequestHandler {
  return (req, res, next) => {
    const { user } = currentAuth(res);
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const access = accessToLeader(db, user, leaderId);
    if (!access) throw auditNotAvailable();
    const need = needOf(req.method, req.path);
    if (!ALLOWED[need].includes(access)) {
      throw new HttpError(
        403,
        'forbidden',
        access === 'coach-read' && need === 'edit'
          ? 'Your client has not allowed you to make changes; you can read their audit.'
          : 'Only the leader can do this with their own calendar.',
      );
    }
    res.locals.leaderAccess = access;
    next();
  };
}
