import { Router, type Response } from 'express';
import { leaderParams } from '../../../shared/api.ts';
import { acceptGrantBody, addNoteBody, compareQuery, eventsCsvQuery, grantParams, inviteCoachBody, noteParams, updateGrantBody } from '../../../shared/coaching.ts';
import type { Db } from '../../db/open-database.ts';
import { listClients } from '../../services/coach-clients.ts';
import { WrongInviteCodes } from '../../domain/coaching/invite-code.ts';
import { acceptGrant, declineGrant, inviteCoach, issueInviteCode, listGrants, setGrantCanEdit, withdrawGrant } from '../../services/coach-grants.ts';
import { compareLeaderPeriods } from '../../services/compare-leader-periods.ts';
import { addNote, deleteNote, listNotes } from '../../services/engagement-notes.ts';
import { exportLeaderEvents } from '../../services/events-export.ts';
import { accessToLeader, type LeaderAccess } from '../../services/leader-access.ts';
import type { User } from '../../services/users.ts';
import type { AppContext } from '../app-context.ts';
import { currentAuth, requireRole } from '../authenticate.ts';
import { auditNotAvailable } from '../leader-access.ts';
import { HttpError, parseRequest } from '../errors.ts';

/** Coach grants, the coach's clients, notes, period comparison and the events CSV. */
export function coachingRoutes({ db, now }: AppContext): Router {
  const router = Router();
  const wrongCodes = new WrongInviteCodes();

  // Grants: the leader's consent, the coach's answer.

  router.get('/grants', (_req, res) => {
    const user = requireRole(res, 'leader', 'coach');
    res.json({ grants: listGrants(db, user) });
  });

  router.post('/grants', (req, res) => {
    const user = requireRole(res, 'leader');
    const body = parseRequest(inviteCoachBody, req.body, 'body');
    // The code is in this answer and in no later one: only its hash is stored.
    res.status(201).json(inviteCoach(db, user, body, now()));
  });

  router.post('/grants/:grantId/code', (req, res) => {
    const user = requireRole(res, 'leader');
    const { grantId } = parseRequest(grantParams, req.params, 'path');
    res.json(issueInviteCode(db, user, grantId, wrongCodes));
  });

  router.patch('/grants/:grantId', (req, res) => {
    const user = requireRole(res, 'leader');
    const { grantId } = parseRequest(grantParams, req.params, 'path');
    const { canEdit } = parseRequest(updateGrantBody, req.body, 'body');
    res.json({ grant: setGrantCanEdit(db, user, grantId, canEdit) });
  });

  router.delete('/grants/:grantId', (req, res) => {
    const user = requireRole(res, 'leader', 'coach');
    const { grantId } = parseRequest(grantParams, req.params, 'path');
    res.json({ grant: withdrawGrant(db, user, grantId, now()) });
  });

  router.post('/grants/:grantId/accept', (req, res) => {
    const { user } = currentAuth(res);
    const { grantId } = parseRequest(grantParams, req.params, 'path');
    const { code } = parseRequest(acceptGrantBody, req.body ?? {}, 'body');
    res.json({ grant: acceptGrant(db, user, grantId, code, wrongCodes, now()) });
  });

  router.post('/grants/:grantId/decline', (req, res) => {
    const { user } = currentAuth(res);
    const { grantId } = parseRequest(grantParams, req.params, 'path');
    res.json({ grant: declineGrant(db, user, grantId, now()) });
  });

  router.get('/coach/clients', (_req, res) => {
    const user = requireRole(res, 'coach');
    res.json(listClients(db, user, now()));
  });

  // One client's data. These routes sit before the /leaders/:leaderId gate in app.ts, so each
  // checks access itself, with the gate's rule: no access at all is "not found".

  router.get('/leaders/:leaderId/notes', (req, res) => {
    const { user, leaderId, access } = leaderRequest(db, req.params, res);
    res.json({ notes: listNotes(db, user, leaderId, access) });
  });

  router.post('/leaders/:leaderId/notes', (req, res) => {
    const { user, leaderId, access } = leaderRequest(db, req.params, res);
    const body = parseRequest(addNoteBody, req.body, 'body');
    res.status(201).json({ note: addNote(db, user, leaderId, access, body, now()) });
  });

  router.delete('/leaders/:leaderId/notes/:noteId', (req, res) => {
    const { user, leaderId, access } = leaderRequest(db, req.params, res);
    const { noteId } = parseRequest(noteParams, req.params, 'path');
    deleteNote(db, user, leaderId, access, noteId);
    res.status(204).end();
  });

  router.get('/leaders/:leaderId/compare', (req, res) => {
    const { leaderId } = leaderRequest(db, req.params, res);
    const query = parseRequest(compareQuery, req.query, 'query');
    const missing = (['aFrom', 'aTo', 'bFrom', 'bTo'] as const).filter((key) => !query[key]);
    if (missing.length > 0) {
      throw new HttpError(400, 'invalid-period', `Missing ${missing.join(', ')}: give both periods as aFrom, aTo, bFrom and bTo (dates written YYYY-MM-DD).`);
    }
    const comparison = compareLeaderPeriods(db, leaderId, {
      a: { from: query.aFrom!, to: query.aTo! },
      b: { from: query.bFrom!, to: query.bTo! },
      timeZone: query.tz,
      nowMs: now(),
    });
    res.json({ comparison });
  });

  router.get('/leaders/:leaderId/events.csv', (req, res) => {
    const { leaderId } = leaderRequest(db, req.params, res);
    const query = parseRequest(eventsCsvQuery, req.query, 'query');
    const { csv, fileName } = exportLeaderEvents(db, leaderId, { from: query.from, to: query.to, timeZone: query.tz, nowMs: now() });
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
    res.send(csv);
  });

  return router;
}

/** The signed-in user and their access to the leader of the path; 404 when they have none. */
function leaderRequest(db: Db, params: unknown, res: Response): { user: User; leaderId: number; access: LeaderAccess } {
  const { user } = currentAuth(res);
  const { leaderId } = parseRequest(leaderParams, params, 'path');
  const access = accessToLeader(db, user, leaderId);
  if (!access) throw auditNotAvailable();
  return { user, leaderId, access };
}
