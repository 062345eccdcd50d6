import type { CalendarFlavour } from './calendar-options.ts';
import { hashString, hashToHex } from './random.ts';

// Identifiers that look like the ones each vendor writes, derived from the seed and the
// entry's plan key, so the same seed always gives the same UIDs and links.

const GOOGLE_UID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
// Outlook's global object id starts with this fixed class id, then a time stamp and a GUID.
const OUTLOOK_UID_PREFIX = '040000008200E00074C5B7101A82E008';

function toAlphabet(hex: string, alphabet: string, length: number): string {
  let text = '';
  for (let index = 0; text.length < length; index += 2) {
    const byte = Number.parseInt(hex.slice(index, index + 2) || '0', 16);
    text += alphabet[byte % alphabet.length] ?? 'a';
  }
  return text;
}

export function createUid(seed: number, key: string, flavour: CalendarFlavour): string {
  const hex = hashToHex(`${seed}:uid:${key}`, 64);
  if (flavour === 'google') return `${toAlphabet(hex, GOOGLE_UID_ALPHABET, 26)}@google.com`;
  return `${OUTLOOK_UID_PREFIX}00000000${hex.slice(0, 16)}${'0'.repeat(16)}10000000${hex.slice(16, 48)}`.toUpperCase();
}

export function createMeetUrl(seed: number, key: string): string {
  const letters = toAlphabet(hashToHex(`${seed}:meet:${key}`, 24), 'abcdefghijklmnopqrstuvwxyz', 10);
  return `https://meet.google.com/${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7, 10)}`;
}

export interface TeamsMeeting {
  url: string;
  meetingId: string;
  passcode: string;
}

export function createTeamsMeeting(seed: number, key: string): TeamsMeeting {
  const hex = hashToHex(`${seed}:teams:${key}`, 96);
  const thread = toAlphabet(hex, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40);
  const tenant = `${hex.slice(40, 48)}-${hex.slice(48, 52)}-${hex.slice(52, 56)}-${hex.slice(56, 60)}-${hex.slice(60, 72)}`;
  const digits = String(hashString(`${seed}:teams-id:${key}`)).padStart(15, '7').slice(0, 15);
  return {
    url: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=%7b%22Tid%22%3a%22${tenant}%22%7d`,
    meetingId: `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9, 12)} ${digits.slice(12, 15)}`,
    passcode: toAlphabet(hex.slice(72), 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789', 6),
  };
}
