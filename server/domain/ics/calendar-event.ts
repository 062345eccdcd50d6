import type { When } from './when.ts';

export interface Person {
  /** Lower-cased e-mail address; empty when the file gives none. */
  email: string;
  name: string | null;
}

export type Response = 'accepted' | 'declined' | 'tentative' | 'needs-action' | 'delegated' | 'none';

export interface Attendee extends Person {
  response: Response;
  /** Rooms and resources are invited but are not people. */
  kind: 'person' | 'room' | 'resource' | 'group';
}

export type BusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'working-elsewhere';

/** What an event says about itself, besides when: the same in a file and in the database. */
export interface EventFields {
  summary: string;
  description: string;
  location: string;
  organizer: Person | null;
  attendees: Attendee[];
  categories: string[];
  status: 'confirmed' | 'tentative' | 'cancelled' | null;
  /** TRANSP:TRANSPARENT: shown as free. */
  isTransparent: boolean;
  /** Outlook's X-MICROSOFT-CDO-BUSYSTATUS. */
  busyStatus: BusyStatus | null;
}

/** One VEVENT block of a file, read and checked. A series is one of these plus its overrides. */
export interface CalendarEvent extends EventFields {
  /** 1-based line of BEGIN:VEVENT in the file. */
  line: number;
  uid: string;
  /** False when the file had no UID and a stable one was derived from start, end and title. */
  hasOwnUid: boolean;
  /** Set on an override of one instance of a series. */
  recurrenceId: When | null;
  sequence: number;
  start: When;
  /** Exclusive end; equal to start for events without duration. */
  end: When;
  rrules: string[];
  exrules: string[];
  rdates: When[];
  exdates: When[];
}
