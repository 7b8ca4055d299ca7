import type { Request, Response } from 'express';
import type { Executor } from '../db/executor.js';

/**
 * GET /health: 200 with Neo4j's version and edition when the database answers, 503 with the
 * reason when it does not. Cheap enough for a load balancer to poll every few seconds.
 */
export function healthHandler(executor: Executor) {
  return async (_request: Request, response: Response) => {
    try {
      const neo4j = await executor.serverInfo();
      response.status(200).json({ status: 'ok', neo4j });
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      response.status(503).json({ status: 'unavailable', code: 'DB_UNAVAILABLE', reason });
    }
  };
}
