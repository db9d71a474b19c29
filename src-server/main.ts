import { pino } from 'pino';
import { runCli } from './cli/run-cli';
import { createLogger } from './log/logger';
import { systemClock } from './time/clock';

declare const __APP_VERSION__: string;

/**
 * The central API's entry point, built to dist/server/server.js (vite.server.config.ts) and started by
 * `npm run server` (scripts/server.mjs). While serving, stdout carries JSON log lines only; the one-shot commands
 * print plain text there and log to stderr.
 */
process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  version: __APP_VERSION__,
  clock: systemClock,
  print: (line) => process.stdout.write(`${line}\n`),
  printError: (line) => process.stderr.write(`${line}\n`),
  makeLogger: (serving) => createLogger({ level: serving ? 'info' : 'warn', destination: pino.destination({ dest: serving ? 1 : 2, sync: true }) }),
  onShutdownSignal: (stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
});
