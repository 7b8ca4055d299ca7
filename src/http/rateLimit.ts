import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { presentedKey, requestCaller } from '../auth/requestCaller.js';
import type { RateLimit } from '../config/config.js';
import type { AccessPolicy } from '../graphql/context.js';
import { observation } from '../observability/requestObservation.js';

/** The opt-in budgets; a limit left undefined is off. */
export interface RateLimitSettings {
  /** For anonymous requests (and those with an unknown key), per client address. */
  readonly perIp?: RateLimit | undefined;
  /** For requests with a valid API key, per key name, instead of the address's budget. */
  readonly perKey?: RateLimit | undefined;
}

/**
 * How a refusal's body is shaped: `graphql` as a GraphQL response (`errors[].extensions.code`),
 * `plain` as the `{ code, message }` of the other HTTP routes (/export).
 */
export type RefusalShape = 'graphql' | 'plain';

/**
 * Per-key and per-address request budgets in this process's memory (fixed windows). Returns a
 * middleware factory; every route mounted with it draws on the same budgets. A request with a
 * valid API key counts against its key's name (not at all when no per-key limit is set);
 * anything else counts against `request.ip` (which honours Express's `trust proxy`). A refused
 * request gets 429 RATE_LIMITED with `Retry-After` in whole seconds. Any failure of the limiter
 * itself is logged and the request let through: the limiter never breaks the request path.
 * With no limit set, the middleware does nothing (it does not even look at the key).
 */
export function rateLimiting(
  settings: RateLimitSettings,
  policy: AccessPolicy,
  log: (message: string, error?: unknown) => void,
): (shape: RefusalShape) => RequestHandler {
  const limiter = (limit: RateLimit | undefined, prefix: string) =>
    limit &&
    new RateLimiterMemory({
      keyPrefix: prefix,
      points: limit.points,
      duration: limit.windowSeconds,
    });
  const perIp = limiter(settings.perIp, 'ip');
  const perKey = limiter(settings.perKey, 'key');
  if (!perIp && !perKey) return () => (_request, _response, next) => next();

  return (shape) => async (request: Request, response: Response, next: NextFunction) => {
    const callerName = validCallerName(policy, request);
    try {
      const budget = callerName === undefined ? perIp : perKey;
      await budget?.consume(callerName ?? clientAddress(request));
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        refuse(response, shape, callerName, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        return;
      }
      log('Rate limiter failed; the request was let through.', error);
    }
    next();
  };
}

/** The client's address as Express sees it (X-Forwarded-For only from trusted proxies). */
function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

/** The valid key's name; undefined for no key, an unknown one, or any error in finding out. */
function validCallerName(policy: AccessPolicy, request: Request): string | undefined {
  try {
    // No key, no need to read the key store (it checks the key file on every call).
    const key = presentedKey(request.headers);
    return key === undefined ? undefined : requestCaller(policy.apiKeys(), key)?.name;
  } catch {
    // An unknown, revoked or expired key is refused further on; meanwhile it spends the
    // address's budget, so guessing keys is limited too.
    return undefined;
  }
}

/** 429 RATE_LIMITED with Retry-After, shaped for the route, and noted for the log and metrics. */
function refuse(
  response: Response,
  shape: RefusalShape,
  callerName: string | undefined,
  retryAfterSeconds: number,
): void {
  const seen = observation(response);
  seen.errorCode = 'RATE_LIMITED';
  seen.callerName = callerName;
  if (shape === 'graphql') seen.graphql = true;
  const message =
    callerName === undefined
      ? `Too many requests from this address; retry in ${retryAfterSeconds} s.`
      : `Too many requests with the API key "${callerName}"; retry in ${retryAfterSeconds} s.`;
  response.status(429).setHeader('Retry-After', String(retryAfterSeconds));
  response.json(
    shape === 'graphql'
      ? { errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }] }
      : { code: 'RATE_LIMITED', message, retryAfterSeconds },
  );
}
