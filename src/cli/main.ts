import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { AppError } from '../errors/appError.js';
import { dbCommand, dbUsage } from './dbCommand.js';
import { deskCommand, deskUsage } from './deskCommand.js';
import { exportCommand, exportUsage } from './exportCommand.js';
import { extractCommand, extractUsage } from './extractCommand.js';
import { importCommand, importUsage } from './importCommand.js';
import { keysCommand, keysUsage } from './keysCommand.js';
import { reuseCommand, reuseUsage } from './reuseCommand.js';
import { seedCommand, seedUsage } from './seedCommand.js';

const usage = `Usage:\n${seedUsage}\n${extractUsage}\n${deskUsage}\n${reuseUsage}\n${exportUsage}\n${importUsage}\n${dbUsage}\n${keysUsage}`;

/** The CLI's entry: one file per command, each returning an exit code. */
async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = (): Config => loadConfig();
  switch (command) {
    case 'seed':
      return seedCommand(rest, config);
    case 'extract':
      return extractCommand(rest);
    case 'desk':
      return deskCommand(rest, config);
    case 'reuse':
      return reuseCommand(rest, config);
    case 'export':
      return exportCommand(rest, config);
    case 'import':
      return importCommand(rest, config);
    case 'db':
      return dbCommand(rest, config());
    case 'keys':
      return keysCommand(rest, config());
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n${usage}`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    const code = error instanceof AppError ? ` [${error.code}]` : '';
    console.error(`Error${code}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
