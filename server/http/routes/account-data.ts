import { Router } from 'express';
import { deleteAccountBody } from '../../../shared/api.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { SignInThrottle } from '../../domain/auth/sign-in-throttle.ts';
import { buildAccountExport, exportFileName } from '../../services/account-export.ts';
import { personOfUser } from '../../services/account-person.ts';
import { deleteAccount } from '../../services/delete-account.ts';
import type { AppContext } from '../app-context.ts';
import { currentAuth } from '../authenticate.ts';
import { HttpError, parseRequest } from '../errors.ts';
import { clearSessionCookie } from '../session-cookie.ts';

const WRONG_PASSWORDS = 5;
const WRONG_PASSWORD_WINDOW_MS = 15 * 60 * 1000;

/** Every person's own data: download all of it, or delete the account with all of it. */
export function accountDataRoutes({ db, now }: AppContext, options: { secureCookies: boolean }): Router {
  const router = Router();
  // A session someone left open must not become a way to guess the password.
  const wrongPasswords = new SignInThrottle(WRONG_PASSWORDS, WRONG_PASSWORD_WINDOW_MS);

  router.get('/me/export', (_req, res) => {
    const { user } = currentAuth(res);
    const nowMs = now();
    const data = buildAccountExport(db, personOfUser(db, user.id), nowMs);
    res.attachment(exportFileName(nowMs)).type('application/json').send(JSON.stringify(data, null, 2));
  });

  router.delete('/me', async (req, res) => {
    const { user } = currentAuth(res);
    const { password } = parseRequest(deleteAccountBody, req.body, 'body');
    const key = `user:${user.id}`;
    const wait = wrongPasswords.waitFor(key, now());
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, 'too-many-attempts', `Too many wrong passwords; try again in ${Math.ceil(wait / 60_000)} minutes.`);
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      wrongPasswords.fail(key, now());
      throw new HttpError(403, 'wrong-password', 'That is not your current password; the account was not deleted.');
    }
    wrongPasswords.succeed(key);
    const deleted = deleteAccount(db, personOfUser(db, user.id));
    clearSessionCookie(req, res, options.secureCookies);
    res.json({ deleted });
  });

  return router;
}
