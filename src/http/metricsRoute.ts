import type { NextFunction, Request, Response } from 'express';
import { presentedKey, requestCaller } from '../auth/requestCaller.js';
import type { MetricsAccess } from '../config/config.js';
import type { AccessPolicy } from '../graphql/context.js';
import type { Metrics } from '../observability/metrics.js';
import { observation } from '../observability/requestObservation.js';

/** Records every finished request in the metrics (status, latency, operation, error code). */
export function metricsRecorder(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    // Read now: inside a mount (/graphql, /export) Express strips the mount path from the
    // request's URL, and the response finishes there, so at 'finish' every such request
    // looked like `/` and counted as route `other`.
    const path = request.path;
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observe(path, response.statusCode, seconds, observation(response));
    });
    next();
  };
}

/**
 * GET /metrics in Prometheus text format. `key` mode wants any valid API key (reader or
 * editor), presented like everywhere else; `off` mode does not mount the route at all.
 */
export function metricsHandler(
  metrics: Metrics,
  mode: Exclude<MetricsAccess, 'off'>,
  policy: AccessPolicy,
) {
  return async (request: Request, response: Response, next: NextFunction) => {
    if (mode === 'key') {
      let caller;
      try {
        caller = requestCaller(policy.apiKeys(), presentedKey(request.headers));
      } catch {
        caller = undefined;
      }
      if (!caller) {
        observation(response).errorCode = 'UNAUTHENTICATED';
        response.status(401).json({
          code: 'UNAUTHENTICATED',
          message: 'The metrics need an API key on this server.',
        });
        return;
      }
      observation(response).callerName = caller.name;
    }
    try {
      response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  };
}
