import { DomainError } from '../../src-shared/result';
import { bootstrapAdmin } from '../accounts/bootstrap-admin';
import { verifyAuditChain } from '../audit/verify-chain';
import { PRODUCTION_PASSWORD_HASHING } from '../auth/password';
import { DEFAULT_SERVER_CONFIG } from '../config/server-config';
import { CENTRAL_MIGRATIONS } from '../db/central-migrations';
import type { Database } from '../db/database';
import { DataDirInUseError } from '../db/data-dir-lock';
import { migrate, MigrationError, schemaVersion } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { createApi } from '../http/app';
import type { Logger } from '../log/logger';
import type { Clock } from '../time/clock';
import { parseCommandLine, USAGE, type Command } from './command-line';

export interface CliIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly version: string;
  readonly clock: Clock;
  /** Human-readable output of one-shot commands (the one-time password, the audit verdict). */
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
  /** Structured logs for the command: JSON lines on stdout while serving, warnings on stderr otherwise. */
  readonly makeLogger: (serving: boolean) => Logger;
  /** Registers what to do on SIGINT/SIGTERM; serving stops gracefully. */
  readonly onShutdownSignal: (stop: () => void) => void;
}

/** Exit codes: 0 done, 1 the command failed (or the audit chain is broken), 2 the command line was wrong. */
export type ExitCode = 0 | 1 | 2;

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${String(port)}`;
}

async function withDatabase(
  command: Exclude<Command, { kind: 'help' }>,
  logger: Logger,
  work: (db: Database) => Promise<ExitCode>,
): Promise<ExitCode> {
  const db = await openDatabase(command.storage, logger);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function serve(command: Extract<Command, { kind: 'serve' }>, io: CliIo, logger: Logger): Promise<ExitCode> {
  const db = await openDatabase(command.storage, logger);
  try {
    const report = await migrate(db, CENTRAL_MIGRATIONS, io.clock());
    logger.info(
      { event: 'migrations', storage: command.storage.kind, from: report.from, to: report.to, applied: report.applied },
      report.applied.length > 0 ? 'migrations applied' : 'database schema is current',
    );
    const config = { ...DEFAULT_SERVER_CONFIG, trustProxy: command.trustProxy };
    const app = createApi({ db, clock: io.clock, config, migrations: CENTRAL_MIGRATIONS, version: io.version }, logger);
    await app.listen({ host: command.host, port: command.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : command.port;
    logger.info({ event: 'listening', url: formatUrl(command.host, port), version: io.version }, 'listening');
    await new Promise<void>((resolve) => {
      io.onShutdownSignal(() => {
        logger.info({ event: 'stopping' }, 'stopping');
        void app.close().finally(resolve);
      });
    });
    return 0;
  } finally {
    await db.close();
  }
}

async function bootstrap(command: Extract<Command, { kind: 'bootstrap-admin' }>, io: CliIo, logger: Logger): Promise<ExitCode> {
  return withDatabase(command, logger, async (db) => {
    await migrate(db, CENTRAL_MIGRATIONS, io.clock());
    const result = await bootstrapAdmin(db, io.clock(), PRODUCTION_PASSWORD_HASHING, {
      email: command.email,
      name: command.name,
      staffNumber: command.staffNumber,
    });
    io.print(`First administrator created (person ${result.personId}${result.createdPerson ? ', added to the directory' : ''}).`);
    io.print('One-time password (shown once; it must be changed at first sign-in):');
    io.print(result.oneTimePassword);
    return 0;
  });
}

async function auditVerify(command: Extract<Command, { kind: 'audit-verify' }>, io: CliIo, logger: Logger): Promise<ExitCode> {
  return withDatabase(command, logger, async (db) => {
    // Verifying must not change anything, so it never migrates: an empty or older database is reported instead.
    const version = await schemaVersion(db);
    if (version !== CENTRAL_MIGRATIONS.length) {
      io.printError(`The database schema is at version ${String(version)}, not ${String(CENTRAL_MIGRATIONS.length)}: start the server once to migrate it.`);
      return 1;
    }
    const report = await verifyAuditChain(db);
    if (report.ok) {
      io.print(`Audit log intact: ${String(report.events)} events, chain head ${report.headHash}.`);
      return 0;
    }
    const { brokenAt } = report;
    io.print(`Audit log BROKEN at event #${String(brokenAt.seq)}${brokenAt.id ? ` (id ${brokenAt.id})` : ''}: ${brokenAt.reason}.`);
    io.print(`Events #1 to #${String(report.eventsChecked)} are intact.`);
    return 1;
  });
}

/** Runs one command to completion (for `serve`, until a shutdown signal) and says how the process should exit. */
export async function runCli(io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandLine(io.argv, io.env, io.cwd);
  if (!parsed.ok) {
    io.printError(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const { command } = parsed;
  const logger = io.makeLogger(command.kind === 'serve');
  try {
    switch (command.kind) {
      case 'help':
        io.print(USAGE);
        return 0;
      case 'serve':
        return await serve(command, io, logger);
      case 'bootstrap-admin':
        return await bootstrap(command, io, logger);
      case 'audit-verify':
        return await auditVerify(command, io, logger);
    }
  } catch (error) {
    if (error instanceof DataDirInUseError || error instanceof MigrationError) {
      io.printError(error.message);
      return 1;
    }
    if (error instanceof DomainError) {
      io.printError(`${error.message}${Object.keys(error.fields).length > 0 ? ` (${Object.values(error.fields).join('; ')})` : ''}`);
      return 1;
    }
    logger.error({ err: error, command: command.kind }, 'command failed');
    io.printError(`Custodian server: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
