/**
 * Runs (A)'s measurement inside the server process, on request: POST `/measure` with
 * `{ query, args, load }` answers with the RawMeasurement (latencies unsummarised, so the
 * bench process pools A's rounds as it pools B's and C's). A then runs in the same kind of
 * process as B and C (same Node flags, same driver settings, nothing left over from generating
 * and loading the graph), so the three differ only in what sits between the question and the
 * driver. Measured in the bench process instead, A came out slower than B, which ran A's own
 * code behind HTTP.
 */
import { createServer, type Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { benchQueries } from './benchQueries.js';
import { measureInProcess, type LoadShape, type RawMeasurement } from './measure.js';

interface MeasureRequest {
  readonly query: string;
  readonly args: string[];
  readonly load: LoadShape;
}

export function createDirectControl(driver: Driver): Server {
  return createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const job = JSON.parse(body) as MeasureRequest;
      const query = benchQueries.find((candidate) => candidate.name === job.query);
      if (request.url !== '/measure' || !query) {
        response.writeHead(404).end();
        return;
      }
      measureInProcess((argument) => query.direct(driver, argument), job.args, job.load).then(
        (measurement) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(measurement));
        },
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  });
}

/** Asks the server process at `controlUrl` to measure (A) and waits for the figures. */
export async function measureDirectRemotely(
  controlUrl: string,
  job: MeasureRequest,
): Promise<RawMeasurement> {
  const response = await fetch(`${controlUrl}/measure`, {
    method: 'POST',
    body: JSON.stringify(job),
    signal: AbortSignal.timeout(Math.ceil((job.load.seconds + 60) * 1000)),
  });
  if (!response.ok) throw new Error(`measuring A failed: ${await response.text()}`);
  return (await response.json()) as RawMeasurement;
}
