import type { Response } from 'express';

/** What the app learns about a request while serving it, for its log line and its metrics. */
export interface RequestObservation {
  /** The GraphQL operation's name as the client gave it (valid GraphQL names only). */
  operationName?: string;
  /** The first error's catalogue code, when the request failed. */
  errorCode?: string;
  /** The name of the API key that authenticated the request (never the key itself). */
  callerName?: string;
  /** True for /graphql requests, which get the GraphQL metrics. */
  graphql?: boolean;
}

/** The request's observation, kept in `response.locals` so every layer can add to it. */
export function observation(response: Response): RequestObservation {
  const locals = response.locals as { observation?: RequestObservation };
  locals.observation ??= {};
  return locals.observation;
}

const graphQLName = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** The operation name when it is a well-formed GraphQL name; anything else is dropped. */
export function cleanOperationName(name: unknown): string | undefined {
  return typeof name === 'string' && graphQLName.test(name) ? name : undefined;
}
