import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { fetchNeo4j, type ProgressLog } from './fetchNeo4j.js';
import { renderNeo4jConf } from './neo4jConf.js';

/** Options for a local Neo4j server living in one folder. */
export interface LocalServerOptions {
  /** The server's folder: conf/, data/, logs/, run/ and the generated password live here. */
  readonly homeDir: string;
  /** Where fetched jars are cached (shared by all local servers). */
  readonly cacheDir: string;
  readonly boltPort: number;
  /** Keep on for the long-running server; throwaway test servers may turn it off. */
  readonly authEnabled: boolean;
  readonly heapMb: number;
  /** Page cache for the store files; the default suits the seed graph, benchmarks at scale need more. */
  readonly pageCacheMb?: number;
  readonly transactionTimeoutMs: number;
  /** How long to wait for Bolt to answer (first boot on 2 cores takes tens of seconds). */
  readonly readyTimeoutMs?: number;
}

/** How to reach a running local server. */
export interface LocalServerConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string | undefined;
  readonly pid: number;
  /** True when this call started the server; false when it was already running. */
  readonly started: boolean;
}

/** What `db status` reports. */
export interface LocalServerStatus {
  readonly running: boolean;
  readonly pid: number | undefined;
  readonly uri: string;
  readonly homeDir: string;
}

const USER = 'neo4j';
const DEFAULT_PASSWORD = 'neo4j';

/**
 * Starts the server in the background (or finds it already running) and waits until Bolt
 * answers. On a fresh folder with auth on, it replaces Neo4j's default password with a
 * generated one stored in homeDir/password (mode 600, never in git).
 */
