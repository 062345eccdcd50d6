/** Codes for files refused as a whole. Each maps to HTTP 4xx / CLI exit 2 at the edges. */
export type RejectionCode =
  | 'file-too-large'
  | 'empty-file'
  | 'not-a-calendar'
  /** Reading it would take more memory or occurrences than an import may (calendar-reader.ts). */
  | 'calendar-too-complex'
  /** Reading it took longer than an import may. */
  | 'calendar-timeout'
  /** The isolated reader stopped without an answer while reading it. */
  | 'calendar-unreadable';

/** A whole file is refused: one clear message, nothing stored. */
export class ImportRejected extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRejected';
  }
}
