import { z } from 'zod';
import type { CountedId } from './taxonomy.ts';

/** Request and response shapes of the coaching API (grants, clients, notes, comparison), shared by server and web. */

const id = z.coerce.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

export const grantParams = z.object({ grantId: id });
export const noteParams = z.object({ leaderId: id, noteId: id });

export const inviteCoachBody = z
  .object({
    coachEmail: z.string().trim().min(1, 'the coach’s e-mail address is missing').max(254),
    canEdit: z.boolean().default(false),
  })
  .strict();

export const updateGrantBody = z.object({ canEdit: z.boolean() }).strict();

/** The code the leader gave the coach; a missing one is answered by the service, with who to ask. */
export const acceptGrantBody = z
  .object({
    code: z.string().max(64, 'an invitation code is 8 characters, written XXXX-XXXX').optional(),
  })
  .strict();

export const MAX_NOTE_LENGTH = 5000;

export const addNoteBody = z
  .object({
    body: z.string().trim().min(1, 'the note is empty').max(MAX_NOTE_LENGTH, `a note holds at most ${MAX_NOTE_LENGTH} characters`),
    /** Which engagement the note belongs to; the leader must say when they have more than one coach. */
    grantId: z.number().int().positive().optional(),
  })
  .strict();

/** Two periods, both required: A (for example before a programme) and B (after it). */
export const compareQuery = z
  .object({
    aFrom: isoDate.optional(),
    aTo: isoDate.optional(),
    bFrom: isoDate.optional(),
    bTo: isoDate.optional(),
    tz: z.string().min(1).max(64).optional(),
  })
  .strict();

export const eventsCsvQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    tz: z.string().min(1).max(64).optional(),
  })
  .strict();

export type GrantStatus = 'invited' | 'active' | 'declined' | 'revoked';

export interface GrantView {
  id: number;
  leader: { id: number; name: string | null; email: string };
  coachEmail: string;
  /** The coach account's name, once the coach has accepted. */
  coachName: string | null;
  canEdit: boolean;
  status: GrantStatus;
  /**
   * An open invitation whose code still works. False once the code was entered wrong too often,
   * or for an invitation from before codes: the leader must issue a new one before the coach can accept.
   */
  hasInviteCode: boolean;
  createdAt: string;
  respondedAt: string | null;
  endedAt: string | null;
}

/** The answer to an invitation or a new code: the only time the code is readable. */
export interface IssuedInvitationView {
  grant: GrantView;
  inviteCode: string;
}

export interface NoteView {
  id: number;
  grantId: number;
  body: string;
  createdAt: string;
  author: { id: number; name: string | null; email: string; role: 'leader' | 'coach' };
  /** The coach of the engagement the note belongs to (the leader may have several). */
  coach: { email: string; name: string | null };
  /** Whether the engagement is still active (notes of an ended one stay with the leader). */
  isEngagementActive: boolean;
  /** Only the author may delete a note. */
  canDelete: boolean;
}

export interface ClientFigures {
  quarter: {
    quarter: string;
    from: string;
    to: string;
    countedMinutes: number;
    strategicMinutes: number;
    strategicShare: number;
    protectedDays: number;
    heldDays: number;
    scheduledDays: number;
    flags: Array<{ code: string; message: string; advice: string }>;
  };
  last12Months: { from: string; to: string; countedMinutes: number; strategicShare: number; isLow: boolean };
  targets: { strategicShareMin: number; planningDaysPerQuarter: number };
}

export interface ClientView {
  grantId: number;
  leader: { id: number; name: string | null; email: string; timeZone: string | null };
  canEdit: boolean;
  since: string | null;
  lastImportAt: string | null;
  /** Null when the client has not imported a calendar yet. */
  figures: ClientFigures | null;
}

export interface ComparedCategory {
  id: CountedId;
  a: { minutes: number; hours: number; share: number };
  b: { minutes: number; hours: number; share: number };
  change: { minutes: number; hours: number; points: number };
  /** Minutes per week of each period (its minutes over its length in weeks) and the change: comparable when the lengths differ. */
  perWeek: { a: number; b: number; change: number };
}

export interface ComparedPeriod {
  period: { from: string; to: string; timeZone: string };
  /** Calendar days from `from` to `to`, both included; weeks are days / 7. */
  days: number;
  weeks: number;
  countedMinutes: number;
  /** Counted minutes over the number of weeks in the period. */
  countedMinutesPerWeek: number;
  /** Protected planning days whose dates fall inside the period. */
  planningDays: { protectedDays: number; heldDays: number; scheduledDays: number; dates: string[] };
  /** The quarters the period touches, each judged whole (as the dashboard does). */
  quarters: Array<{ quarter: string; protectedDays: number; heldDays: number; scheduledDays: number; dates: string[] }>;
  flags: Array<{ code: string; message: string; advice: string }>;
}

export interface Comparison {
  a: ComparedPeriod;
  b: ComparedPeriod;
  categories: ComparedCategory[];
  counted: { a: number; b: number; changeMinutes: number; changeHours: number };
  /** Counted minutes per week of each period and the change. */
  countedPerWeek: { a: number; b: number; change: number };
  /**
   * Whether the periods are about as long as each other (within a tenth). When not, a change in
   * hours mostly measures the difference in length: compare per week and shares instead.
   */
  isSameLength: boolean;
}
