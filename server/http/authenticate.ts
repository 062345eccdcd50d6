import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { User } from '../services/users.ts';
import { findSession } from '../services/sessions.ts';
import type { AppContext } from './app-context.ts';
import { HttpError } from './errors.ts';
import { readCookie, SESSION_COOKIE } from './session-cookie.ts';

export interface Auth {
  user: User;
  csrfToken: string;
  sessionId: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds the session of the request (if any) and guards every state-changing request:
 * a cross-site Origin is refused, and a signed-in request must carry the session's CSRF token in
 * `X-CSRF-Token` (a header another site cannot set without CORS, which this app never grants).
 */
export function authenticate({ db, now }: AppContext): RequestHandler {
  return (req, res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    const session = token ? findSession(db, token, now()) : null;
    res.locals.auth = session satisfies Auth | null;
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && !sameOrigin(origin, req)) {
      return next(new HttpError(403, 'cross-origin', 'Requests from other sites are refused.'));
    }
    if (session) {
      const sent = req.get('x-csrf-token') ?? '';
      if (!tokensMatch(sent, session.csrfToken)) {
        return next(new HttpError(403, 'csrf-token-invalid', 'The request lacks this session’s CSRF token (header X-CSRF-Token); reload the page and try again.'));
      }
    }
    next();
  };
}

function sameOrigin(origin: string, req: Request): boolean {
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

function tokensMatch(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signed-in user, or 401. */
export function currentAuth(res: { locals: Record<string, unknown> }): Auth {
  const auth = res.locals.auth as Auth | null | undefined;
  if (!auth) throw new HttpError(401, 'not-signed-in', 'Sign in first.');
  return auth;
}

export function requireRole(res: { locals: Record<string, unknown> }, ...roles: Array<User['role']>): User {
  const { user } = currentAuth(res);
  if (!roles.includes(user.role)) throw new HttpError(403, 'forbidden', `This is for ${roles.join(' or ')} accounts; you are signed in as ${user.role}.`);
  return user;
}
