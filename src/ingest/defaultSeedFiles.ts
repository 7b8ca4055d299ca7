import { readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/config.js';

/** The project's own seed sets: every seeds/*.seed.yaml, in name order. */
export function defaultSeedFiles(): string[] {
  const seedsDir = path.join(projectRoot, 'seeds');
  return readdirSync(seedsDir)
    .filter((file) => file.endsWith('.seed.yaml'))
    .sort()
    .map((file) => path.join(seedsDir, file));
}
