import { describe, expect, test } from 'vitest';
import { inferLeader, isEmail } from '../../../server/domain/ics/infer-leader.ts';
import { parseCalendar } from '../../../server/domain/ics/parse-calendar.ts';
import { attendee, calendar, event, organizer } from '../../support/ics-builder.ts';

/** A meeting on day `n` of January with the given people: the first is the organiser. */
function meeting(n: number, people: string[], extra: string[] = []): string {
  const [host, ...guests] = people;
  return event({
    uid: `m${n}`,
    summary: `Meeting ${n}`,
    start: `202401${String(n).padStart(2, '0')}T090000Z`,
    extra: [...(host ? [organizer(host)] : []), ...guests.map((g) => attendee(g, { PARTSTAT: 'ACCEPTED' })), ...extra],
  });
}

function infer(name: string | null, meetings: string[]) {
  const parsed = parseCalendar(calendar(...meetings));
  return inferLeader(name, parsed.events);
}

describe('inferLeader', () => {
  test.each([
    ['leader@example.com', 'leader@example.com'],
    ['  Leader@Example.COM ', 'leader@example.com'],
  ])('an e-mail address as X-WR-CALNAME (%s) wins over the meetings', (name, expected) => {
    const meetings = [1, 2, 3, 4].map((n) => meeting(n, ['someone.else@example.com', 'peer@example.com']));
    expect(infer(name, meetings)).toEqual({ email: expected, inferredFrom: "the calendar's name (X-WR-CALNAME)" });
  });

  test('the calendar name read from a Google export is used', () => {
    const parsed = parseCalendar(calendar(meeting(1, ['x@example.com']), { name: 'Ada.Lovelace@example.com' }));
    expect(inferLeader(parsed.name, parsed.events).email).toBe('ada.lovelace@example.com');
  });

  test('otherwise the person in most meetings, as organiser or attendee, is the leader', () => {
    const meetings = [
      meeting(1, ['assistant@example.com', 'leader@example.com', 'a@example.com']),
      meeting(2, ['assistant@example.com', 'leader@example.com', 'b@example.com']),
      meeting(3, ['leader@example.com', 'c@example.com']),
      meeting(4, ['peer@example.com', 'leader@example.com']),
      meeting(5, ['assistant@example.com', 'd@example.com']),
    ];
    expect(infer('Work', meetings)).toEqual({ email: 'leader@example.com', inferredFrom: 'the person in most meetings (4 of 5)' });
  });

  test('organising and attending the same meeting counts once', () => {
    const meetings = [
      meeting(1, ['organiser@example.com', 'organiser@example.com', 'x@example.com']),
      meeting(2, ['organiser@example.com', 'organiser@example.com', 'x@example.com']),
      meeting(3, ['x@example.com', 'y@example.com']),
    ];
    expect(infer(null, meetings)).toEqual({ email: 'x@example.com', inferredFrom: 'the person in most meetings (3 of 3)' });
  });

  test.each([
    ['a room', { CUTYPE: 'ROOM' }],
    ['a resource', { CUTYPE: 'RESOURCE' }],
    ['a distribution list', { CUTYPE: 'GROUP' }],
  ])('%s in every meeting is never the leader', (_name, params) => {
    const meetings = [
      meeting(1, ['leader@example.com', 'a@example.com'], [attendee('shared@example.com', params)]),
      meeting(2, ['leader@example.com', 'b@example.com'], [attendee('shared@example.com', params)]),
      meeting(3, ['c@example.com', 'd@example.com'], [attendee('shared@example.com', params)]),
    ];
    expect(infer(null, meetings).email).toBe('leader@example.com');
  });

  test.each([
    ['no events', [], null],
    ['one meeting', [meeting(1, ['leader@example.com', 'a@example.com'])], null],
    ['events without people', [meeting(1, []), meeting(2, []), meeting(3, [])], null],
    [
      'two meetings',
      [meeting(1, ['leader@example.com', 'a@example.com']), meeting(2, ['leader@example.com', 'b@example.com'])],
      'leader@example.com',
    ],
  ])('from %s the guess is %s', (_name, meetings, expected) => {
    expect(infer(null, meetings).email).toBe(expected);
  });

  test.each([
    [2, 10, null], // 20%: a minority of the meetings is no evidence
    [3, 10, 'frequent@example.com'], // 30% exactly: enough
  ])('someone in %i of %i meetings with people: the guess is %s', (present, total, expected) => {
    // Every other meeting has its own pair of strangers, so no one else comes close.
    const meetings = Array.from({ length: total }, (_, i) =>
      i < present ? meeting(i + 1, ['frequent@example.com', `guest${i}@example.com`]) : meeting(i + 1, [`host${i}@example.com`, `guest${i}@example.com`]),
    );
    const result = infer(null, meetings);
    expect(result.email).toBe(expected);
    if (expected) expect(result.inferredFrom).toBe(`the person in most meetings (${present} of ${total})`);
    else expect(result.inferredFrom).toBeNull();
  });

  test('a tie is broken by address, so the answer never depends on the order of the file', () => {
    const meetings = [
      meeting(1, ['zoe@example.com', 'adam@example.com']),
      meeting(2, ['zoe@example.com', 'adam@example.com']),
      meeting(3, ['zoe@example.com', 'adam@example.com']),
    ];
    expect(infer(null, meetings).email).toBe('adam@example.com');
    expect(infer(null, [...meetings].reverse()).email).toBe('adam@example.com');
  });

  test('a calendar name that is not an address is ignored', () => {
    expect(infer('Leader (work)', [meeting(1, ['a@example.com'])]).email).toBeNull();
  });
});

describe('isEmail', () => {
  test.each([
    ['leader@example.com', true],
    [' leader@example.com ', true],
    ['leader@example', false],
    ['leader example.com', false],
    ['@example.com', false],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(isEmail(text)).toBe(expected);
  });
});
