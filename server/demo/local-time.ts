import { TZDate } from '@date-fns/tz';

// The generator plans in the leader's wall-clock time (what the calendar shows) and converts
// to real instants only where RFC 5545 asks for UTC (DTSTAMP, CREATED, UNTIL). A day is a
// day number (days since 1970-01-01 as a civil date), a time is minutes after local midnight.

export interface WallTime {
  day: number;
  minute: number;
}

const MS_PER_DAY = 86_400_000;

export const SUNDAY = 0;
export const MONDAY = 1;
export const FRIDAY = 5;
export const SATURDAY = 6;

export function toDayNumber(year: number, month: number, dayOfMonth: number): number {
  return Math.floor(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

export function getDateParts(day: number): { year: number; month: number; dayOfMonth: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, dayOfMonth: date.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function getWeekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const weekday = getWeekday(day);
  return weekday === SATURDAY || weekday === SUNDAY;
}

export function getDaysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same day of month `months` later, clamped to the month's last day (31 Mar - 1 month = 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const { year, month, dayOfMonth } = getDateParts(day);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return toDayNumber(targetYear, targetMonth, Math.min(dayOfMonth, getDaysInMonth(targetYear, targetMonth)));
}

/** The nth (1-based, or -1 for last) given weekday of a month. */
export function findNthWeekday(year: number, month: number, weekday: number, nth: number): number {
  if (nth < 0) {
    const last = toDayNumber(year, month, getDaysInMonth(year, month));
    return last - ((getWeekday(last) - weekday + 7) % 7);
  }
  const first = toDayNumber(year, month, 1);
  return first + ((weekday - getWeekday(first) + 7) % 7) + (nth - 1) * 7;
}

export function getQuarter(day: number): number {
  return Math.floor((getDateParts(day).month - 1) / 3) + 1;
}

export function getLocalWallTime(instant: Date, timeZone: string): WallTime {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    day: toDayNumber(local.getFullYear(), local.getMonth() + 1, local.getDate()),
    minute: local.getHours() * 60 + local.getMinutes(),
  };
}

export function toInstant(time: WallTime, timeZone: string): Date {
  const { day, minute } = normaliseWallTime(time);
  const { year, month, dayOfMonth } = getDateParts(day);
  const local = new TZDate(year, month - 1, dayOfMonth, Math.floor(minute / 60), minute % 60, timeZone);
  return new Date(local.getTime());
}


function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** RFC 5545 DATE: 20250314. */
export function formatIcsDate(day: number): string {
  const { year, month, dayOfMonth } = getDateParts(day);
  return `${pad(year, 4)}${pad(month)}${pad(dayOfMonth)}`;
}

/** A time may run past midnight (a late return flight): carry it into the next day. */
export function normaliseWallTime(time: WallTime): WallTime {
  return { day: time.day + Math.floor(time.minute / 1440), minute: ((time.minute % 1440) + 1440) % 1440 };
}

/** RFC 5545 local DATE-TIME (used with TZID): 20250314T093000. */
export function formatIcsLocalDateTime(time: WallTime): string {
  const { day, minute } = normaliseWallTime(time);
  return `${formatIcsDate(day)}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}00`;
}

/** RFC 5545 UTC DATE-TIME: 20250314T083000Z. */
export function formatIcsUtc(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}
