import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumProfileDir, DATA_DIR_ENV, defaultUserDataDir, resolveDataDir } from '../../src-main/config/data-dir';

const cwd = path.resolve('/work/here');
const defaultDir = path.resolve('/home/person/.config/Custodian');
const electronArgv = ['/opt/Custodian/custodian', '--no-sandbox'];

function choose(argv: readonly string[], env: Record<string, string | undefined> = {}) {
  return resolveDataDir({ argv: [...electronArgv, ...argv], env, cwd, defaultDir });
}

describe('resolveDataDir', () => {
  it('uses the --data-dir argument, resolved to an absolute path', () => {
    expect(choose(['--data-dir', '/tmp/custodian-a'])).toEqual({ dataDir: path.resolve('/tmp/custodian-a'), source: 'argument' });
    expect(choose(['--data-dir', 'relative/dir'])).toEqual({ dataDir: path.resolve(cwd, 'relative/dir'), source: 'argument' });
  });

  it('accepts the --data-dir=DIR form, keeping any further "=" in the path', () => {
    expect(choose(['--data-dir=/tmp/a=b'])).toEqual({ dataDir: path.resolve('/tmp/a=b'), source: 'argument' });
  });

  it('finds the argument wherever Chromium or Playwright put it among other switches', () => {
    expect(choose(['--inspect=0', '.', '--data-dir', '/tmp/x', '--remote-debugging-port=0']).dataDir).toBe(path.resolve('/tmp/x'));
  });

  it('prefers the argument over the environment variable', () => {
    expect(choose(['--data-dir', '/tmp/arg'], { [DATA_DIR_ENV]: '/tmp/env' })).toEqual({ dataDir: path.resolve('/tmp/arg'), source: 'argument' });
  });

  it('uses CUSTODIAN_DATA_DIR when there is no argument', () => {
    expect(DATA_DIR_ENV).toBe('CUSTODIAN_DATA_DIR');
    expect(choose([], { CUSTODIAN_DATA_DIR: '/tmp/env' })).toEqual({ dataDir: path.resolve('/tmp/env'), source: 'environment' });
    expect(choose([], { CUSTODIAN_DATA_DIR: 'rel' })).toEqual({ dataDir: path.resolve(cwd, 'rel'), source: 'environment' });
  });

  it("falls back to Electron's userData directory, unchanged", () => {
    expect(choose([])).toEqual({ dataDir: defaultDir, source: 'default' });
    // An empty variable is the shell idiom for "unset".
    expect(choose([], { CUSTODIAN_DATA_DIR: '' })).toEqual({ dataDir: defaultDir, source: 'default' });
  });

  it('does not mistake look-alike switches for the data directory', () => {
    expect(choose(['--data-directory', '/tmp/nope', '--user-data-dir=/tmp/nope', '--data-dirx=/tmp/nope'])).toEqual({
      dataDir: defaultDir,
      source: 'default',
    });
  });

  // Falling back to the default here would open the person's real database in place of a test's.
  it.each([
    [['--data-dir']],
    [['--data-dir', '--no-sandbox']],
    [['--data-dir=']],
    [['--data-dir', '   ']],
    [['--data-dir', '/tmp/a', '--data-dir', '/tmp/b']],
    [['--data-dir=/tmp/a', '--data-dir', '/tmp/a']],
  ])('refuses an unusable or repeated --data-dir %j instead of using the default', (argv) => {
    expect(() => choose(argv)).toThrow(/--data-dir/);
  });

  it('refuses a CUSTODIAN_DATA_DIR of only spaces', () => {
    expect(() => choose([], { CUSTODIAN_DATA_DIR: '  ' })).toThrow(/CUSTODIAN_DATA_DIR/);
  });
});

describe('chromiumProfileDir', () => {
  it('puts the Chromium profile inside a chosen data directory', () => {
    expect(chromiumProfileDir({ dataDir: path.resolve('/tmp/a'), source: 'argument' })).toBe(path.join(path.resolve('/tmp/a'), 'electron-profile'));
    expect(chromiumProfileDir({ dataDir: path.resolve('/tmp/b'), source: 'environment' })).toBe(path.join(path.resolve('/tmp/b'), 'electron-profile'));
  });

  it("leaves Electron's own profile alone for the default data directory", () => {
    expect(chromiumProfileDir({ dataDir: defaultDir, source: 'default' })).toBeUndefined();
  });
});

describe('defaultUserDataDir', () => {
  it("matches Electron's userData folder for an app named Custodian on each platform", () => {
    expect(defaultUserDataDir('linux', {}, '/home/ada')).toBe(path.join('/home/ada', '.config', 'Custodian'));
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe(path.join('/xdg', 'Custodian'));
    expect(defaultUserDataDir('darwin', {}, '/Users/ada')).toBe(path.join('/Users/ada', 'Library', 'Application Support', 'Custodian'));
    expect(defaultUserDataDir('win32', { APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'C:/Users/ada')).toBe(
      path.join('C:/Users/ada/AppData/Roaming', 'Custodian'),
    );
  });
});
