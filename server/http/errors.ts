import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { ApiError } from '../../shared/api.ts';
import { InvalidPeriod } from '../domain/audit/resolve-period.ts';
import { MAX_CALENDAR_BYTES } from '../domain/ics/decode-text.ts';
import { ImportRejected } from '../domain/ics/import-rejected.ts';
import { ServiceError } from '../services/service-error.ts';

/** An error with a status and a kebab-case code, sent as the one error envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Parses a request part with zod; failures become 400 `invalid-request` naming the field. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${part}.${first.path.join('.')}` : part;
  throw new HttpError(400, 'invalid-request', `${where}: ${first?.message ?? 'invalid'}`, result.error.issues);
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not-found', `No route for ${req.method} ${req.path}.`));
};

/** Maps every failure to `{ error: { code, message, status } }`; internals never reach the client. */
export function errorHandler(log: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, next) => {
    const known = toHttpError(error);
    if (!known) log(error);
    // Part of a response already went out: express's own handler closes the connection.
    if (res.headersSent) return next(error);
    const http = known ?? new HttpError(500, 'internal-error', 'Something went wrong on our side; nothing was changed.');
    const body: ApiError = { error: { code: http.code, message: http.message, status: http.status } };
    if (http.details !== undefined) body.error.details = http.details;
    // No error is worth keeping in a cache, whichever path it came from.
    res.status(http.status).set('Cache-Control', 'no-store').json(body);
  };
}

const REJECTION_STATUS: Record<ImportRejected['code'], number> = {
  'file-too-large': 413,
  'empty-file': 400,
  'not-a-calendar': 400,
  'calendar-too-complex': 422,
  'calendar-timeout': 422,
  'calendar-unreadable': 422,
};

function toHttpError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof ServiceError) return new HttpError(error.status, error.code, error.message);
  if (error instanceof ImportRejected) return new HttpError(REJECTION_STATUS[error.code], error.code, error.message);
  if (error instanceof InvalidPeriod) return new HttpError(400, 'invalid-period', error.message);
  // A path that is not valid percent-encoding (/api/leaders/%E0%A4%A) cannot be routed.
  if (error instanceof URIError) return new HttpError(400, 'bad-request', 'The address is not valid: it has a broken %-escape.');
  if (error instanceof z.ZodError) {
    const first = error.issues[0];
    return new HttpError(400, 'invalid-request', `${first?.path.join('.') || 'body'}: ${first?.message ?? 'invalid'}`, error.issues);
  }
  // body-parser's own errors carry a status and a type; zlib's, for a body that does not inflate,
  // only a status and `expose` (http-errors' mark of an error that is the client's).
  if (typeof error === 'object' && error !== null && 'status' in error && ('type' in error || 'expose' in error)) {
    const { type, status, limit } = error as { type?: string; status: number; limit?: number };
    if (type === 'entity.too.large') {
      return limit === MAX_CALENDAR_BYTES
        ? new HttpError(413, 'file-too-large', `The calendar file is larger than ${MAX_CALENDAR_BYTES / 1024 / 1024} MB; larger files are refused.`)
        : new HttpError(413, 'body-too-large', `The request body is larger than ${Math.round((limit ?? 0) / 1024)} KB.`);
    }
    if (type === 'entity.parse.failed') return new HttpError(400, 'invalid-json', 'The request body is not valid JSON.');
    if (type === 'charset.unsupported') return new HttpError(415, 'unsupported-charset', 'The request body’s charset is not supported; send UTF-8.');
    if (type === 'encoding.unsupported') return new HttpError(415, 'unsupported-encoding', 'The request body’s Content-Encoding is not supported; send it plain, or as gzip, deflate or br.');
    if (status >= 400 && status < 500) return new HttpError(status, 'bad-request', 'The request could not be read.');
  }
  return null;
}
