import type { Attendance, InstanceOverride, PlannedEvent, Person } from './event-model.ts';
import { createMeetUrl, createUid } from './identifiers.ts';
import { formatContentLine, formatTextLine } from './ics-writer.ts';
import {
  computeCreated,
  computeLastModified,
  formatLocalLine,
  formatRecurrenceRule,
  formatTimingLines,
  formatUtcLine,
  joinDescription,
  type RenderContext,
} from './render-shared.ts';
import { fillTemplate } from './vocabulary.ts';

// Google Calendar's export: properties in Google's order, empty DESCRIPTION and LOCATION
// lines, every guest's answer, the Meet link in X-GOOGLE-CONFERENCE and the description.

function formatOrganizer(person: Person): string {
  return formatContentLine('ORGANIZER', `mailto:${person.email}`, [['CN', person.name]]);
}

function formatAttendee(attendance: Attendance): string {
  return formatContentLine('ATTENDEE', `mailto:${attendance.person.email}`, [
    ['CUTYPE', 'INDIVIDUAL'],
    ['ROLE', attendance.isOptional ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT'],
    ['PARTSTAT', attendance.partStat],
    ['CN', attendance.person.name],
    ['X-NUM-GUESTS', '0'],
  ]);
}

interface GoogleBody {
  summary: string;
  status: string;
  sequence: number;
  attendees: readonly Attendance[];
  organizer?: Person;
  created: Date;
  lastModified: Date;
}

function buildBodyLines(context: RenderContext, event: PlannedEvent, body: GoogleBody, uid: string, recurrenceIdLine?: string): string[] {
  const meetUrl = event.hasOnlineMeeting ? createMeetUrl(context.options.seed, event.key) : undefined;
  const description = joinDescription([event.agenda, meetUrl ? fillTemplate(context.vocabulary.meetDescription, { url: meetUrl }) : undefined]);
  const lines = [formatContentLine('DTSTAMP', context.dtstamp)];
  if (body.organizer && body.attendees.length > 0) lines.push(formatOrganizer(body.organizer));
  lines.push(formatContentLine('UID', uid));
  lines.push(...body.attendees.map(formatAttendee));
  if (recurrenceIdLine) lines.push(recurrenceIdLine);
  if (meetUrl) lines.push(formatContentLine('X-GOOGLE-CONFERENCE', meetUrl));
  if (event.isPrivate) lines.push(formatContentLine('CLASS', 'PRIVATE'));
  lines.push(
    formatUtcLine('CREATED', body.created),
    formatTextLine('DESCRIPTION', description),
    formatUtcLine('LAST-MODIFIED', body.lastModified),
    formatTextLine('LOCATION', event.location ?? ''),
    formatContentLine('SEQUENCE', String(body.sequence)),
    formatContentLine('STATUS', body.status),
    formatTextLine('SUMMARY', body.summary),
    formatContentLine('TRANSP', event.isTransparent ? 'TRANSPARENT' : 'OPAQUE'),
  );
  return lines;
}

function renderOverride(context: RenderContext, event: PlannedEvent, override: InstanceOverride, uid: string, created: Date): string[] {
  const key = `${event.key}@${override.originalStart.day}`;
  return [
    'BEGIN:VEVENT',
    ...formatTimingLines(context, override.timing),
    ...buildBodyLines(
      context,
      event,
      {
        summary: override.summary,
        status: override.status,
        sequence: override.sequence,
        attendees: override.attendees,
        ...(event.organizer ? { organizer: event.organizer } : {}),
        created,
        lastModified: computeLastModified(context, key, created, override.originalStart),
      },
      uid,
      formatLocalLine(context, 'RECURRENCE-ID', override.originalStart),
    ),
    'END:VEVENT',
  ];
}

/** The event, then one VEVENT per overridden instance sharing its UID, as Google exports them. */
export function renderGoogleEvent(context: RenderContext, event: PlannedEvent): string[] {
  const uid = createUid(context.options.seed, event.key, 'google');
  const created = computeCreated(context, event);
  const recurrenceLines: string[] = [];
  if (event.recurrence) {
    recurrenceLines.push(formatContentLine('RRULE', formatRecurrenceRule(context, event.recurrence, 'google')));
    recurrenceLines.push(...event.recurrence.exdates.map((time) => formatLocalLine(context, 'EXDATE', time)));
  }
  const lines = [
    'BEGIN:VEVENT',
    ...formatTimingLines(context, event.timing),
    ...recurrenceLines,
    ...buildBodyLines(
      context,
      event,
      {
        summary: event.summary,
        status: event.status,
        sequence: event.sequence,
        attendees: event.attendees,
        ...(event.organizer ? { organizer: event.organizer } : {}),
        created,
        lastModified: computeLastModified(context, event.key, created),
      },
      uid,
    ),
    'END:VEVENT',
  ];
  for (const override of event.recurrence?.overrides ?? []) lines.push(...renderOverride(context, event, override, uid, created));
  return lines;
}
