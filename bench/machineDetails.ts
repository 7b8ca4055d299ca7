import { readFileSync } from 'node:fs';
import os from 'node:os';
import { NEO4J_VERSION } from '../src/localNeo4j/neo4jVersion.js';

/** What a benchmark ran on, recorded beside its numbers. */
export function machineDetails(neo4jMemory = { heapMb: 1024, pageCacheMb: 128 }) {
  let kernel = os.release();
  try {
    kernel = readFileSync('/proc/version', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // not Linux: os.release() will do
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    neo4j: `${NEO4J_VERSION} Community (local, auth off, ${neo4jMemory.heapMb} MB heap, ${neo4jMemory.pageCacheMb} MB page cache)`,
    kernel,
  };
}
