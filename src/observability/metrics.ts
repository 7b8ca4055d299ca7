import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { RequestObservation } from './requestObservation.js';

/** At most this many distinct operation names become labels; later ones count as `other`. */
export const maxOperationLabels = 50;

/** The route groups of claimgraph_http_requests_total (a fixed set, so labels stay bounded). */
const routeGroups = ['graphql', 'export', 'health', 'metrics', 'graphiql', 'explore', 'desk'];

/** The server's Prometheus metrics, in a registry of their own (one per app). */
export interface Metrics {
  readonly registry: Registry;
  /** Records one finished HTTP request. */
  observe(path: string, status: number, seconds: number, seen: RequestObservation): void;
}

/**
 * Process metrics (CPU, memory, event loop, GC) plus request counts and latency by GraphQL
 * operation and error code. Label values come from bounded sets: catalogue codes, a capped
 * set of operation names, fixed route groups and HTTP status classes.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['operation', 'code'] as const;
  const graphqlRequests = new Counter({
    name: 'claimgraph_graphql_requests_total',
    help: 'GraphQL requests by operation name and error code (`none` when it succeeded).',
    labelNames,
    registers: [registry],
  });
  const graphqlDuration = new Histogram({
    name: 'claimgraph_graphql_request_duration_seconds',
    help: 'GraphQL request latency in seconds, by operation name and error code.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'claimgraph_http_requests_total',
    help: 'HTTP requests by route group and status class.',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const operationLabels = new Set<string>();
  const operationLabel = (name: string | undefined) => {
    if (name === undefined) return 'anonymous';
    if (operationLabels.has(name)) return name;
    if (operationLabels.size >= maxOperationLabels) return 'other';
    operationLabels.add(name);
    return name;
  };
  return {
    registry,
    observe(path, status, seconds, seen) {
      const group = path.split('/')[1] ?? '';
      httpRequests.inc({
        route: routeGroups.includes(group) ? group : 'other',
        status: `${Math.floor(status / 100)}xx`,
      });
      if (!seen.graphql) return;
      const labels = {
        operation: operationLabel(seen.operationName),
        code: seen.errorCode ?? 'none',
      };
      graphqlRequests.inc(labels);
      graphqlDuration.observe(labels, seconds);
    },
  };
}
