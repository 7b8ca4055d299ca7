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

  it('limits no request unless RATE_LIMIT_PER_IP or RATE_LIMIT_PER_KEY is set', () => {
    expect(loadConfig({}).rateLimit).toEqual({ perIp: undefined, perKey: undefined });
    const config = loadConfig({ RATE_LIMIT_PER_IP: '300/1m', RATE_LIMIT_PER_KEY: '5000/h' });
    expect(config.rateLimit).toEqual({
      perIp: { points: 300, windowSeconds: 60 },
      perKey: { points: 5000, windowSeconds: 3600 },
    });
    expect(loadConfig({ RATE_LIMIT_PER_IP: '20/10s' }).rateLimit).toEqual({
      perIp: { points: 20, windowSeconds: 10 },
      perKey: undefined,
    });
    expect(loadConfig({ RATE_LIMIT_PER_KEY: ' 1/1d ' }).rateLimit.perKey).toEqual({
      points: 1,
      windowSeconds: 86_400,
    });
    expect(Object.isFrozen(config.rateLimit.perIp)).toBe(true);
  });

  it('names a malformed or out-of-range rate limit', () => {
    const problems = (environment: Record<string, string>) => {
      try {
        loadConfig(environment);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.join('\n');
        throw error;
      }
      return '';
    };
    for (const text of ['300', '300/', '/1m', '300/1x', '300 per minute', '1.5/1m', '-3/1m']) {
      expect(problems({ RATE_LIMIT_PER_IP: text })).toMatch(
        /^RATE_LIMIT_PER_IP: must be REQUESTS\/WINDOW such as 300\/1m/m,
      );
    }
    expect(problems({ RATE_LIMIT_PER_KEY: '0/1m' })).toMatch(
      /^RATE_LIMIT_PER_KEY: the request count must be 1\.\.1000000/m,
    );
    expect(problems({ RATE_LIMIT_PER_KEY: '10/0s' })).toMatch(/^RATE_LIMIT_PER_KEY: the window/m);
    expect(problems({ RATE_LIMIT_PER_IP: '10/2d' })).toMatch(/^RATE_LIMIT_PER_IP: the window/m);
    const both = problems({ RATE_LIMIT_PER_IP: 'lots', RATE_LIMIT_PER_KEY: '0/1m' });
    expect(both).toMatch(/^RATE_LIMIT_PER_IP: /m);
    expect(both).toMatch(/^RATE_LIMIT_PER_KEY: /m);
  });

  it('trusts no proxy by default; TRUST_PROXY takes a hop count or proxy addresses', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: true would believe any client's X-Forwarded-For/,
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(
      /TRUST_PROXY: not an address.*: 10\.0\.0\.0\/33/,
    );
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.internal' })).toThrow(/TRUST_PROXY: /);
    expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/TRUST_PROXY: must be false, a number/);
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
