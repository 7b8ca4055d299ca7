/**
 * Every error code a client can see, in `extensions.code` of a GraphQL error or `code` of a CLI
 * or HTTP error. docs/errors.md documents each; a test keeps the two in step.
 */
export const errorCatalogue = {
  BAD_USER_INPUT: { httpStatus: 400, meaning: 'An argument or input field is invalid.' },
  GRAPHQL_PARSE_FAILED: { httpStatus: 400, meaning: 'The query is not valid GraphQL syntax.' },
  GRAPHQL_VALIDATION_FAILED: {
    httpStatus: 400,
    meaning: 'The query does not match the schema (unknown field, wrong argument type…).',
  },
  BAD_REQUEST: {
    httpStatus: 400,
    meaning:
      'The HTTP request is not a GraphQL request the server accepts (possible CSRF, a batch, a mutation over GET, a malformed field, an unknown operation name).',
  },
  NOT_FOUND: { httpStatus: 404, meaning: 'No node has the given id.' },
  CONFLICT: { httpStatus: 409, meaning: 'The write contradicts data already in the graph.' },
  UNAUTHENTICATED: {
    httpStatus: 401,
    meaning: 'The operation needs an API key and none, or an unknown one, was given.',
  },
  FORBIDDEN: { httpStatus: 403, meaning: 'The API key is valid but its role may not do this.' },
  QUERY_TOO_COMPLEX: {
    httpStatus: 400,
    meaning: 'The query exceeds a depth, alias, token or cost limit.',
  },
  RATE_LIMITED: {
    httpStatus: 429,
    meaning:
      'Too many requests from this API key or address in the current window; nothing was run.',
  },
  DB_UNAVAILABLE: {
    httpStatus: 503,
    meaning: 'Neo4j cannot be reached or is restarting; retry shortly. Nothing was written.',
  },
  DB_TIMEOUT: { httpStatus: 503, meaning: 'The query ran past the Neo4j transaction timeout.' },
  INTERNAL: {
    httpStatus: 500,
    meaning: 'An unexpected server error; details are in the server log.',
  },
} as const;

/** One of the catalogue's codes. */
export type ErrorCode = keyof typeof errorCatalogue;
