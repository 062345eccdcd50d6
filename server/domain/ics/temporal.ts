import { Temporal } from 'temporal-polyfill';

// rrule-temporal uses globalThis.Temporal when present and its own bundled copy otherwise;
// pinning one implementation keeps the ZonedDateTimes we hand it and get back of one kind.
// Imported before rrule-temporal by every module that uses both.
(globalThis as { Temporal?: unknown }).Temporal ??= Temporal;

export { Temporal };
