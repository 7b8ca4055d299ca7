import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors/appError.js';
import { errorCatalogue } from '../errors/errorCatalogue.js';
import { isQueryLimitError } from './queryLimits.js';

/** Codes Apollo sets for requests it refuses, which the catalogue calls BAD_REQUEST. */
const badRequestCodes = new Set([
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Shapes every error a client sees: AppErrors keep their code, message and details; errors from
 * GraphQL parsing and validation keep theirs; anything else becomes INTERNAL with a generic
 * message (the real one goes to the server log). No stack traces leave the server.
 */
export function createFormatError(log: (message: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
    };
    if (original instanceof AppError) {
      if (original.code === 'INTERNAL' || original.code === 'DB_UNAVAILABLE')
        log(`${original.code}: ${original.message}`, original.cause ?? original);
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, ...original.details },
      };
    }
    if (isQueryLimitError(formatted.message)) {
      return {
        ...base,
        message: formatted.message.replace(/^Syntax Error: /, ''),
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code in errorCatalogue && code !== 'INTERNAL') {
      return { ...base, extensions: { code } };
    }
    // Apollo's own refusals of the HTTP request: a known code, or none but a 4xx status.
    const status = (formatted.extensions?.http as { status?: number } | undefined)?.status;
    if (
      (typeof code === 'string' && badRequestCodes.has(code)) ||
      (code === undefined && typeof status === 'number' && status >= 400 && status < 500)
    ) {
      return { ...base, extensions: { code: 'BAD_REQUEST' } };
    }
    log('INTERNAL: unexpected error', original);
    return { ...base, message: 'Internal server error.', extensions: { code: 'INTERNAL' } };
  };
}
