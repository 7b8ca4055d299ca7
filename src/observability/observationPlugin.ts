import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import { cleanOperationName, observation } from './requestObservation.js';

/**
 * Tells the request's observation which operation ran and the first error's code. Apollo
 * gives plugins the context, not the HTTP response, so `responseOf` maps one to the other.
 */
export function observationPlugin<Context extends object>(
  responseOf: (context: Context) => Response | undefined,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const httpResponse = responseOf(contextValue);
          if (!httpResponse) return;
          const seen = observation(httpResponse);
          seen.operationName = cleanOperationName(operationName ?? request.operationName);
          const errors =
            response.body.kind === 'single'
              ? response.body.singleResult.errors
              : response.body.initialResult.errors;
          const code = errors?.[0]?.extensions?.code;
          if (typeof code === 'string') seen.errorCode = code;
        },
      };
    },
  };
}
