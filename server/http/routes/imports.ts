import express, { Router, type RequestHandler } from 'express';
import { importParams, importQuery, leaderParams } from '../../../shared/api.ts';
import { MAX_CALENDAR_BYTES, rejectBinaryFile } from '../../domain/ics/decode-text.ts';
import { importCalendarIsolated } from '../../services/import-calendar.ts';
import { getImport, listImports } from '../../services/import-history.ts';
import type { AppContext } from '../app-context.ts';
import { HttpError, parseRequest } from '../errors.ts';
import { DEFAULT_IMPORTS_PER_WINDOW, importRateLimit } from '../import-rate-limit.ts';

const CALENDAR_TYPES = ['text/calendar', 'text/plain', 'application/octet-stream', 'application/ics'];

export function importRoutes({ db, now, calendarReader }: AppContext, { importsPerWindow = DEFAULT_IMPORTS_PER_WINDOW } = {}): Router {
  const router = Router({ mergeParams: true });
  // The body is the export itself; its bytes are decoded by the importer (UTF-8 or UTF-16). A
  // gzip, deflate or br Content-Encoding is inflated as it arrives, and the limit counts the
  // inflated bytes: a small compressed bomb is cut off at the limit, never inflated whole.
  const readCalendar = express.raw({ type: () => true, limit: MAX_CALENDAR_BYTES });
  const limitImports = importRateLimit(now, importsPerWindow);

  // The type is checked before the body is read, so a wrong upload is refused without reading it.
  const requireCalendarType: RequestHandler = (req, _res, next) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!CALENDAR_TYPES.includes(type)) {
      throw new HttpError(415, 'unsupported-media-type', 'Send the .ics file as the request body with Content-Type: text/calendar.');
    }
    next();
  };

  // The file is read, and the import stored, in a child process (memory cap, time limit).
  router.post('/', requireCalendarType, limitImports, readCalendar, async (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const query = parseRequest(importQuery, req.query, 'query');
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    // The bytes, not the name or the Content-Type, say what the file is; obvious binaries are
    // refused here without starting a reader.
    rejectBinaryFile(bytes);
    const result = await importCalendarIsolated(
      db,
      { leaderId, bytes, nowMs: now(), source: query.source, fileName: query.fileName, from: query.from, to: query.to },
      calendarReader,
    );
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
