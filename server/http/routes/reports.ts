import { Router } from 'express';
import { categoryDecisionBody, clearDecisionQuery, eventParams, eventsQuery, leaderParams, periodQuery } from '../../../shared/api.ts';
import { countingSettingsOf } from '../../domain/leaders/leader-settings.ts';
import { getEventView, listLeaderEvents } from '../../services/leader-events.ts';
import { getLeader } from '../../services/leaders.ts';
import { buildLeaderReport } from '../../services/leader-report.ts';
import { clearEventCategory, decideEventCategory } from '../../services/manual-decisions.ts';
import type { AppContext } from '../app-context.ts';
import { parseRequest } from '../errors.ts';

export function reportRoutes({ db, now }: AppContext): Router {
  const router = Router({ mergeParams: true });

  router.get('/summary', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const query = parseRequest(periodQuery, req.query, 'query');
    const report = buildLeaderReport(db, leaderId, { from: query.from, to: query.to, timeZone: query.tz, nowMs: now() });
    const { events: _events, ...summary } = report;
    const settings = countingSettingsOf(getLeader(db, leaderId).settings);
    const excludedEvents = report.events.filter((e) => e.category === 'excluded').length;
    const unclassifiedEvents = report.events.filter((e) => e.category === 'unclassified').length;
    res.json({ summary: { ...summary, eventCount: report.events.length, excludedEvents, unclassifiedEvents, settings } });
  });

  router.get('/events', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const { tz, ...query } = parseRequest(eventsQuery, req.query, 'query');
    res.json(listLeaderEvents(db, leaderId, { ...query, timeZone: tz, nowMs: now() }));
  });

  router.put('/events/:eventId/category', (req, res) => {
    const { leaderId, eventId } = parseRequest(eventParams, req.params, 'path');
    const body = parseRequest(categoryDecisionBody, req.body, 'body');
    const result = decideEventCategory(db, leaderId, eventId, body, now());
    res.json({ event: getEventView(db, leaderId, eventId), moved: result.moved });
  });

  router.delete('/events/:eventId/category', (req, res) => {
    const { leaderId, eventId } = parseRequest(eventParams, req.params, 'path');
    const { scope } = parseRequest(clearDecisionQuery, req.query, 'query');
    const result = clearEventCategory(db, leaderId, eventId, scope);
    res.json({ event: getEventView(db, leaderId, eventId), moved: result.moved });
  });

  return router;
}
