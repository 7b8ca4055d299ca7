import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, projectRoot } from '../../src/config/config.js';

describe('configuration', () => {
  it('has working defaults: the embedded local Neo4j and port 4000', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.http.port).toBe(4000);
    expect(config.neo4j.database).toBe('neo4j');
    expect(Object.isFrozen(config.neo4j)).toBe(true);
  });

  it('accepts neo4j+s:// URIs for Aura and clusters unchanged', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io',
      NEO4J_PASSWORD: 'secret',
    });
    expect(config.neo4j.uri).toBe('neo4j+s://abcd1234.databases.neo4j.io');
  });

  it('names every invalid setting at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', NEO4J_TX_TIMEOUT_MS: '-5' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^NEO4J_URI: must be a Neo4j URI/m);
    expect(problems).toMatch(/^NEO4J_TX_TIMEOUT_MS: /m);
    expect(problems).toMatch(/^NEO4J_PASSWORD: required when NEO4J_URI is set/m);
  });

  it('opens /metrics on a loopback bind and wants a key elsewhere, unless METRICS says', () => {
    expect(loadConfig({}).observability.metrics).toBe('open');
    expect(loadConfig({ HOST: '0.0.0.0' }).observability.metrics).toBe('key');
    expect(loadConfig({ HOST: '0.0.0.0', METRICS: 'open' }).observability.metrics).toBe('open');
    expect(loadConfig({ METRICS: 'off' }).observability.metrics).toBe('off');
    expect(() => loadConfig({ METRICS: 'public' })).toThrow(/METRICS: /);
  });

  it('logs at info by default, pretty only when asked or on a terminal', () => {
    const config = loadConfig({});
    expect(config.observability.logLevel).toBe('info');
    expect(config.observability.logPretty).toBeUndefined();
    expect(loadConfig({ LOG_PRETTY: 'true', LOG_LEVEL: 'silent' }).observability).toMatchObject({
      logPretty: true,
      logLevel: 'silent',
    });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: /);
  });

  it('makes npm start exit non-zero with one clear message naming the setting', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, PORT: '99999', NEO4J_URI: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT: .*65535/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
