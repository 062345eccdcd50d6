import type { Attendance, EventStatus, EventTiming, InstanceOverride, PartStat, PlannedEvent, Person } from './event-model.ts';
import { createTeamsMeeting, createUid } from './identifiers.ts';
import { escapeText, formatContentLine, formatTextLine } from './ics-writer.ts';
import { formatIcsLocalDateTime } from './local-time.ts';
import {
  computeCreated,
  computeLastModified,
  findLeaderAnswer,
  formatLocalLine,
  formatRecurrenceRule,
  formatTimingLines,
  formatUtcLine,
  joinDescription,
  type RenderContext,
} from './render-shared.ts';
import { fillTemplate } from './vocabulary.ts';

// Outlook's "Save as iCalendar": Windows zone names in TZID, SUMMARY tagged with a language,
// the X-MICROSOFT-CDO-* busy status (OOF for leave), 'Canceled: ' titles, colour categories,
// and the organiser never listed again as an attendee.

type BusyStatus = 'BUSY' | 'FREE' | 'TENTATIVE' | 'OOF';

function findBusyStatus(event: PlannedEvent, status: EventStatus, leaderAnswer: PartStat | undefined): BusyStatus {
  if (event.isOutOfOffice) return 'OOF';
  if (event.isTransparent || status === 'CANCELLED') return 'FREE';
  if (leaderAnswer === 'TENTATIVE' || leaderAnswer === 'NEEDS-ACTION') return 'TENTATIVE';
  return 'BUSY';
}

function formatOrganizer(person: Person): string {
  return formatContentLine('ORGANIZER', `mailto:${person.email}`, [['CN', person.name]]);
}

function formatAttendee(attendance: Attendance): string {
  return formatContentLine('ATTENDEE', `mailto:${attendance.person.email}`, [
    ['CN', attendance.person.name],
    ['ROLE', attendance.isOptional ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT'],
    ['PARTSTAT', attendance.partStat],
    ['RSVP', 'TRUE'],
  ]);
}

interface OutlookBody {
  timing: EventTiming;
  summary: string;
  status: EventStatus;
  sequence: number;
  attendees: readonly Attendance[];
  instanceType: 0 | 1 | 3;
  created: Date;
  lastModified: Date;
}

function buildLines(context: RenderContext, event: PlannedEvent, body: OutlookBody, uid: string, extraLines: readonly string[]): string[] {
  const { vocabulary, plan } = context;
  const language: [string, string][] = [['LANGUAGE', vocabulary.outlookLanguageTag]];
  const teams = event.hasOnlineMeeting ? createTeamsMeeting(context.options.seed, event.key) : undefined;
  const isCancelled = body.status === 'CANCELLED';
  const leaderAnswer = findLeaderAnswer(context, body.attendees);
  const busyStatus = findBusyStatus(event, body.status, leaderAnswer);
  const isLeaderOrganiser = event.organizer?.email === plan.leader.email;
  const attendees = body.attendees.filter((attendance) => !(isLeaderOrganiser && attendance.person.email === plan.leader.email));
  const description = joinDescription([event.agenda, teams ? fillTemplate(vocabulary.teamsDescription, { ...teams }) : undefined]);
  const location = event.location ?? (teams ? vocabulary.onlineMeetingLocation : '');
  const lines: string[] = ['BEGIN:VEVENT'];
  if (event.organizer && body.attendees.length > 0) lines.push(formatOrganizer(event.organizer));
  lines.push(...attendees.map(formatAttendee));
  if (event.categories.length > 0) lines.push(formatContentLine('CATEGORIES', event.categories.map(escapeText).join(',')));
  if (description) lines.push(formatTextLine('DESCRIPTION', description, language));
  lines.push(...extraLines);
  lines.push(
    formatContentLine('UID', uid),
    formatTextLine('SUMMARY', isCancelled ? `${vocabulary.cancelledPrefix}${body.summary}` : body.summary, language),
    ...formatTimingLines(context, body.timing),
    formatContentLine('CLASS', event.isPrivate ? 'PRIVATE' : 'PUBLIC'),
    formatContentLine('PRIORITY', '5'),
    formatContentLine('DTSTAMP', context.dtstamp),
    formatContentLine('TRANSP', busyStatus === 'FREE' ? 'TRANSPARENT' : 'OPAQUE'),
    formatContentLine('STATUS', body.status),
    formatContentLine('SEQUENCE', String(body.sequence)),
    formatUtcLine('CREATED', body.created),
    formatUtcLine('LAST-MODIFIED', body.lastModified),
    formatTextLine('LOCATION', location, location ? language : []),
    formatContentLine('X-MICROSOFT-CDO-APPT-SEQUENCE', String(body.sequence)),
    formatContentLine('X-MICROSOFT-CDO-BUSYSTATUS', busyStatus),
    formatContentLine('X-MICROSOFT-CDO-INTENDEDSTATUS', busyStatus),
    formatContentLine('X-MICROSOFT-CDO-ALLDAYEVENT', body.timing.kind === 'all-day' ? 'TRUE' : 'FALSE'),
    formatContentLine('X-MICROSOFT-CDO-IMPORTANCE', '1'),
    formatContentLine('X-MICROSOFT-CDO-INSTTYPE', String(body.instanceType)),
  );
  if (teams) lines.push(formatContentLine('X-MICROSOFT-SKYPETEAMSMEETINGURL', teams.url));
  lines.push(formatContentLine('X-MICROSOFT-DONOTFORWARDMEETING', 'FALSE'), formatContentLine('X-MICROSOFT-DISALLOW-COUNTER', 'FALSE'), 'END:VEVENT');
  return lines;
}

function renderOverride(context: RenderContext, event: PlannedEvent, override: InstanceOverride, uid: string, created: Date): string[] {
  const key = `${event.key}@${override.originalStart.day}`;
  return buildLines(
    context,
    event,
    {
      timing: override.timing,
      summary: override.summary,
      status: override.status,
      sequence: override.sequence,
      attendees: override.attendees,
      instanceType: 3,
      created,
      lastModified: computeLastModified(context, key, created, override.originalStart),
    },
    uid,
    [formatLocalLine(context, 'RECURRENCE-ID', override.originalStart)],
  );
}

export function renderOutlookEvent(context: RenderContext, event: PlannedEvent): string[] {
  const uid = createUid(context.options.seed, event.key, 'outlook');
  const created = computeCreated(context, event);
  const extraLines: string[] = [];
  if (event.recurrence) {
    extraLines.push(formatContentLine('RRULE', formatRecurrenceRule(context, event.recurrence, 'outlook')));
    // Outlook lists every excluded date on one EXDATE line.
    if (event.recurrence.exdates.length > 0) {
      extraLines.push(
        formatContentLine('EXDATE', event.recurrence.exdates.map(formatIcsLocalDateTime).join(','), [['TZID', context.tzid]]),
      );
    }
  }
  const lines = buildLines(
    context,
    event,
    {
      timing: event.timing,
      summary: event.summary,
      status: event.status,
      sequence: event.sequence,
      attendees: event.attendees,
      instanceType: event.recurrence ? 1 : 0,
      created,
      lastModified: computeLastModified(context, event.key, created),
    },
    uid,
    extraLines,
  );
  for (const override of event.recurrence?.overrides ?? []) lines.push(...renderOverride(context, event, override, uid, created));
  return lines;
}
