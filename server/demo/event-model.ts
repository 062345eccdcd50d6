import type { WallTime } from './local-time.ts';
import type { TitleKey } from './vocabulary.ts';

export type { WallTime };

// The plan is flavour-neutral: it says what the leader's calendar holds. Renderers turn it
// into Google- or Outlook-shaped iCalendar text.

export const CATEGORY_IDS = ['operational', 'strategic', 'developmental', 'cross-functional', 'organisational-planning'] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

/** What the generator meant an entry to be: the answer a perfect classifier would give. */
export type EventIntent = CategoryId | 'excluded' | 'unclassified';

export type ExclusionReason = 'personal' | 'out-of-office' | 'travel' | 'declined' | 'cancelled' | 'free';

export type PartStat = 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'NEEDS-ACTION';

export interface Person {
  name: string;
  firstName: string;
  email: string;
}

export interface Attendance {
  person: Person;
  partStat: PartStat;
  isOptional?: boolean;
}

export type EventTiming =
  | { kind: 'timed'; start: WallTime; end: WallTime }
  /** `endDay` is exclusive, as DTEND;VALUE=DATE is. */
  | { kind: 'all-day'; firstDay: number; endDay: number };

export type EventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export type RecurrenceRule =
  | { freq: 'weekly'; interval: number; weekdays: readonly number[] }
  /** nth weekday of the month; nth = -1 is the last one. */
  | { freq: 'monthly'; interval: number; weekday: number; nth: number };

export interface InstanceOverride {
  originalStart: WallTime;
  timing: EventTiming;
  summary: string;
  status: EventStatus;
  attendees: readonly Attendance[];
  sequence: number;
  reason: 'moved' | 'retitled' | 'cancelled' | 'declined';
  intent: EventIntent;
  exclusion?: ExclusionReason;
}

export interface PlannedRecurrence {
  rule: RecurrenceRule;
  /** The last instance when the series ends inside the calendar (written as UNTIL). */
  lastStart?: WallTime;
  exdates: readonly WallTime[];
  overrides: readonly InstanceOverride[];
}

export interface PlannedEvent {
  /** Stable identity inside one plan; the UID is derived from it and the seed. */
  key: string;
  titleKey: TitleKey;
  summary: string;
  /** A short agenda or note; online-meeting text is added by the renderer. */
  agenda?: string;
  location?: string;
  /** Google adds a Meet link, Outlook a Teams block. */
  hasOnlineMeeting: boolean;
  isPrivate: boolean;
  timing: EventTiming;
  organizer?: Person;
  /** Empty for solo blocks. Includes the leader for every meeting. */
  attendees: readonly Attendance[];
  status: EventStatus;
  isTransparent: boolean;
  isOutOfOffice: boolean;
  /** Outlook colour categories; only rendered by the Outlook flavour. */
  categories: readonly string[];
  intent: EventIntent;
  exclusion?: ExclusionReason;
  recurrence?: PlannedRecurrence;
  sequence: number;
  /** How long before the first start the entry was created, in days (feeds CREATED). */
  createdDaysBefore: number;
}

export interface CalendarPlan {
  leader: Person;
  timeZone: string;
  /** First and last local day covered (inclusive). */
  firstDay: number;
  lastDay: number;
  today: number;
  events: readonly PlannedEvent[];
}
