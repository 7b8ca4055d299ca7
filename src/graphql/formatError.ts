import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors/appError.js';
import { errorCatalogue } from '../errors/errorCatalogue.js';
import { isQueryLimitError } from './queryLimits.js';

/** Codes Apollo and graphql-js set themselves, passed through unchanged. */
const passThroughCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
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
    if (typeof code === 'string' && (passThroughCodes.has(code) || code in errorCatalogue)) {
      return { ...base, extensions: { code } };
    }
    log('INTERNAL: unexpected error', original);
    return { ...base, message: 'Internal server error.', extensions: { code: 'INTERNAL' } };
  };
}
