import type { Request, Response } from 'express';
import { SESSION_MAX_MS } from '../services/sessions.ts';

export const SESSION_COOKIE = 'altitude_session';

/** The value of one cookie from the Cookie header (no dependency for one name). */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/**
 * HttpOnly: scripts (and so injected ones) cannot read it. SameSite=Lax: other sites' forms and
 * fetches do not carry it on POST/PUT/PATCH/DELETE. Secure when the request came over HTTPS or the
 * operator says the app is behind a TLS proxy.
 */
export function setSessionCookie(req: Request, res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure || req.secure, maxAge: SESSION_MAX_MS });
}

export function clearSessionCookie(req: Request, res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure || req.secure });
}
