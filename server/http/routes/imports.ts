import express, { Router, type RequestHandler } from 'express';
import { importParams, importQuery, leaderParams } from '../../../shared/api.ts';
import { MAX_CALENDAR_BYTES } from '../../domain/ics/decode-text.ts';
import { importCalendar } from '../../services/import-calendar.ts';
import { getImport, listImports } from '../../services/import-history.ts';
import type { AppContext } from '../app-context.ts';
import { HttpError, parseRequest } from '../errors.ts';

const CALENDAR_TYPES = ['text/calendar', 'text/plain', 'application/octet-stream', 'application/ics'];

export function importRoutes({ db, now }: AppContext): Router {
  const router = Router({ mergeParams: true });
  // The body is the export itself; its bytes are decoded by the importer (UTF-8 or UTF-16).
  const readCalendar = express.raw({ type: () => true, limit: MAX_CALENDAR_BYTES });

  // The type is checked before the body is read, so a wrong upload is refused without reading it.
  const requireCalendarType: RequestHandler = (req, _res, next) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!CALENDAR_TYPES.includes(type)) {
      throw new HttpError(415, 'unsupported-media-type', 'Send the .ics file as the request body with Content-Type: text/calendar.');
    }
    next();
  };

  router.post('/', requireCalendarType, readCalendar, (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const query = parseRequest(importQuery, req.query, 'query');
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = importCalendar(db, { leaderId, bytes, nowMs: now(), source: query.source, fileName: query.fileName, from: query.from, to: query.to });
    res.status(201).json({ import: result });
  });

  router.get('/', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    res.json({ imports: listImports(db, leaderId) });
  });

  router.get('/:importId', (req, res) => {
    const { leaderId, importId } = parseRequest(importParams, req.params, 'path');
    res.json({ import: getImport(db, leaderId, importId) });
  });

  return router;
}
