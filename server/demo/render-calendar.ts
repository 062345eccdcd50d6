import type { ResolvedCalendarOptions } from './calendar-options.ts';
import type { CalendarPlan } from './event-model.ts';
import { formatContentLine, formatTextLine, serialiseContentLines } from './ics-writer.ts';
import { formatIcsUtc, getDateParts } from './local-time.ts';
import { renderGoogleEvent } from './render-google-event.ts';
import { renderOutlookEvent } from './render-outlook-event.ts';
import type { RenderContext } from './render-shared.ts';
import { getVocabulary } from './vocabulary.ts';
import { buildVTimezoneLines } from './vtimezone.ts';
import { getWindowsZoneName } from './windows-zones.ts';

const PRODIDS = {
  google: '-//Google Inc//Google Calendar 70.9054//EN',
  outlook: '-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
} as const;

/** Serialises a plan the way the chosen vendor exports a calendar. */
export function renderCalendar(plan: CalendarPlan, options: ResolvedCalendarOptions): string {
  const vocabulary = getVocabulary(options.language);
  const isOutlook = options.flavour === 'outlook';
  const tzid = isOutlook ? getWindowsZoneName(options.timeZone) : options.timeZone;
  const nowMs = Math.floor(options.now.getTime() / 1000) * 1000;
  const context: RenderContext = { plan, options, vocabulary, tzid, dtstamp: formatIcsUtc(new Date(nowMs)), nowMs };
  const uids = new Set<string>();
  const eventLines = plan.events.flatMap((event) => {
    const lines = isOutlook ? renderOutlookEvent(context, event) : renderGoogleEvent(context, event);
    const uid = lines.find((line) => line.startsWith('UID:'));
    // Overrides share their series' UID; two planned events never may.
    if (uid && uids.has(uid)) throw new Error(`Duplicate UID for plan key ${event.key}`);
    if (uid) uids.add(uid);
    return lines;
  });
  const lines = [
    'BEGIN:VCALENDAR',
    formatContentLine('PRODID', PRODIDS[options.flavour]),
    formatContentLine('VERSION', '2.0'),
    formatContentLine('CALSCALE', 'GREGORIAN'),
    formatContentLine('METHOD', 'PUBLISH'),
    // Google names a primary calendar after its owner's address; Outlook uses its folder name.
    formatTextLine('X-WR-CALNAME', isOutlook ? vocabulary.calendarName : options.email),
    formatTextLine('X-WR-TIMEZONE', options.timeZone),
    ...buildVTimezoneLines(options.timeZone, tzid, options.flavour, getDateParts(plan.today).year),
    ...eventLines,
    'END:VCALENDAR',
  ];
  return serialiseContentLines(lines);
}
