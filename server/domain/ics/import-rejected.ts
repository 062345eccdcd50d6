/** Codes for files refused as a whole. Each maps to HTTP 4xx / CLI exit 2 at the edges. */
export type RejectionCode = 'file-too-large' | 'empty-file' | 'not-a-calendar';

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
