import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';

/**
 * Marks every GraphQL response `Cache-Control: no-store`, which is what Apollo's cache-control
 * plugin answered for this schema: it has no `@cacheControl` hints, so every policy came out
 * uncacheable. That plugin is turned off (createApp.ts) because computing the policy hooked
 * every field resolution of every request (a wrapper, a policy object and two cache lookups
 * per field) to reach the same fixed answer. A header set earlier (by another plugin) is kept.
 */
export function noStorePlugin<Context extends object>(): ApolloServerPlugin<Context> {
  const listener: GraphQLRequestListener<Context> = {
    async willSendResponse({ response }) {
      if (!response.http.headers.has('cache-control')) {
        response.http.headers.set('cache-control', 'no-store');
      }
    },
  };
  return { requestDidStart: async () => listener };
}
