import type { NextFunction, Request, Response } from 'express';
import { presentedKey, requestCaller } from '../auth/requestCaller.js';
import { AppError } from '../errors/appError.js';
import type { AccessPolicy } from '../graphql/context.js';
import { observation } from '../observability/requestObservation.js';

/**
 * Applies the same read rule to plain HTTP routes (such as /export) as /graphql applies: an
 * unknown key is refused, and so is no key while reads are locked. Answers 401 JSON.
 */
export function readAccess(policy: AccessPolicy) {
  return (request: Request, response: Response, next: NextFunction) => {
    try {
      const caller = requestCaller(policy.apiKeys(), presentedKey(request.headers));
      if (!caller && policy.readsRequireKey) {
        throw new AppError('UNAUTHENTICATED', 'This server requires an API key for every request.');
      }
      observation(response).callerName = caller?.name;
      next();
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      observation(response).errorCode = error.code;
      response.status(401).json({ code: error.code, message: error.message });
    }
  };
}
