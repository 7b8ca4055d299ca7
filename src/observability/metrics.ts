import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { maxConnectionPoolSize } from '../db/createDriver.js';
import type { AccessMode, Executor, ExecutorObserver } from '../db/executor.js';
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
 * operation and error code, and, given the executor, its Neo4j sessions, transactions and
 * retries (see `neo4jMetrics`). Label values come from bounded sets: catalogue codes, a capped
 * set of operation names, fixed route groups and HTTP status classes.
 */
export function createMetrics(executor?: Pick<Executor, 'observe'>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (executor) executor.observe(neo4jMetrics(registry));
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
  const httpChild = bound((route: string, status: string) =>
    httpRequests.labels({ route, status }),
  );
  const graphqlChild = bound((operation: string, code: string) => ({
    requests: graphqlRequests.labels({ operation, code }),
    duration: graphqlDuration.labels({ operation, code }),
  }));
  return {
    registry,
    observe(path, status, seconds, seen) {
      const group = path.split('/')[1] ?? '';
      httpChild(
        routeGroups.includes(group) ? group : 'other',
        `${Math.floor(status / 100)}xx`,
      ).inc();
      if (!seen.graphql) return;
      const child = graphqlChild(operationLabel(seen.operationName), seen.errorCode ?? 'none');
      child.requests.inc();
      child.duration.observe(seconds);
    },
  };
}

/**
 * A metric's children by label values, each bound once: prom-client hashes a label object on
 * every `inc(labels)`, a bound child does not. Only for label values from bounded sets (as all
 * of ours are), since every combination seen is kept.
 */
function bound<T>(
  bind: (first: string, second: string) => T,
): (first: string, second: string) => T {
  const children = new Map<string, T>();
  return (first, second) => {
    const key = `${first}\u0000${second}`;
    let child = children.get(key);
    if (child === undefined) {
      child = bind(first, second);
      children.set(key, child);
    }
    return child;
  };
}

/** The most distinct retry causes that become labels; later ones count as `other`. */
const maxRetryCauseLabels = 20;

/**
 * The Executor's observer that keeps the Neo4j metrics in `registry`: sessions in use (opened
 * minus closed, by access mode), the driver's connection pool bound, transactions by mode and
 * outcome with their duration, and the driver's silent retries by mode and the Neo4j error
 * code that caused them. neo4j-driver has no public pool statistics, so sessions in use stand
 * in for connections in use: each session runs one transaction on one pooled connection.
 */
export function neo4jMetrics(registry: Registry): ExecutorObserver {
  const modes: readonly AccessMode[] = ['read', 'write'];
  const sessionsInUse = new Gauge({
    name: 'claimgraph_neo4j_sessions_in_use',
    help: 'Neo4j sessions open now (opened minus closed), by access mode.',
    labelNames: ['mode'] as const,
    registers: [registry],
  });
  for (const mode of modes) sessionsInUse.set({ mode }, 0);
  new Gauge({
    name: 'claimgraph_neo4j_connection_pool_max',
    help: 'The configured maximum of Bolt connections the driver keeps to each Neo4j server.',
    registers: [registry],
  }).set(maxConnectionPoolSize);
  const transactions = new Counter({
    name: 'claimgraph_neo4j_transactions_total',
    help: 'Neo4j transactions by access mode and outcome (`committed`, or the error code).',
    labelNames: ['mode', 'outcome'] as const,
    registers: [registry],
  });
  for (const mode of modes) transactions.inc({ mode, outcome: 'committed' }, 0);
  const duration = new Histogram({
    name: 'claimgraph_neo4j_transaction_duration_seconds',
    help: 'Neo4j transaction time in seconds, retries and waiting for a connection included.',
    labelNames: ['mode'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'claimgraph_neo4j_transaction_retries_total',
    help: 'Transaction work the driver ran again after a retryable error, by mode and its code.',
    labelNames: ['mode', 'cause'] as const,
    registers: [registry],
  });
  const causeLabels = new Set<string>();
  const causeLabel = (cause: string) => {
    if (causeLabels.has(cause)) return cause;
    if (causeLabels.size >= maxRetryCauseLabels) return 'other';
    causeLabels.add(cause);
    return cause;
  };
  const sessions = bound((mode: string) => sessionsInUse.labels({ mode }));
  const transactionsBy = bound((mode: string, outcome: string) =>
    transactions.labels({ mode, outcome }),
  );
  const durationBy = bound((mode: string) => duration.labels({ mode }));
  return {
    sessionOpened: (mode) => sessions(mode, '').inc(),
    sessionClosed: (mode) => sessions(mode, '').dec(),
    transactionRetried: (mode, cause) => retries.inc({ mode, cause: causeLabel(cause) }),
    transactionFinished(mode, code, seconds) {
      transactionsBy(mode, code ?? 'committed').inc();
      durationBy(mode, '').observe(seconds);
    },
  };
}
