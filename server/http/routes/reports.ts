import { Router } from 'express';
import { categoryDecisionBody, clearDecisionQuery, eventParams, eventsQuery, leaderParams, periodQuery } from '../../../shared/api.ts';
import { countingSettingsOf } from '../../domain/leaders/leader-settings.ts';
import { getEventView, listLeaderEvents } from '../../services/leader-events.ts';
import { getLeader } from '../../services/leaders.ts';
import { buildLeaderReport } from '../../services/leader-report.ts';
import { clearEventCategory, decideEventCategory } from '../../services/manual-decisions.ts';
import { cachedWhileUnchanged } from '../../services/unchanged-cache.ts';
import type { AppContext } from '../app-context.ts';
import { parseRequest } from '../errors.ts';

export function reportRoutes({ db, now }: AppContext): Router {
  const router = Router({ mergeParams: true });

  // The dashboard: asked for on every visit by the leader and their coach, so kept (serialised)
  // while the leader's row is unchanged (its revision counts every write to their events,
  // imports and calendars; the row holds the settings) and the clock has not reached the instant
  // it would read differently. Another leader's import leaves it cached.
  router.get('/summary', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const query = parseRequest(periodQuery, req.query, 'query');
    const nowMs = now();
    const version = JSON.stringify(getLeader(db, leaderId));
    const body = cachedWhileUnchanged(db, `summary|${leaderId}|${query.from ?? ''}|${query.to ?? ''}|${query.tz ?? ''}`, nowMs, () => {
      const report = buildLeaderReport(db, leaderId, { from: query.from, to: query.to, timeZone: query.tz, nowMs });
      const { events: _events, stableUntilMs, ...summary } = report;
      const settings = countingSettingsOf(getLeader(db, leaderId).settings);
      const excludedEvents = report.events.filter((e) => e.category === 'excluded').length;
      const unclassifiedEvents = report.events.filter((e) => e.category === 'unclassified').length;
      return { value: JSON.stringify({ summary: { ...summary, eventCount: report.events.length, excludedEvents, unclassifiedEvents, settings } }), stableUntilMs };
    }, version);
    res.type('json').send(body);
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
