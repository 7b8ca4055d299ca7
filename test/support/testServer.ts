import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Executor } from '../../src/db/executor.js';
import type { AccessPolicy } from '../../src/graphql/context.js';
import { createApp, type AppDependencies } from '../../src/http/createApp.js';

/** The app listening on a free loopback port. */
export interface TestServer {
  readonly url: string;
  /** POSTs a GraphQL request and returns the parsed JSON body and HTTP status. */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody }>;
  close(): Promise<void>;
}

/** A GraphQL response body. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Starts createApp() on port 0; server errors are collected instead of printed. */
export async function startTestServer(
  executor: Executor,
  serverLog: string[] = [],
  access?: AccessPolicy,
  /** More of createApp's settings (rate limits, trust proxy, metrics). */
  options: Pick<AppDependencies, 'rateLimit' | 'trustProxy' | 'metrics'> = {},
): Promise<TestServer> {
  const app = await createApp({
    executor,
    access,
    log: (message) => serverLog.push(message),
    ...options,
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.express.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.stop();
    },
  };
}
