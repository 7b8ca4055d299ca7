import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';

// No Docker engine runs here, but docker-compose validates the file offline (.ci/run installs it).
describe('docker-compose.yml', () => {
  it('is accepted by docker-compose config', () => {
    const result = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(
      result.error,
      'docker-compose must be installed (apt-get install docker-compose)',
    ).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('pins Neo4j 5.26 Community with APOC and wires the API to it', () => {
    const result = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.stdout).toContain('image: neo4j:5.26-community');
    expect(result.stdout).toContain('NEO4J_PLUGINS');
    expect(result.stdout).toContain('NEO4J_URI: bolt://neo4j:7687');
  });
});