export async function startLocalServer(
  options: LocalServerOptions,
  log: ProgressLog,
): Promise<LocalServerConnection> {
  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  const running = readRunningPid(options.homeDir);
  if (running !== undefined) {
    const password = options.authEnabled ? readPassword(options.homeDir) : undefined;
    await waitForBolt(uri, password, options.readyTimeoutMs ?? 120_000);
    return { uri, user: USER, password, pid: running, started: false };
  }
  if (await isPortTaken(options.boltPort)) {
    throw new Error(
      `Port ${options.boltPort} is taken by another program, so a local Neo4j cannot start there. ` +
        'Stop that program, set LOCAL_NEO4J_BOLT_PORT to a free port, or point NEO4J_URI at it.',
    );
  }
  const distribution = await fetchNeo4j(options.cacheDir, log);
  const confDir = path.join(options.homeDir, 'conf');
  const logsDir = path.join(options.homeDir, 'logs');
  for (const dir of [confDir, logsDir, path.join(options.homeDir, 'run')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(
    path.join(confDir, 'neo4j.conf'),
    renderNeo4jConf({
      homeDir: options.homeDir,
      pluginsDir: distribution.pluginsDir,
      boltPort: options.boltPort,
      authEnabled: options.authEnabled,
      pageCacheMb: options.pageCacheMb ?? 128,
      transactionTimeoutMs: options.transactionTimeoutMs,
    }),
  );
  const firstBoot = !existsSync(path.join(options.homeDir, 'data', 'databases'));
  log(`Starting Neo4j ${distribution.version} on ${uri} (data in ${options.homeDir})…`);
  const consoleLog = openSync(path.join(logsDir, 'console.log'), 'a');
  const child = spawn(
    'java',
    [
      `-Xmx${options.heapMb}m`,
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--enable-native-access=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      // APOC registers its extensions through the class path, so the plugins go there too.
      '-cp',
      `${distribution.libDir}/*:${distribution.pluginsDir}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${options.homeDir}`,
      `--config-dir=${confDir}`,
      '--console-mode',
    ],
    { detached: true, stdio: ['ignore', consoleLog, consoleLog] },
  );
  child.unref();
  if (child.pid === undefined) throw new Error('Could not start java: is JDK 17 installed?');
  writeFileSync(pidFile(options.homeDir), `${child.pid}\n`);

  const started = Date.now();
  let password: string | undefined;
  if (!options.authEnabled) {
    password = undefined;
    await waitForBolt(
      uri,
      undefined,
      options.readyTimeoutMs ?? 120_000,
      child.pid,
      options.homeDir,
    );
  } else if (firstBoot || !existsSync(passwordFile(options.homeDir))) {
    await waitForBolt(
      uri,
      DEFAULT_PASSWORD,
      options.readyTimeoutMs ?? 120_000,
      child.pid,
      options.homeDir,
    );
    password = await replaceDefaultPassword(uri, options.homeDir);
    log(`Generated a Neo4j password for user ${USER}, stored in ${passwordFile(options.homeDir)}.`);
  } else {
    password = readPassword(options.homeDir);
    await waitForBolt(uri, password, options.readyTimeoutMs ?? 120_000, child.pid, options.homeDir);
  }
  log(`Neo4j is up (pid ${child.pid}, ${((Date.now() - started) / 1000).toFixed(1)} s).`);
  return { uri, user: USER, password, pid: child.pid, started: true };
}

/** Stops the server gracefully (SIGTERM, then SIGKILL after the grace period). */
export async function stopLocalServer(homeDir: string, graceMs = 60_000): Promise<boolean> {
  const pid = readRunningPid(homeDir);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
  rmSync(pidFile(homeDir), { force: true });
  return true;
}

/** Is the server of this folder running, and where. */
export function localServerStatus(homeDir: string, boltPort: number): LocalServerStatus {
  const pid = readRunningPid(homeDir);
  return { running: pid !== undefined, pid, uri: `bolt://127.0.0.1:${boltPort}`, homeDir };
}

/** The generated password of the long-running server, if it has one yet. */
export function readPassword(homeDir: string): string | undefined {
  const file = passwordFile(homeDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

async function replaceDefaultPassword(uri: string, homeDir: string): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const driver = neo4j.driver(uri, neo4j.auth.basic(USER, DEFAULT_PASSWORD));
  try {
    const session = driver.session({ database: 'system' });
    try {
      await session.run('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', {
        old: DEFAULT_PASSWORD,
        new: password,
      });
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
  writeFileSync(passwordFile(homeDir), `${password}\n`, { mode: 0o600 });
  return password;
}

/** Polls until Bolt accepts a connection, failing early if the server process died. */
async function waitForBolt(
  uri: string,
  password: string | undefined,
  timeoutMs: number,
  pid?: number,
  homeDir?: string,
): Promise<void> {
  const auth = password === undefined ? undefined : neo4j.auth.basic(USER, password);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const driver = neo4j.driver(uri, auth, { connectionTimeout: 2000 });
    try {
      await driver.getServerInfo();
      return;
    } catch (error) {
      if (pid !== undefined && !isAlive(pid)) {
        const logHint = homeDir ? ` See ${path.join(homeDir, 'logs/console.log')}.` : '';
        throw new Error(`Neo4j exited during start-up.${logHint}`, { cause: error });
      }
      if (Date.now() > deadline) {
        throw new Error(`Neo4j did not answer on ${uri} within ${timeoutMs / 1000} s.`, {
          cause: error,
        });
      }
    } finally {
      await driver.close();
    }
    await sleep(500);
  }
}

function readRunningPid(homeDir: string): number | undefined {
  const file = pidFile(homeDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  // A stale pid file may name a process that is now something else: check what it runs.
  if (Number.isInteger(pid) && isAlive(pid) && isNeo4jProcess(pid)) return pid;
  rmSync(file, { force: true });
  return undefined;
}

function isNeo4jProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('CommunityEntryPoint');
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch {
    return false;
  }
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const pidFile = (homeDir: string) => path.join(homeDir, 'run', 'claimgraph-neo4j.pid');
const passwordFile = (homeDir: string) => path.join(homeDir, 'password');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
