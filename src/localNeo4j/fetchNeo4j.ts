import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/config.js';
import { NEO4J_VERSION } from './neo4jVersion.js';

/** Where the fetched jars of one Neo4j version live. */
export interface Neo4jDistribution {
  readonly version: string;
  /** The server's jars (class path). */
  readonly libDir: string;
  /** APOC core and its libraries (Neo4j's plugins directory, also on the class path). */
  readonly pluginsDir: string;
}

/** Reports progress of long work to the user (a line at a time). */
export type ProgressLog = (line: string) => void;

/**
 * Makes sure Neo4j Community and APOC core are in the cache, fetching them from Maven Central
 * with Maven on first use (about 120 MB; later runs reuse the cache and ~/.m2). A marker file is
 * written last, so an interrupted fetch is redone rather than half-used.
 */
export async function fetchNeo4j(cacheDir: string, log: ProgressLog): Promise<Neo4jDistribution> {
  const versionDir = path.join(cacheDir, 'neo4j', NEO4J_VERSION);
  const distribution = {
    version: NEO4J_VERSION,
    libDir: path.join(versionDir, 'lib'),
    pluginsDir: path.join(versionDir, 'plugins'),
  };
  const marker = path.join(versionDir, '.complete');
  if (existsSync(marker)) return distribution;

  log(
    `Fetching Neo4j ${NEO4J_VERSION} Community and APOC core from Maven Central into ${versionDir}`,
  );
  log('(first run only: about 120 MB; Maven caches downloads in ~/.m2)');
  rmSync(versionDir, { recursive: true, force: true });
  mkdirSync(versionDir, { recursive: true });
  const pomDir = path.join(projectRoot, 'scripts/neo4j');
  await runMaven(
    [
      '-f',
      path.join(pomDir, 'server.pom.xml'),
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${distribution.libDir}`,
    ],
    'server',
    log,
  );
  await runMaven(
    [
      '-f',
      path.join(pomDir, 'apoc.pom.xml'),
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${distribution.pluginsDir}`,
    ],
    'APOC',
    log,
  );
  removeJarsTheServerAlreadyHas(distribution);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  log(
    `Neo4j ${NEO4J_VERSION}: ${readdirSync(distribution.libDir).length} server jars, APOC ready.`,
  );
  return distribution;
}

/**
 * APOC's libraries (commons-lang3, slf4j…) overlap the server's own, in older versions. Both
 * folders are on one class path, so keep only the server's copy to avoid two versions of a class.
 */
function removeJarsTheServerAlreadyHas({ libDir, pluginsDir }: Neo4jDistribution): void {
  const artifactName = (jar: string) => jar.replace(/-\d[\w.-]*\.jar$/, '');
  const serverArtifacts = new Set(readdirSync(libDir).map(artifactName));
  for (const jar of readdirSync(pluginsDir)) {
    if (serverArtifacts.has(artifactName(jar))) rmSync(path.join(pluginsDir, jar));
  }
}

function runMaven(args: string[], what: string, log: ProgressLog): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', ['-B', `-Dneo4j.version=${NEO4J_VERSION}`, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const progress = { files: 0, bytes: 0 };
    let output = '';
    let partial = '';
    let lastReport = Date.now();
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-20_000);
      // Whole lines only: a chunk may end in the middle of one.
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) countDownload(line, progress);
      if (Date.now() - lastReport > 3000) {
        lastReport = Date.now();
        log(`  ${what}: ${describeDownloads(progress)} downloaded so far…`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) =>
      reject(
        new Error(`Could not run Maven (mvn): ${error.message}. Install Maven 3.8+ and JDK 17.`),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) {
        log(`  ${what}: done (${describeDownloads(progress)} downloaded, the rest from ~/.m2).`);
        resolve();
      } else {
        const errors = output
          .split('\n')
          .filter((line) => line.includes('[ERROR]'))
          .slice(0, 5)
          .join('\n');
        reject(
          new Error(`Maven failed to fetch the Neo4j ${what} artifacts (exit ${code}):\n${errors}`),
        );
      }
    });
  });
}

/**
 * Counts one line of Maven's output if it reports a finished download. Maven 3 prints them as
 * `[INFO] Downloaded from central: https://…/x.jar (1.2 MB at 3.4 MB/s)`, with the log level in
 * front, so the phrase is matched anywhere in the line.
 */
export function countDownload(line: string, progress: { files: number; bytes: number }): void {
  const match = /Downloaded from [^:]+: \S+ \(([\d.,]+) (B|kB|KB|MB|GB)\b/.exec(line);
  if (!match) return;
  const units: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };
  progress.files += 1;
  progress.bytes += Number(match[1]!.replace(/,/g, '')) * (units[match[2]!] ?? 1);
}

/** `42 files, 18.3 MB`. */
export function describeDownloads(progress: { files: number; bytes: number }): string {
  return `${progress.files} file${progress.files === 1 ? '' : 's'}, ${(progress.bytes / 1e6).toFixed(1)} MB`;
}
