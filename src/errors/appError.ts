import type { ErrorCode } from './errorCatalogue.js';

/**
 * An error meant for the client: its message is safe to show and its code is in the catalogue.
 * Anything else thrown is masked as INTERNAL before it leaves the server.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra data for the client, e.g. `{ field: 'input.quote' }` or a list of problems. */
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}
