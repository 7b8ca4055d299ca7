import { spawn } from 'node:child_process';
import { fetchNeo4j, type ProgressLog } from './fetchNeo4j.js';

/** One `--nodes` or `--relationships` source: a label or type, and its CSV file (header first). */
export interface ImportSource {
  readonly name: string;
  readonly file: string;
}

/** What `neo4j-admin database import full` is given. */
export interface AdminImportOptions {
  /** The local server's folder (NEO4J_HOME: its conf/neo4j.conf names the data directories). */
  readonly homeDir: string;
  readonly cacheDir: string;
  readonly database: string;
  readonly nodes: readonly ImportSource[];
  readonly relationships: readonly ImportSource[];
  /** Files with fields that span lines; each must fit in the read buffer. */
  readonly multilineFiles: readonly string[];
  readonly arrayDelimiter: string;
  /** Bytes: at least the longest field. */
  readonly readBufferSize: number;
  readonly reportFile: string;
  readonly heapMb: number;
}

/** The importer's own summary. */
export interface AdminImportSummary {
  readonly nodes: number | undefined;
  readonly relationships: number | undefined;
  readonly properties: number | undefined;
  readonly seconds: number;
}

/**
 * Runs `neo4j-admin database import full DATABASE --overwrite-destination=true …` through the
 * jars of the embedded server (class org.neo4j.cli.AdminTool, NEO4J_HOME the server folder). The
 * server must be stopped. Strict: a duplicate node or a relationship to a missing node fails the
 * import instead of being skipped. Passes on the importer's stage lines, not its progress dots.
 */
export async function runAdminImport(
  options: AdminImportOptions,
  log: ProgressLog,
): Promise<AdminImportSummary> {
  const distribution = await fetchNeo4j(options.cacheDir, log);
  const args = [
    `-Xmx${options.heapMb}m`,
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-cp',
    `${distribution.libDir}/*`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    options.database,
    '--overwrite-destination=true',
    '--id-type=string',
    `--array-delimiter=${options.arrayDelimiter}`,
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--strict=true',
    '--bad-tolerance=0',
    `--read-buffer-size=${options.readBufferSize}`,
    `--report-file=${options.reportFile}`,
    ...options.nodes.map((source) => `--nodes=${source.name}=${source.file}`),
    ...options.relationships.map((source) => `--relationships=${source.name}=${source.file}`),
    // Format v2 reads only the files listed as multiline (v1, `true`, reads every file in one
    // thread: 83 s instead of ~25 s for 100k claims here). In 5.26.19 v2 misreads a quoted field
    // across the end of its read buffer ("found CR outside a text cell"), so each listed file
    // must fit in one buffer (the caller cuts them small and sizes the buffer).
    ...(options.multilineFiles.length > 0
      ? [
          '--multiline-fields-format=v2',
          `--multiline-fields=${options.multilineFiles.map(regexQuote).join(',')}`,
        ]
      : []),
  ];
  const started = Date.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('java', args, {
      env: { ...process.env, NEO4J_HOME: options.homeDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const trimmed = line.trim();
        if (trimmed === '') continue;
        output.push(trimmed);
        if (isStageLine(trimmed)) log(`  neo4j-admin: ${trimmed}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) =>
      reject(new Error('Could not run java: is JDK 17 installed?', { cause: error })),
    );
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `neo4j-admin database import failed (exit ${code}); its output ends:\n${output.slice(-40).join('\n')}`,
    );
  }
  // "Imported:" is followed by one line per total ("127 nodes", "321 relationships", …).
  const at = output.findIndex((line) => /^Imported:/i.test(line));
  const summary = at >= 0 ? output.slice(at, at + 6).join(' ') : output.join(' ');
  const count = (what: string) => {
    const match = new RegExp(`([\\d,]+) ${what}\\b`).exec(summary);
    return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
  };
  return {
    nodes: count('nodes'),
    relationships: count('relationships'),
    properties: count('properties'),
    seconds: (Date.now() - started) / 1000,
  };
}

/** The importer's lines worth showing: its stages and totals, not each percent of progress. */
function isStageLine(line: string): boolean {
  if (/^[\d,.]+ (nodes|relationships|properties)$/.test(line)) return true;
  return /^(Import starting|Import completed|IMPORT DONE|IMPORT FAILED|Imported:|Estimated|Peak memory|Node Import|Relationship Import|Relationship Linking|Post Processing|Flushing|Prepare node index|ERROR|WARN|Exception|Caused by)/i.test(
    line,
  );
}

/** `--multiline-fields` takes regular expressions in format v2: match the path literally. */
function regexQuote(file: string): string {
  return file.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
