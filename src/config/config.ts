import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

/** The project's root folder (where package.json lives), for default local paths. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Who may read /metrics: nobody (404), anyone, or callers with a valid API key. */
export type MetricsAccess = 'off' | 'open' | 'key';

/** A request budget: at most `points` requests per client in each window of `windowSeconds`. */
export interface RateLimit {
  readonly points: number;
  readonly windowSeconds: number;
}

/**
 * Which proxies Express may believe about the client's address (its `trust proxy` setting):
 * `false` (none: the socket's peer is the client), the number of proxies in front, or their
 * addresses and subnets (`loopback`, `10.0.0.0/8`…).
 */
export type TrustProxy = false | number | readonly string[];

/** Validated, typed, frozen settings. The only object in the code base built from process.env. */
export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** Whom to believe in X-Forwarded-For; matters for the per-IP rate limit behind a proxy. */
    readonly trustProxy: TrustProxy;
  };
  /** Where the graph lives. `uri` undefined means: the embedded local server (started on demand). */
  readonly neo4j: {
    readonly uri: string | undefined;
    readonly user: string;
    readonly password: string | undefined;
    readonly database: string;
    readonly transactionTimeoutMs: number;
  };
  readonly localNeo4j: {
    readonly homeDir: string;
    readonly cacheDir: string;
    readonly boltPort: number;
    readonly heapMb: number;
  };
  /** Load the seed graph at start when the database holds no claims. */
  readonly seedOnEmpty: boolean;
  readonly auth: {
    /** JSON file of hashed API keys (`claimgraph keys create` writes it). */
    readonly apiKeysFile: string;
    /** Lock reads too: every request then needs a key (any role). */
    readonly readsRequireKey: boolean;
    /** The editor key the CLI presents for its writes (seed load, import). */
    readonly cliApiKey: string | undefined;
  };
  readonly observability: {
    /** pino level; `silent` turns the server's logs off. */
    readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
    /** Pretty output; undefined means: when stdout is a terminal. */
    readonly logPretty: boolean | undefined;
    /** Default: `open` when HOST is a loopback address, else `key`. */
    readonly metrics: MetricsAccess;
  };
  /** Opt-in request budgets; undefined means that limit is off. */
  readonly rateLimit: {
    /** For requests without an API key (and with an unknown one), per client address. */
    readonly perIp: RateLimit | undefined;
    /** For requests with a valid API key, per key name (instead of the address's budget). */
    readonly perKey: RateLimit | undefined;
  };
}

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

const booleanText = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(1).max(65535);

const windowUnitSeconds = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `300/1m`, `20/10s`, `5000/h`: requests, a slash, then a window with its unit. */
const rateLimitText = z.string().transform((text, context): RateLimit => {
  const match = /^(\d+)\/(\d*)([smhd])$/.exec(text.trim());
  const problem = (message: string) => {
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (!match) {
    return problem('must be REQUESTS/WINDOW such as 300/1m, 20/10s or 5000/1h (units s, m, h, d)');
  }
  const [, count = '', windowCount = '', unit = 's'] = match;
  const points = Number(count);
  const windowSeconds =
    (windowCount === '' ? 1 : Number(windowCount)) *
    windowUnitSeconds[unit as keyof typeof windowUnitSeconds];
  if (points < 1 || points > 1_000_000) return problem('the request count must be 1..1000000');
  if (windowSeconds < 1 || windowSeconds > 86_400) return problem('the window must be 1s..1d');
  return { points, windowSeconds };
});

const trustProxyPresets = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a subnet in CIDR notation, or one of Express's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (trustProxyPresets.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `false`/`0` (default), a number of proxies (`1`), or addresses (`loopback, 10.0.0.0/8`). */
const trustProxyText = z.string().transform((text, context): TrustProxy => {
  const value = text.trim();
  if (value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
  } else if (value !== 'true') {
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    if (bad.length === 0) return entries;
    context.addIssue({
      code: 'custom',
      message: `not an address, CIDR subnet, loopback, linklocal or uniquelocal: ${bad.join(', ')}`,
    });
    return z.NEVER;
  }
  context.addIssue({
    code: 'custom',
    message:
      value === 'true'
        ? "true would believe any client's X-Forwarded-For; give the number of proxies in front (e.g. 1) or their addresses (e.g. loopback)"
        : 'must be false, a number of proxies 1..10, or a comma-separated list of proxy addresses',
  });
  return z.NEVER;
});

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  NEO4J_URI: z
    .string()
    .regex(
      /^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/,
      'must be a Neo4j URI such as bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io',
    )
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9.-]{0,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  CLAIMGRAPH_LOCAL_NEO4J_DIR: z.string().min(1).default(path.join(projectRoot, '.local/neo4j')),
  CLAIMGRAPH_CACHE_DIR: z.string().min(1).default(path.join(projectRoot, '.cache')),
  LOCAL_NEO4J_BOLT_PORT: port.default(7687),
  LOCAL_NEO4J_HEAP_MB: z.coerce.number().int().min(256).max(16_384).default(512),
  SEED_ON_EMPTY: booleanText.default(true),
  CLAIMGRAPH_API_KEYS_FILE: z
    .string()
    .min(1)
    .default(path.join(projectRoot, '.local/api-keys.json')),
  READS_REQUIRE_KEY: booleanText.default(false),
  CLAIMGRAPH_API_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanText.optional(),
  METRICS: z.enum(['off', 'open', 'key']).optional(),
  TRUST_PROXY: trustProxyText.optional(),
  RATE_LIMIT_PER_IP: rateLimitText.optional(),
  RATE_LIMIT_PER_KEY: rateLimitText.optional(),
});

/** Thrown when the environment is invalid; `problems` names every bad setting at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates settings; throws ConfigError listing every problem. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as they do for most twelve-factor tools.
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (present.NEO4J_URI && !present.NEO4J_PASSWORD) {
    problems.push('NEO4J_PASSWORD: required when NEO4J_URI is set');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  return deepFreeze({
    nodeEnv: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT, trustProxy: env.TRUST_PROXY ?? false },
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      transactionTimeoutMs: env.NEO4J_TX_TIMEOUT_MS,
    },
    localNeo4j: {
      homeDir: path.resolve(env.CLAIMGRAPH_LOCAL_NEO4J_DIR),
      cacheDir: path.resolve(env.CLAIMGRAPH_CACHE_DIR),
      boltPort: env.LOCAL_NEO4J_BOLT_PORT,
      heapMb: env.LOCAL_NEO4J_HEAP_MB,
    },
    seedOnEmpty: env.SEED_ON_EMPTY,
    auth: {
      apiKeysFile: path.resolve(env.CLAIMGRAPH_API_KEYS_FILE),
      readsRequireKey: env.READS_REQUIRE_KEY,
      cliApiKey: env.CLAIMGRAPH_API_KEY,
    },
    observability: {
      logLevel: env.LOG_LEVEL,
      logPretty: env.LOG_PRETTY,
      metrics: env.METRICS ?? (loopbackHosts.has(env.HOST) ? 'open' : 'key'),
    },
    rateLimit: { perIp: env.RATE_LIMIT_PER_IP, perKey: env.RATE_LIMIT_PER_KEY },
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
