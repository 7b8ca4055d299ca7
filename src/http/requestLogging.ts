import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { observation } from '../observability/requestObservation.js';

/** The header that carries the request id, in and out. */
export const requestIdHeader = 'X-Request-Id';

/** An incoming id is kept when it is short and plain (a UUID, a proxy's trace id). */
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** Paths that monitoring polls: logged at debug while they succeed. */
const pollingPath = /^\/(health|metrics)(\?|$)/;

/**
 * One log line per request when it finishes: request id (also sent back in X-Request-Id),
 * method, URL, status, duration in ms, GraphQL operation name, the caller's key name and the
 * error code. Key headers are redacted by the logger, so no key ever reaches the log.
 */
export function requestLogging(logger: Logger) {
  const logged = pinoHttp({
    logger,
    genReqId: requestId,
    customAttributeKeys: { responseTime: 'durationMs' },
    customLogLevel: (request, response, error) =>
      error || response.statusCode >= 500
        ? 'error'
        : response.statusCode >= 400
          ? 'warn'
          : // Health checks and scrapes come every few seconds; they would drown the rest.
            pollingPath.test(request.url ?? '')
            ? 'debug'
            : 'info',
    customSuccessObject: (request, response, fields: object) => ({
      ...fields,
      ...observedFields(request, response),
    }),
    customErrorObject: (request, response, _error, fields: object) => ({
      ...fields,
      ...observedFields(request, response),
    }),
  });
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    // While the logger writes nothing (silent, or above error), pino-http would still build a
    // child logger per request, serialising and redacting its headers, for a line that is
    // never written. The request still gets its id, sent back in X-Request-Id. Checked per
    // request, so a level changed at run time takes effect at once.
    if (logger.isLevelEnabled('error')) return logged(request, response, next);
    request.id = requestId(request, response);
    next();
  };
}

/** The request's id: a sane incoming X-Request-Id, else a fresh UUID; sent back in the header. */
function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
  response.setHeader(requestIdHeader, id);
  return id;
}

function observedFields(request: IncomingMessage, response: ServerResponse) {
  const seen = observation(response as Response);
  return {
    requestId: request.id,
    status: response.statusCode,
    operationName: seen.operationName,
    caller: seen.callerName,
    errorCode: seen.errorCode,
  };
}
