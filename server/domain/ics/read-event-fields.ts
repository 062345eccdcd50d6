import type { Attendee, BusyStatus, EventFields, Person, Response } from './calendar-event.ts';
import type { NodeIcalComponent } from './node-ical-reader.ts';

/** The descriptive fields of an event and its SEQUENCE, from node-ical's reading (it unescapes TEXT). */
export function readEventFields(component: NodeIcalComponent): EventFields & { sequence: number; isOutlookAllDay: boolean } {
  return {
    summary: textOf(component.summary),
    description: textOf(component.description),
    location: textOf(component.location),
    organizer: personOf(component.organizer),
    attendees: listOf(component.attendee).map(attendeeOf).filter((a): a is Attendee => a !== null),
    categories: listOf(component.categories)
      .map((c) => textOf(c).trim())
      .filter(Boolean),
    status: statusOf(textOf(component.status)),
    isTransparent: textOf(component.transparency).trim().toUpperCase() === 'TRANSPARENT',
    busyStatus: busyStatusOf(textOf(component['MICROSOFT-CDO-BUSYSTATUS'])),
    sequence: sequenceOf(component.sequence),
    isOutlookAllDay: textOf(component['MICROSOFT-CDO-ALLDAYEVENT']).trim().toUpperCase() === 'TRUE',
  };
}

/** node-ical gives a plain string, `{ params, val }` when the property had parameters, or an
 * array when the property repeats; the first value is the one that counts. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object' && 'val' in value) return textOf((value as { val: unknown }).val);
  return '';
}

function paramsOf(value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && 'params' in value) {
    const params = (value as { params: unknown }).params;
    if (typeof params === 'object' && params !== null) return params as Record<string, unknown>;
  }
  return {};
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function emailOf(value: unknown): string {
  const text = textOf(value).trim();
  return text.replace(/^mailto:/i, '').trim().toLowerCase();
}

function nameOf(params: Record<string, unknown>): string | null {
  const cn = params.CN;
  if (typeof cn !== 'string' && typeof cn !== 'number') return null;
  const name = String(cn).trim().replace(/^"(.*)"$/, '$1');
  return name || null;
}

function personOf(value: unknown): Person | null {
  if (value === undefined || value === null) return null;
  const first = Array.isArray(value) ? value[0] : value;
  const email = emailOf(first);
  const name = nameOf(paramsOf(first));
  if (!email && !name) return null;
  return { email, name };
}

const RESPONSES: Record<string, Response> = {
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  'NEEDS-ACTION': 'needs-action',
  DELEGATED: 'delegated',
};

function attendeeOf(value: unknown): Attendee | null {
  const person = personOf(value);
  if (!person) return null;
  const params = paramsOf(value);
  const partstat = String(params.PARTSTAT ?? '').toUpperCase();
  const cutype = String(params.CUTYPE ?? '').toUpperCase();
  const kind: Attendee['kind'] =
    cutype === 'ROOM' ? 'room' : cutype === 'RESOURCE' ? 'resource' : cutype === 'GROUP' ? 'group' : 'person';
  return { ...person, response: RESPONSES[partstat] ?? 'none', kind };
}

function statusOf(text: string): EventFields['status'] {
  switch (text.trim().toUpperCase()) {
    case 'CONFIRMED':
      return 'confirmed';
    case 'TENTATIVE':
      return 'tentative';
    case 'CANCELLED':
    case 'CANCELED':
      return 'cancelled';
    default:
      return null;
  }
}

function busyStatusOf(text: string): BusyStatus | null {
  switch (text.trim().toUpperCase()) {
    case 'FREE':
      return 'free';
    case 'TENTATIVE':
      return 'tentative';
    case 'BUSY':
      return 'busy';
    case 'OOF':
      return 'oof';
    case 'WORKINGELSEWHERE':
      return 'working-elsewhere';
    default:
      return null;
  }
}

function sequenceOf(value: unknown): number {
  const n = Number(textOf(value));
  return Number.isFinite(n) ? n : 0;
}
