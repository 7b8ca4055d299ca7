import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/** How the server logs: a pino level (or `silent`) and whether to pretty-print. */
export interface LogSettings {
  readonly level: Level | 'silent';
  /** Undefined means: pretty when stdout is a terminal, JSON lines otherwise. */
  readonly pretty: boolean | undefined;
}

/** Header values that must never reach a log line (API keys, session cookies). */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
];

/**
 * The server's logger: one JSON object a line on stdout (what log shippers expect), or
 * pino-pretty's coloured output for a person at a terminal. A destination stream (tests)
 * always gets JSON.
 */
export function createLogger(settings: LogSettings, destination?: DestinationStream): Logger {
  const options = {
    level: settings.level,
    base: { service: 'claimgraph' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  const pretty = settings.pretty ?? process.stdout.isTTY === true;
  return pretty
    ? pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } })
    : pino(options);
}

/** A logger that writes nothing: the default for apps built without one (tests, benches). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
