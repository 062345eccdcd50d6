import { z } from 'zod';
import { ruleInputSchema } from './rules.ts';
import { ASSIGNABLE_IDS, EXCLUSION_REASONS, PLACEMENT_IDS } from './taxonomy.ts';

/** Request shapes of the JSON API, shared by the server (validation) and the web (types). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const id = z.coerce.number().int().positive();

export const leaderParams = z.object({ leaderId: id });
export const importParams = leaderParams.extend({ importId: id });
export const eventParams = leaderParams.extend({ eventId: id });
export const ruleParams = leaderParams.extend({ ruleId: id });
export const sourceParams = leaderParams.extend({ sourceId: id });

export const periodQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    tz: z.string().min(1).max(64).optional(),
  })
  .strict();

export const importQuery = z
  .object({
    source: z.string().trim().min(1).max(100).optional(),
    fileName: z.string().max(255).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

export const eventsQuery = periodQuery
  .extend({
    category: z.enum(PLACEMENT_IDS).optional(),
    q: z.string().max(200).optional(),
    /** `time` (default) or `unclassified-first`: what needs a decision on top. */
    order: z.enum(['time', 'unclassified-first']).default('time'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();


export const updateLeaderBody = z
  .object({
    name: z.string().trim().max(200).nullable().optional(),
    timeZone: z.string().max(64).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const categoryDecisionBody = z
  .object({
    category: z.enum(ASSIGNABLE_IDS),
    scope: z.enum(['event', 'series']).default('event'),
    exclusionReason: z.enum(EXCLUSION_REASONS).optional(),
  })
  .strict();

export const clearDecisionQuery = z.object({ scope: z.enum(['event', 'series']).default('event') }).strict();

export const ruleBody = ruleInputSchema;

export const rulePreviewBody = z
  .object({
    rule: ruleInputSchema,
    /** The id of the rule this one would replace, when previewing an edit. */
    replacing: z.number().int().positive().optional(),
  })
  .strict();

export const ruleOrderBody = z.object({ ruleIds: z.array(z.number().int().positive()).max(500) }).strict();

/** Every error the API returns has this shape. */
export interface ApiError {
  error: { code: string; message: string; status: number; details?: unknown };
}

// Accounts and sessions.
const emailField = z.string().trim().min(3).max(254);
const passwordField = z.string().min(1).max(1000);

export const signInBody = z.object({ email: emailField, password: passwordField }).strict();

/** Sign-up on the web: any role but administrator (those come from the CLI or the first start). */
export const signUpBody = z
  .object({
    email: emailField,
    password: passwordField,
    name: z.string().trim().max(200).optional(),
    role: z.enum(['leader', 'coach', 'hr']),
    timeZone: z.string().min(1).max(64).optional(),
  })
  .strict();

export const createUserBody = signUpBody.extend({ role: z.enum(['leader', 'coach', 'hr', 'admin']) }).strict();

export const userParams = z.object({ userId: id });

/** Deleting one's own account: the current password, so that a session left open is not enough. */
export const deleteAccountBody = z.object({ password: passwordField }).strict();

/** An administrator's change to an account: a new password (the person's sessions end), a name. No role change here. */
export const updateUserBody = z
  .object({
    password: passwordField.optional(),
    name: z.string().trim().max(200).nullable().optional(),
  })
  .strict()
  .refine((body) => body.password !== undefined || body.name !== undefined, 'give a new password or a name');
