import { Router } from 'express';
import {
  acceptMembershipBody,
  chartsQuery,
  cohortBody,
  cohortParams,
  complianceQuery,
  diagnosticAnswersBody,
  invitationsBody,
  memberParams,
  membershipChangeBody,
  membershipParams,
} from '../../../shared/cohorts-api.ts';
import { DEFAULT_MIN_GROUP } from '../../domain/cohorts/suppress.ts';
import { buildChartsView } from '../../services/cohort-charts.ts';
import { cachedWhileUnchanged } from '../../services/unchanged-cache.ts';
import { buildCompliance, buildComplianceCsv } from '../../services/cohort-compliance.ts';
import { createCohort, deleteCohort, getOwnCohort, inviteMembers, listCohorts, listMembers, removeMember, renameCohort } from '../../services/cohorts.ts';
import { buildDiagnosticView, recordDiagnosticAnswers } from '../../services/diagnostic.ts';
import { acceptMembership, changeMembership, declineMembership, leaveMembership, listMemberships } from '../../services/memberships.ts';
import type { AppContext } from '../app-context.ts';
import { requireRole } from '../authenticate.ts';
import { parseRequest } from '../errors.ts';

/**
 * HR's cohorts, compliance table, charts and diagnostic, and the leader's side of consent.
 * HR routes answer HR accounts only, and only about their own cohorts (another's is 404); what
 * they send is derived figures of members who accepted, never an event.
 * `minGroup` (K): from ALTITUDE_MIN_GROUP (server/config.ts checks it at start); 5 by default.
 */
export function cohortRoutes({ db, now }: AppContext, options: { minGroup?: number } = {}): Router {
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  const router = Router();

  router.get('/cohorts', (_req, res) => {
    const hr = requireRole(res, 'hr');
    res.json({ cohorts: listCohorts(db, hr) });
  });

  router.post('/cohorts', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { name } = parseRequest(cohortBody, req.body, 'body');
    res.status(201).json({ cohort: createCohort(db, hr, name, now()) });
  });

  router.patch('/cohorts/:cohortId', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { cohortId } = parseRequest(cohortParams, req.params, 'path');
    const { name } = parseRequest(cohortBody, req.body, 'body');
    res.json({ cohort: renameCohort(db, hr, cohortId, name) });
  });

  router.delete('/cohorts/:cohortId', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { cohortId } = parseRequest(cohortParams, req.params, 'path');
    deleteCohort(db, hr, cohortId);
    res.status(204).end();
  });

  router.get('/cohorts/:cohortId/members', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { cohortId } = parseRequest(cohortParams, req.params, 'path');
    const cohort = getOwnCohort(db, hr, cohortId);
    res.json({ cohort: { id: cohort.id, name: cohort.name }, members: listMembers(db, hr, cohortId) });
  });

  router.post('/cohorts/:cohortId/invitations', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { cohortId } = parseRequest(cohortParams, req.params, 'path');
    const { emails } = parseRequest(invitationsBody, req.body, 'body');
    const result = inviteMembers(db, hr, cohortId, emails, now());
    res.status(result.invited.length > 0 ? 201 : 200).json(result);
  });

  router.delete('/cohorts/:cohortId/members/:memberId', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { cohortId, memberId } = parseRequest(memberParams, req.params, 'path');
    removeMember(db, hr, cohortId, memberId);
    res.status(204).end();
  });

  router.get('/cohorts/:cohortId/compliance', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { cohortId } = parseRequest(cohortParams, req.params, 'path');
    const query = parseRequest(complianceQuery, req.query, 'query');
    const nowMs = now();
    const body = cachedWhileUnchanged(db, `compliance|${hr.id}|${cohortId}|${query.quarter ?? ''}|${query.flagged}|${query.sort}`, nowMs, () => ({
      value: JSON.stringify(buildCompliance(db, hr, cohortId, query, nowMs)),
      stableUntilMs: nextQuarterHour(nowMs),
    }));
    res.type('json').send(body);
  });

  router.get('/cohorts/:cohortId/compliance.csv', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { cohortId } = parseRequest(cohortParams, req.params, 'path');
    const query = parseRequest(complianceQuery, req.query, 'query');
    const { fileName, csv } = buildComplianceCsv(db, hr, cohortId, query, now());
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` }).send(csv);
  });

  router.get('/cohorts/:cohortId/charts', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { cohortId } = parseRequest(cohortParams, req.params, 'path');
    const { quarter } = parseRequest(chartsQuery, req.query, 'query');
    const nowMs = now();
    const body = cachedWhileUnchanged(db, `charts|${hr.id}|${cohortId}|${quarter ?? ''}|${minGroup}`, nowMs, () => ({
      value: JSON.stringify(buildChartsView(db, hr, cohortId, quarter, nowMs, minGroup)),
      stableUntilMs: nextQuarterHour(nowMs),
    }));
    res.type('json').send(body);
  });

  router.get('/diagnostic', (_req, res) => {
    const hr = requireRole(res, 'hr');
    res.json(buildDiagnosticView(db, hr, now(), minGroup));
  });

  router.post('/diagnostic/answers', (req, res) => {
    const hr = requireRole(res, 'hr');
    const { answers, note } = parseRequest(diagnosticAnswersBody, req.body, 'body');
    res.status(201).json({ entry: recordDiagnosticAnswers(db, hr, answers, note ?? '', now()) });
  });

  router.get('/memberships', (_req, res) => {
    const leader = requireRole(res, 'leader');
    res.json({ memberships: listMemberships(db, leader) });
  });

  router.post('/memberships/:memberId/accept', (req, res) => {
    const leader = requireRole(res, 'leader');
    const { memberId } = parseRequest(membershipParams, req.params, 'path');
    // The body is optional: accepting without one shares no coaching status.
    const choice = parseRequest(acceptMembershipBody, req.body ?? {}, 'body');
    res.json({ membership: acceptMembership(db, leader, memberId, now(), choice) });
  });

  const respond = { decline: declineMembership, leave: leaveMembership };
  for (const [action, handle] of Object.entries(respond)) {
    router.post(`/memberships/:memberId/${action}`, (req, res) => {
      const leader = requireRole(res, 'leader');
      const { memberId } = parseRequest(membershipParams, req.params, 'path');
      res.json({ membership: handle(db, leader, memberId, now()) });
    });
  }

  router.patch('/memberships/:memberId', (req, res) => {
    const leader = requireRole(res, 'leader');
    const { memberId } = parseRequest(membershipParams, req.params, 'path');
    const change = parseRequest(membershipChangeBody, req.body, 'body');
    res.json({ membership: changeMembership(db, leader, memberId, change) });
  });

  return router;
}

/**
 * HR's table and charts are read by a whole HR team, over and over, and change only when a
 * member's figures or membership change (any write: see unchanged-cache.ts) or the clock turns a
 * quarter hour: held or scheduled turns at midnight in each leader's zone, every zone's midnight
 * falls on a quarter hour of UTC, and so does the turn of a quarter.
 */
function nextQuarterHour(nowMs: number): number {
  return (Math.floor(nowMs / 900_000) + 1) * 900_000;
}
