import { Router } from 'express';
import { createUserBody, signInBody, signUpBody, updateUserBody, userParams } from '../../../shared/api.ts';
import { SignInThrottle } from '../../domain/auth/sign-in-throttle.ts';
import { createSession, endSession, endUserSessions } from '../../services/sessions.ts';
import { updateUser } from '../../services/update-user.ts';
import { authenticate as checkCredentials, createUser, listUsers, normaliseEmail, toUserView, type User } from '../../services/users.ts';
import type { AppContext } from '../app-context.ts';
import { currentAuth, requireRole } from '../authenticate.ts';
import { HttpError, parseRequest } from '../errors.ts';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.ts';
import type { Request, Response } from 'express';

export interface SessionOptions {
  /** `closed`: only administrators (and the CLI) create accounts. */
  signup: 'open' | 'closed';
  /** Mark the cookie Secure even over plain HTTP (the app is behind a TLS proxy). */
  secureCookies: boolean;
}

const FAILURES_PER_ADDRESS = 5;
const FAILURES_PER_CLIENT = 30;
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** Sign-up, sign-in, sign-out, the current session, and the administrator's list of accounts. */
export function sessionRoutes(context: AppContext, options: SessionOptions): Router {
  const { db, now } = context;
  const router = Router();
  const perAddress = new SignInThrottle(FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MS);
  const perClient = new SignInThrottle(FAILURES_PER_CLIENT, THROTTLE_WINDOW_MS);

  function startSession(req: Request, res: Response, user: User, status: number): void {
    const { token, csrfToken } = createSession(db, user.id, now());
    setSessionCookie(req, res, token, options.secureCookies);
    res.status(status).json({ user: toUserView(user), csrfToken });
  }

  router.get('/session', (_req, res) => {
    const auth = res.locals.auth as { user: User; csrfToken: string } | null;
    res.json(auth ? { user: toUserView(auth.user), csrfToken: auth.csrfToken } : { user: null });
  });

  router.post('/session', async (req, res) => {
    const { email, password } = parseRequest(signInBody, req.body, 'body');
    const address = `address:${normaliseEmail(email)}`;
    const client = `client:${req.ip ?? 'unknown'}`;
    const wait = Math.max(perAddress.waitFor(address, now()), perClient.waitFor(client, now()));
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, 'too-many-attempts', `Too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} minutes.`);
    }
    // Counted before the (slow) check, so that guesses sent in parallel cannot all slip through
    // while the first ones are still being verified; a success takes it back.
    perAddress.fail(address, now());
    perClient.fail(client, now());
    const user = await checkCredentials(db, email, password);
    if (!user) throw new HttpError(401, 'invalid-credentials', 'The e-mail address or the password is wrong.');
    perAddress.succeed(address);
    perClient.forgive(client);
    // A session that existed before sign-in is never promoted: it ends, and a new one starts.
    const previous = res.locals.auth as { sessionId: string } | null;
    if (previous) endSession(db, previous.sessionId);
    startSession(req, res, user, 200);
  });

  router.delete('/session', (req, res) => {
    const auth = currentAuth(res);
    endSession(db, auth.sessionId);
    clearSessionCookie(req, res, options.secureCookies);
    res.status(204).end();
  });

  /** Sign out everywhere else (after a password may have leaked). */
  router.delete('/sessions/others', (_req, res) => {
    const auth = currentAuth(res);
    endUserSessions(db, auth.user.id, auth.sessionId);
    res.status(204).end();
  });

  router.post('/signup', async (req, res) => {
    if (options.signup === 'closed') throw new HttpError(403, 'signup-closed', 'Sign-up is closed here; ask an administrator for an account.');
    const body = parseRequest(signUpBody, req.body, 'body');
    const user = await createUser(db, body, now(), { origin: 'signup' });
    const previous = res.locals.auth as { sessionId: string } | null;
    if (previous) endSession(db, previous.sessionId);
    startSession(req, res, user, 201);
  });

  router.get('/users', (_req, res) => {
    requireRole(res, 'admin');
    res.json({ users: listUsers(db).map(toUserView) });
  });

  router.post('/users', async (req, res) => {
    requireRole(res, 'admin');
    const body = parseRequest(createUserBody, req.body, 'body');
    const user = await createUser(db, body, now(), { claimExistingProfile: true });
    res.status(201).json({ user: toUserView(user) });
  });

  /** A new password (the administrator gives it to the person: Altitude sends no e-mail) or a name. */
  router.patch('/users/:userId', async (req, res) => {
    requireRole(res, 'admin');
    const { sessionId } = currentAuth(res);
    const { userId } = parseRequest(userParams, req.params, 'path');
    const body = parseRequest(updateUserBody, req.body, 'body');
    const { user, sessionsEnded } = await updateUser(db, userId, body, { keepSessionId: sessionId });
    res.json({ user: toUserView(user), sessionsEnded });
  });

  return router;
}
