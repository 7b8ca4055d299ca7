import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Response } from 'express';
import type { Logger } from 'pino';
import type { MetricsAccess, TrustProxy } from '../config/config.js';
import type { Executor } from '../db/executor.js';
import { buildGraphQLSchema } from '../graphql/buildSchema.js';
import { createContext, type AccessPolicy, type GraphQLContext } from '../graphql/context.js';
import { createFormatError } from '../graphql/formatError.js';
import { noStorePlugin } from '../graphql/noStorePlugin.js';
import { parseOptions, queryLimitProtection } from '../graphql/queryLimits.js';
import { exportRouter } from './exportRoute.js';
import { rateLimiting, type RateLimitSettings } from './rateLimit.js';
import { readAccess } from './readAccess.js';
import { consoleRouter } from './consoleRoute.js';
import { healthHandler } from './healthRoute.js';
import { jsonErrorHandler } from './jsonErrorHandler.js';
import { silentLogger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import { observationPlugin } from '../observability/observationPlugin.js';
import { cleanOperationName, observation } from '../observability/requestObservation.js';
import { metricsHandler, metricsRecorder } from './metricsRoute.js';
import { requestLogging } from './requestLogging.js';

/** What the HTTP app needs from the rest of the system. */
export interface AppDependencies {
  readonly executor: Executor;
  /** Who may read and write; by default nobody may write and reads are open. */
  readonly access?: AccessPolicy;
  /** Request logs go here; by default nowhere (main.ts passes the configured logger). */
  readonly logger?: Logger;
  /** Server errors (INTERNAL, DB_UNAVAILABLE) with their cause; by default to `logger`. */
  readonly log?: (message: string, error?: unknown) => void;
  /** Who may read /metrics; by default nobody (the route is not mounted). */
  readonly metrics?: MetricsAccess;
  /** Request budgets for /graphql and /export; by default none. */
  readonly rateLimit?: RateLimitSettings;
  /** Express's `trust proxy`: whom to believe in X-Forwarded-For; by default nobody. */
  readonly trustProxy?: TrustProxy;
}

/** The app and a way to stop Apollo with it. */
export interface App {
  readonly express: Express;
  stop(): Promise<void>;
}

/**
 * Express app with /graphql (Apollo), /graphiql (the offline console), /explore (the
 * journalists' explorer), /desk (the editors' desk: extract, review, commit), /export (JSON,
 * CSV, GraphML, JSON-LD) and /health. Does not listen: main.ts and the tests decide where.
 */
export async function createApp({
  executor,
  access = { apiKeys: () => [], readsRequireKey: false },
  logger = silentLogger(),
  log = (message, error) => logger.error({ err: error }, message),
  metrics: metricsAccess = 'off',
  rateLimit = {},
  trustProxy = false,
}: AppDependencies): Promise<App> {
  const protection = queryLimitProtection();
  // Apollo's plugins see the context, not the HTTP response the observation lives on. Apollo
  // hands plugins a shallow copy of the context, so the key is its per-request loaders.
  const responses = new WeakMap<GraphQLContext['loaders'], Response>();
  const apollo = new ApolloServer<GraphQLContext>({
    schema: buildGraphQLSchema(),
    validationRules: protection.validationRules,
    parseOptions,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: no client of ours sends them, and the cache is not needed.
    persistedQueries: false,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // main.ts owns shutdown (server, Apollo, driver, local Neo4j, in that order).
    stopOnTerminationSignals: false,
    // Apollo's own landing page loads from a CDN; /graphiql is ours and works offline.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The schema sets no cache hints; noStorePlugin gives the same no-store answer without
      // hooking every field resolution (see there).
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin<GraphQLContext>(),
      observationPlugin<GraphQLContext>((context) => responses.get(context.loaders)),
      // graphql-armor's types name Apollo's CJS build and ours the ESM one; the plugin objects
      // are the same at run time.
      ...(protection.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', typeof trustProxy === 'object' ? [...trustProxy] : trustProxy);
  app.use(requestLogging(logger));
  if (metricsAccess !== 'off') {
    const metrics = createMetrics(executor);
    app.use(metricsRecorder(metrics));
    app.get('/metrics', metricsHandler(metrics, metricsAccess, access));
  }
  // Data routes only: /health, /metrics and the static consoles are never limited.
  const limited = rateLimiting(rateLimit, access, log);
  // /graphql first: its requests (nearly all the traffic) then skip matching the other mounts.
  // The paths do not overlap, so the order decides nothing else.
  app.use(
    '/graphql',
    limited('graphql'),
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const seen = observation(res);
        seen.graphql = true;
        try {
          const context = createContext(executor, access, req.headers);
          seen.callerName = context.caller?.name;
          responses.set(context.loaders, res);
          return context;
        } catch (error) {
          // Refused before any plugin runs (UNAUTHENTICATED): record the code here.
          const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
          if (typeof code === 'string') seen.errorCode = code;
          seen.operationName = cleanOperationName(
            (req.body as { operationName?: unknown } | undefined)?.operationName,
          );
          throw error;
        }
      },
    }),
  );
  app.get('/health', healthHandler(executor));
  app.use('/graphiql', consoleRouter('graphiql'));
  app.use('/explore', consoleRouter('explore'));
  app.use('/desk', consoleRouter('desk'));
  app.use('/export', limited('plain'), readAccess(access), exportRouter(executor, log));
  app.get('/', (_request, response) => response.redirect('/graphiql/'));
  app.use(jsonErrorHandler(log));
  return { express: app, stop: () => apollo.stop() };
}
