import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Executor } from '../db/executor.js';
import { buildGraphQLSchema } from '../graphql/buildSchema.js';
import { createContext, type AccessPolicy, type GraphQLContext } from '../graphql/context.js';
import { createFormatError } from '../graphql/formatError.js';
import { parseOptions, queryLimitProtection } from '../graphql/queryLimits.js';
import { exportRouter } from './exportRoute.js';
import { readAccess } from './readAccess.js';
import { consoleRouter } from './consoleRoute.js';
import { healthHandler } from './healthRoute.js';
import { jsonErrorHandler } from './jsonErrorHandler.js';

/** What the HTTP app needs from the rest of the system. */
export interface AppDependencies {
  readonly executor: Executor;
  /** Who may read and write; by default nobody may write and reads are open. */
  readonly access?: AccessPolicy;
  readonly log?: (message: string, error?: unknown) => void;
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
  log = defaultLog,
}: AppDependencies): Promise<App> {
  const protection = queryLimitProtection();
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
      // graphql-armor's types name Apollo's CJS build and ours the ESM one; the plugin objects
      // are the same at run time.
      ...(protection.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', healthHandler(executor));
  app.use('/graphiql', consoleRouter('graphiql'));
  app.use('/explore', consoleRouter('explore'));
  app.use('/desk', consoleRouter('desk'));
  app.use('/export', readAccess(access), exportRouter(executor, log));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(executor, access, req.headers),
    }),
  );
  app.get('/', (_request, response) => response.redirect('/graphiql/'));
  app.use(jsonErrorHandler(log));
  return { express: app, stop: () => apollo.stop() };
}

function defaultLog(message: string, error?: unknown) {
  console.error(message, error ?? '');
}
