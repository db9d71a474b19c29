import { homedir } from 'node:os';
import { defaultUserDataDir, resolveDataDir } from '../config/data-dir';
import { parseCliArgs, USAGE, UsageError, type CliCommand } from './args';
import { EnvironmentError, EXIT, runExport, runImport, runTemplate, type CliOutput } from './commands';

/**
 * Custodian's command line (built by vite.cli.config.ts to dist/cli/cli.js; `npm run cli -- …` builds it when needed
 * and runs it): import and export without the app, for scripts and for migrating off Snipe-IT.
 */
const io: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The same choice as the app: --data-dir, then CUSTODIAN_DATA_DIR, then the app's own userData directory. */
function dataDir(argv: readonly string[]): string {
  try {
    return resolveDataDir({ argv, env: process.env, cwd: process.cwd(), defaultDir: defaultUserDataDir(process.platform, process.env, homedir()) }).dataDir;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function run(command: CliCommand, argv: readonly string[]): Promise<number> {
  switch (command.command) {
    case 'help':
      io.out(USAGE);
      return EXIT.ok;
    case 'template':
      return runTemplate(command, io);
    case 'import':
      return runImport(command, dataDir(argv), io);
    case 'export':
      return runExport(command, dataDir(argv), io);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(parseCliArgs(argv), argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof EnvironmentError) {
      io.err(`Custodian: ${error.message}`);
      return EXIT.environment;
    }
    io.err(`Custodian: something went wrong: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.environment;
  }
}

// Output piped into `head` may be closed early: that is the reader's choice, not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// process.exitCode (not process.exit) lets stdout drain first: a large --json answer piped to a file stays whole.
process.exitCode = await main(process.argv.slice(2));
