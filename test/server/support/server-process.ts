import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, serverEntry } from '../../../scripts/server.mjs';

/**
 * Builds the server exactly as `npm run server` does, into a directory of this test run's own (so parallel test
 * files and a developer's dist/server never collide), and returns the entry point to run with node. The directory
 * is inside the repository's dist/ (ignored by git) because the bundle imports its dependencies from node_modules.
 */
export async function buildServerForTest(): Promise<{ entry: string; remove: () => void }> {
  const outDir = join(import.meta.dirname, '..', '..', '..', 'dist', `server-test-${randomBytes(4).toString('hex')}`);
  const code = await buildServer(outDir);
  if (code !== 0) throw new Error(`The server build failed with exit code ${String(code)}`);
  return { entry: serverEntry(outDir), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** The environment for a child server: ours, without DATABASE_URL unless given (CI exports one globally). */
export function childEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: undefined, HOST: undefined, CUSTODIAN_SERVER_DATA_DIR: undefined };
  delete env.DATABASE_URL;
  if (databaseUrl !== undefined) env.DATABASE_URL = databaseUrl;
  return env;
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote, stdout then stderr, as lines. */
  output(): string[];
  /** JSON log lines from stdout. */
  logs(): Record<string, unknown>[];
  stop(): Promise<number | null>;
}

function collect(child: ChildProcess): { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const split = (sink: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      sink.push(...lines);
    };
  };
  child.stdout?.on('data', split(stdout));
  child.stderr?.on('data', split(stderr));
  return { stdout, stderr };
}

function parseJsonLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** Starts `node <entry> serve --port 0 …` and resolves once it logs the URL it is listening on. */
export function startServer(entry: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', entry, 'serve', '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const { stdout, stderr } = collect(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const check = () => {
      const listening = parseJsonLines(stdout).find((line) => line.event === 'listening');
      if (typeof listening?.url !== 'string') return;
      child.stdout.off('data', check);
      resolve({
        url: listening.url,
        child,
        output: () => [...stdout, ...stderr],
        logs: () => parseJsonLines(stdout),
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`The server exited (${String(code)}) before listening:\n${[...stdout, ...stderr].join('\n')}`)));
  });
}

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a one-shot command (bootstrap-admin, audit-verify, or a serve that should refuse to start) to completion. */
export function runCommand(entry: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const { stdout, stderr } = collect(child);
  return new Promise((resolve) => {
    child.once('close', (code) => resolve({ code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }));
  });
}
