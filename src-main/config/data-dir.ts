import path from 'node:path';

export const APP_NAME = 'Custodian';

/**
 * Which directory holds Custodian's database. Tests and second installations pass their own directory, so a
 * test never touches a person's real data; everyone else gets Electron's per-user `userData` directory.
 * Precedence: `--data-dir DIR` (or `--data-dir=DIR`), then `CUSTODIAN_DATA_DIR`, then the default.
 */
export const DATA_DIR_FLAG = '--data-dir';
export const DATA_DIR_ENV = 'CUSTODIAN_DATA_DIR';

export type DataDirSource = 'argument' | 'environment' | 'default';

export interface DataDirChoice {
  /** Absolute path. */
  readonly dataDir: string;
  readonly source: DataDirSource;
}

export interface DataDirInput {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative directories are resolved against this (the process's working directory). */
  readonly cwd: string;
  /** Electron's `app.getPath('userData')`. */
  readonly defaultDir: string;
}

/**
 * Decides the data directory. Throws (rather than falling back to the default) when a directory was asked for
 * but is unusable: silently opening the person's real database instead of a test's would be the worst outcome.
 */
export function resolveDataDir({ argv, env, cwd, defaultDir }: DataDirInput): DataDirChoice {
  const fromArgument = dataDirArgument(argv);
  if (fromArgument !== undefined) {
    return { dataDir: path.resolve(cwd, fromArgument), source: 'argument' };
  }
  const fromEnvironment = env[DATA_DIR_ENV];
  // An empty variable means "unset" (the usual shell idiom `CUSTODIAN_DATA_DIR= custodian`).
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    if (fromEnvironment.trim() === '') {
      throw new Error(`${DATA_DIR_ENV} is set but contains only spaces; set it to a directory or unset it.`);
    }
    return { dataDir: path.resolve(cwd, fromEnvironment), source: 'environment' };
  }
  return { dataDir: defaultDir, source: 'default' };
}

/**
 * Where Chromium keeps its profile (cookies, caches, local storage, the single-instance lock): inside a chosen data
 * directory, so a test run never shares the person's real profile, and two instances on different data directories
 * do not block each other (Electron keys the single-instance lock on this directory). Undefined for the default
 * data directory, which is Electron's own userData and already holds the profile.
 */
export function chromiumProfileDir(choice: DataDirChoice): string | undefined {
  return choice.source === 'default' ? undefined : path.join(choice.dataDir, 'electron-profile');
}

/** The value of the one `--data-dir` argument, or undefined when there is none. */
function dataDirArgument(argv: readonly string[]): string | undefined {
  const values: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === DATA_DIR_FLAG) {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new Error(`${DATA_DIR_FLAG} needs a directory, for example ${DATA_DIR_FLAG} /path/to/data`);
      }
      values.push(next);
      index += 1;
    } else if (argument?.startsWith(`${DATA_DIR_FLAG}=`)) {
      values.push(argument.slice(DATA_DIR_FLAG.length + 1));
    }
  }
  if (values.length > 1) {
    throw new Error(`${DATA_DIR_FLAG} was given ${String(values.length)} times; give it once.`);
  }
  const [value] = values;
  if (value !== undefined && value.trim() === '') {
    throw new Error(`${DATA_DIR_FLAG} needs a directory, for example ${DATA_DIR_FLAG} /path/to/data`);
  }
  return value;
}

/**
 * Where Electron's `app.getPath('userData')` puts an app called "Custodian": the web shell's default, so both
 * shells open the same store.
 */
export function defaultUserDataDir(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}
