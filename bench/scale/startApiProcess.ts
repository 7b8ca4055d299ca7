/**
 * Starts the benchmark's server process (apiProcess.ts: (A)'s loops, (B) and (C)) as a child
 * of the bench process and waits for the ports it prints. Shared by the scale benchmark and the
 * CPU profile of the full stack, so both measure the same process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config/config.js';

/** The loopback ports the server process listens on. */
export interface ApiPorts {
  readonly minimal: number;
  readonly full: number;
  readonly control: number;
}

/** The started server process and its base URLs. */
export interface ApiProcess {
  readonly child: ChildProcess;
  readonly ports: ApiPorts;
  readonly minimalUrl: string;
  readonly fullUrl: string;
  readonly controlUrl: string;
}

/**
 * Starts apiProcess.ts against the Neo4j at `uri` (auth off) and waits until it listens.
 * `fullStack: 'production'` turns on (C)'s request log, metrics and rate limit (apiProcess.ts)
 * and sets NODE_ENV=production, as the Dockerfile does.
 */
export async function startApiProcess(
  uri: string,
  { fullStack = 'bench' }: { fullStack?: 'bench' | 'production' } = {},
): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'bench/scale/apiProcess.ts')],
    {
      env: {
        ...process.env,
        BENCH_NEO4J_URI: uri,
        BENCH_FULL_STACK: fullStack,
        // The Dockerfile runs the API with NODE_ENV=production (graphql-js then skips its
        // development checks); the scale runs keep the bench's own environment, as recorded.
        ...(fullStack === 'production' ? { NODE_ENV: 'production' } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ports = await new Promise<ApiPorts>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line) as ApiPorts);
    });
    child.once('exit', (code) => reject(new Error(`the API process exited (${code})`)));
  });
  const url = (port: number) => `http://127.0.0.1:${port}`;
  return {
    child,
    ports,
    minimalUrl: url(ports.minimal),
    fullUrl: url(ports.full),
    controlUrl: url(ports.control),
  };
}
