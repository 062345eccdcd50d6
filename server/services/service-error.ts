/** A request the service cannot carry out, with a code for the error envelope. */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError(404, 'not-found', `${what} was not found.`);
}
