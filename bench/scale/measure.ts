/**
 * Latency and throughput at a fixed concurrency. HTTP modes are driven by autocannon; the
 * in-process mode (A) by the same number of concurrent loops. Latencies are kept to the
 * microsecond (autocannon's own histogram rounds to whole milliseconds, too coarse for
 * millisecond queries), from its per-response timings.
 */
import autocannon from 'autocannon';

export interface Measurement {
  readonly requests: number;
  readonly seconds: number;
  readonly throughputPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

/** One stretch of measuring, unsummarised, so stretches of one mode can be pooled. */
export interface RawMeasurement {
  /** Latencies of the successful requests, in milliseconds. */
  readonly latenciesMs: number[];
  readonly errors: number;
  readonly seconds: number;
}

export interface LoadShape {
  readonly concurrency: number;
  readonly seconds: number;
}

/** (A): `concurrency` loops calling `ask` over the arguments in turn, for `seconds`. */
export async function measureInProcess(
  ask: (argument: string) => Promise<unknown>,
  args: readonly string[],
  { concurrency, seconds }: LoadShape,
): Promise<RawMeasurement> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  // Each loop walks the arguments from the start, as each autocannon connection walks its list.
  const loop = async () => {
    for (let next = 0; performance.now() < deadline; next++) {
      const argument = args[next % args.length]!;
      const sent = performance.now();
      try {
        await ask(argument);
        latencies.push(performance.now() - sent);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { latenciesMs: latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/**
 * (B) and (C): autocannon with `concurrency` connections cycling through `requests`. A response
 * that is not 2xx, or whose body `isError` recognises, counts as an error.
 */
export async function measureHttp(
  url: string,
  requests: autocannon.Request[],
  { concurrency, seconds }: LoadShape,
  isError: (body: string) => boolean = () => false,
): Promise<RawMeasurement> {
  const latencies: number[] = [];
  let bodyErrors = 0;
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections: concurrency,
        duration: seconds,
        requests: requests.map((request) => ({
          ...request,
          onResponse: (_status: number, body: string) => {
            if (isError(body)) bodyErrors++;
          },
        })),
      },
      (error, result) => (error ? reject(error as Error) : resolve(result)),
    );
  });
  instance!.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const result = await finished;
  const failed = result.non2xx + result.errors + result.timeouts + bodyErrors;
  return { latenciesMs: latencies, errors: failed, seconds: result.duration };
}

/** Pools stretches of one mode (latencies, errors and seconds added up) into its figures. */
export function summarise(stretches: readonly RawMeasurement[]): Measurement {
  const sorted = stretches.flatMap((stretch) => stretch.latenciesMs).sort((a, b) => a - b);
  const errors = stretches.reduce((sum, stretch) => sum + stretch.errors, 0);
  const seconds = stretches.reduce((sum, stretch) => sum + stretch.seconds, 0);
  return {
    requests: sorted.length,
    seconds: round(seconds, 2),
    throughputPerSecond: round(sorted.length / seconds, 1),
    p50Ms: round(percentile(sorted, 0.5), 2),
    p99Ms: round(percentile(sorted, 0.99), 2),
    errors,
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
