/**
 * (B) in the scale benchmark: the least HTTP one can put in front of (A). node:http, a GET per
 * question (`/claimById?arg=…`), the answer as JSON. No framework, no validation, no limits:
 * the floor for "an HTTP API over this Cypher", not something to deploy.
 */
import { createServer, type Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { benchQueries } from './benchQueries.js';

export function createMinimalHandler(driver: Driver): Server {
  const byName = new Map(benchQueries.map((query) => [`/${query.name}`, query]));
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = byName.get(url.pathname);
    const argument = url.searchParams.get('arg');
    if (!query || argument === null) {
      response.writeHead(404).end();
      return;
    }
    query.direct(driver, argument).then(
      (answer) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer));
      },
      () => response.writeHead(500).end(),
    );
  });
}
