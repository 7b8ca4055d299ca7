/**
 * The server process's control port. POST `/measure` with `{ query, args, load }` runs (A)'s
 * measurement inside the server process and answers with the RawMeasurement (latencies
 * unsummarised, so the bench process pools A's rounds as it pools B's and C's). A then runs in
 * the same kind of process as B and C (same Node flags, same driver settings, nothing left over
 * from generating and loading the graph), so the three differ only in what sits between the
 * question and the driver. Measured in the bench process instead, A came out slower than B,
 * which ran A's own code behind HTTP.
 *
 * GET `/memory` answers with the process's `process.memoryUsage()`, so the bench process can
 * sample the API's memory while it drives B and C. POST `/profile/start` and
 * `/profile/stop` start and stop V8's CPU profiler (node:inspector, the same profiler as
 * `--cpu-prof`) and `/profile/stop` answers with the `.cpuprofile` JSON: the window then covers
 * exactly the load being profiled, not the process's start-up or warm-up.
 */
import { Session } from 'node:inspector/promises';
import { createServer, type Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { benchQueries } from './benchQueries.js';
import { measureInProcess, type LoadShape, type RawMeasurement } from './measure.js';

interface MeasureRequest {
  readonly query: string;
  readonly args: string[];
  readonly load: LoadShape;
}

/** The API process's memory at one instant, in bytes (a subset of `process.memoryUsage()`). */
export interface MemorySample {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

/** The control server: (A)'s measurements, memory samples and CPU profiles on request. */
export function createDirectControl(driver: Driver): Server {
  let profiler: Session | undefined;
  return createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const fail = (error: unknown) => response.writeHead(500).end(String(error));
      const json = (value: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (request.url === '/memory') {
        const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
        json({ rss, heapUsed, heapTotal, external } satisfies MemorySample);
        return;
      }
      if (request.url === '/profile/start') {
        profiler = new Session();
        profiler.connect();
        profiler
          .post('Profiler.enable')
          .then(() => profiler!.post('Profiler.start'))
          .then(() => json({ started: true }), fail);
        return;
      }
      if (request.url === '/profile/stop' && profiler) {
        const session = profiler;
        profiler = undefined;
        session.post('Profiler.stop').then(({ profile }) => {
          session.disconnect();
          json(profile);
        }, fail);
        return;
      }
      const job = request.url === '/measure' ? (JSON.parse(body) as MeasureRequest) : undefined;
      const query = benchQueries.find((candidate) => candidate.name === job?.query);
      if (!job || !query) {
        response.writeHead(404).end();
        return;
      }
      measureInProcess((argument) => query.direct(driver, argument), job.args, job.load).then(
        json,
        fail,
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

/** The server process's memory now, read over its control port. */
export async function apiMemory(controlUrl: string): Promise<MemorySample> {
  const response = await fetch(`${controlUrl}/memory`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`reading the API's memory failed: ${response.status}`);
  return (await response.json()) as MemorySample;
}

/**
 * Samples the server process's memory every `intervalMs` while `work` runs; answers with
 * `work`'s result and the samples. A failed sample is skipped (the figures are then fewer,
 * never made up).
 */
export async function withMemorySamples<T>(
  controlUrl: string,
  intervalMs: number,
  work: () => Promise<T>,
): Promise<{ result: T; samples: MemorySample[] }> {
  const samples: MemorySample[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      try {
        samples.push(await apiMemory(controlUrl));
      } catch {
        // A sample lost to a busy loopback is not worth failing the run over.
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  try {
    return { result: await work(), samples };
  } finally {
    running = false;
    await sampler;
  }
}

/** Starts V8's CPU profiler in the server process. */
export async function startApiProfile(controlUrl: string): Promise<void> {
  const response = await fetch(`${controlUrl}/profile/start`, { method: 'POST' });
  if (!response.ok) throw new Error(`starting the profiler failed: ${await response.text()}`);
}

/** Stops the server process's CPU profiler and returns the profile (`.cpuprofile` JSON). */
export async function stopApiProfile(controlUrl: string): Promise<CpuProfile> {
  const response = await fetch(`${controlUrl}/profile/stop`, { method: 'POST' });
  if (!response.ok) throw new Error(`stopping the profiler failed: ${await response.text()}`);
  return (await response.json()) as CpuProfile;
}

/** The parts of V8's `.cpuprofile` format the flame summary reads. */
export interface CpuProfile {
  readonly nodes: {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: number[];
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: number[];
  readonly timeDeltas: number[];
}
