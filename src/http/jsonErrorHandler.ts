import type { NextFunction, Request, Response } from 'express';
import { observation } from '../observability/requestObservation.js';

/**
 * The last Express error handler: errors raised before GraphQL runs (a body that is not JSON,
 * a body over the size limit) get a GraphQL-shaped JSON answer with a catalogue code, never
 * Express's HTML page with its stack trace.
 */
export function jsonErrorHandler(log: (message: string, error?: unknown) => void) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const { status, type } = (error ?? {}) as { status?: number; type?: string };
    const [httpStatus, code, message] =
      type === 'entity.too.large'
        ? [413, 'BAD_USER_INPUT', 'The request body is larger than the 100 kB limit.']
        : type === 'entity.parse.failed'
          ? [400, 'BAD_USER_INPUT', 'The request body is not valid JSON.']
          : status && status >= 400 && status < 500
            ? [status, 'BAD_USER_INPUT', 'The request could not be read.']
            : [500, 'INTERNAL', 'Internal server error.'];
    observation(response).errorCode = code;
    if (httpStatus === 500) log('INTERNAL: unhandled HTTP error', error);
    response.status(httpStatus).json({ errors: [{ message, extensions: { code } }] });
  };
}
