/**
 * main.ts with a recording stand-in for Electron: checks that the tested decisions are actually wired in, in the
 * right order (privileged scheme and profile path before 'ready', IPC before the window), and that the IPC,
 * navigation, window-open, permission and app:// handlers behave as the pure modules say.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { TokenVault } from '../../src-main/sync/engine/token-vault';
import { INVOKE_CHANNEL } from '../../src-shared/api/bridge';
import { contentSecurityPolicy } from '../../src-shared/security/csp';
import { createFakeElectron, fakeEvent, FakeWebContents, type FakeElectron } from './fake-electron';

const state = vi.hoisted(() => ({
  electron: undefined as unknown as FakeElectron,
  openAppServices: undefined as unknown as (options: unknown) => unknown,
}));

vi.mock('electron', () => ({
  get app() {
    return state.electron.module.app;
  },
  get protocol() {
    return state.electron.module.protocol;
  },
  get net() {
    return state.electron.module.net;
  },
  get session() {
    return state.electron.module.session;
  },
  get ipcMain() {
    return state.electron.module.ipcMain;
  },
  get BrowserWindow() {
    return state.electron.module.BrowserWindow;
  },
  get dialog() {
    return state.electron.module.dialog;
  },
  get shell() {
    return state.electron.module.shell;
  },
  get safeStorage() {
    return state.electron.module.safeStorage;
  },
}));

vi.mock('../../src-main/bridge/app-services', () => ({
  openAppServices: (options: unknown) => state.openAppServices(options),
}));

let DATA_DIR: string;
const savedArgv = process.argv;
type Dispatch = (method: unknown, input: unknown) => Promise<unknown>;
interface FakeServices {
  readonly dispatch: Mock<Dispatch>;
  readonly close: Mock<() => void>;
  readonly storeError: undefined;
}
let services: FakeServices;
let openAppServices: Mock<(options: unknown) => FakeServices>;

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  services = {
    dispatch: vi.fn<Dispatch>(() => Promise.resolve({ ok: true, value: 'dispatched' })),
    close: vi.fn(),
    storeError: undefined,
  };
  openAppServices = vi.fn<(options: unknown) => FakeServices>(() => services);
  state.openAppServices = openAppServices;
  DATA_DIR = mkdtempSync(path.join(tmpdir(), 'custodian-wiring-'));
  process.argv = ['/opt/Custodian/custodian', '--data-dir', DATA_DIR];
});

afterEach(() => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  process.argv = savedArgv;
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

/** Imports main.ts (which runs at import) against a fresh fake, and optionally lets the app become ready. */
async function launch(options: { ready?: boolean; singleInstanceLock?: boolean; loadError?: Error } = {}): Promise<FakeElectron> {
  const electron = createFakeElectron({ singleInstanceLock: options.singleInstanceLock ?? true, loadError: options.loadError });
  state.electron = electron;
  await import('../../src-main/electron/main');
  if (options.ready ?? true) {
    electron.becomeReady();
    await vi.waitFor(() => {
      expect(electron.windows).toHaveLength(1);
    });
  }
  return electron;
}

function invokeHandler(electron: FakeElectron) {
  const handler = electron.module.ipcMain.handlers.get(INVOKE_CHANNEL);
  if (handler === undefined) throw new Error('no invoke handler registered');
  return handler as (event: unknown, method: unknown, input: unknown) => Promise<unknown>;
}

function mainWindow(electron: FakeElectron) {
  const window = electron.windows[0];
  if (window === undefined) throw new Error('no window');
  return window;
}

/** An IPC event as Electron would build it for a frame of `contents`. */
function ipcEvent(contents: FakeWebContents, frame: { url: string; frameTreeNodeId: number } | null) {
  return { sender: contents, senderFrame: frame };
}

/** A download as Electron hands it to the session's will-download; records what main did with it. */
function startDownload(electron: FakeElectron, url: string, fileName: string) {
  const event = fakeEvent(url);
  const item = {
    dialogOptions: undefined as { defaultPath?: string } | undefined,
    getURL: () => url,
    getFilename: () => fileName,
    getSavePath: () => '',
    setSaveDialogOptions(options: { defaultPath?: string }) {
      item.dialogOptions = options;
    },
    once: () => item,
  };
  electron.module.session.defaultSession.emit('will-download', event, item, mainWindow(electron).webContents);
  return { cancelled: event.prevented, dialogOptions: item.dialogOptions };
}

describe('start-up order and options (packaged)', () => {
  it('registers app:// as privileged (and only that) and enables the sandbox before ready', async () => {
    const electron = await launch({ ready: false });
    expect(electron.module.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.calls.slice(0, 2)).toEqual(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox']);
    expect(electron.windows).toHaveLength(0);
  });

  it('gives a chosen data directory its own Chromium profile before taking the single-instance lock', async () => {
    const electron = await launch({ ready: false });
    const profile = path.join(DATA_DIR, 'electron-profile');
    expect(electron.module.app.paths.get('userData')).toBe(profile);
    expect(electron.module.app.paths.get('sessionData')).toBe(profile);
    // Electron's setPath throws for a directory that does not exist.
    expect(existsSync(profile)).toBe(true);
    const calls = electron.calls;
    expect(calls.indexOf('app.setPath(userData)')).toBeLessThan(calls.indexOf('app.requestSingleInstanceLock'));
  });

  it('leaves the profile alone and uses userData as the data directory by default', async () => {
    process.argv = ['/opt/Custodian/custodian'];
    vi.stubEnv('CUSTODIAN_DATA_DIR', '');
    const electron = await launch();
    expect(electron.calls).not.toContain('app.setPath(userData)');
    expect(openAppServices).toHaveBeenCalledWith({ dataDir: '/home/person/.config/Custodian', shell: 'electron', version: '0.1.0-test', tokenVault: expect.anything() as unknown });
  });

  it('opens the app services on the chosen directory, then IPC, then the window on app://custodian', async () => {
    const electron = await launch();
    expect(openAppServices).toHaveBeenCalledWith({ dataDir: DATA_DIR, shell: 'electron', version: '0.1.0-test', tokenVault: expect.anything() as unknown });
    const calls = electron.calls;
    expect(calls.indexOf('ready')).toBeLessThan(calls.indexOf('protocol.handle(app)'));
    expect(calls.indexOf(`ipcMain.handle(${INVOKE_CHANNEL})`)).toBeLessThan(calls.indexOf('new BrowserWindow'));
    expect(calls.indexOf('session.setPermissionRequestHandler')).toBeLessThan(calls.indexOf('new BrowserWindow'));
    const window = mainWindow(electron);
    expect(window.loadedUrl).toBe('app://custodian/index.html');
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window.options.webPreferences?.preload).toBe(path.join(process.cwd(), 'src-main', 'electron', 'preload.cjs'));
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('shows the window and logs the cause when the page cannot be loaded', async () => {
    const electron = await launch({ loadError: new Error('ERR_FILE_NOT_FOUND') });
    await vi.waitFor(() => {
      expect(mainWindow(electron).shown).toBe(true);
    });
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('app://custodian/index.html'), expect.any(Error));
  });

  it('adds no dev-server CSP hook in a packaged build (the app:// handler sets the CSP)', async () => {
    const electron = await launch();
    expect(electron.module.session.defaultSession.webRequest.headerFilters).toEqual([]);
  });

  it('keeps the sign-in token with safeStorage in the data directory, and refuses to write it with the basic_text backend', async () => {
    const electron = await launch();
    const { tokenVault } = openAppServices.mock.calls[0]?.[0] as { tokenVault: TokenVault };
    const token = 'cus_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    tokenVault.save(token);
    expect(existsSync(path.join(DATA_DIR, 'sync-token.bin'))).toBe(false);
    expect(tokenVault.notice()).toMatch(/memory only/);

    electron.module.safeStorage.backend = 'gnome_libsecret';
    tokenVault.save(token);
    expect(readFileSync(path.join(DATA_DIR, 'sync-token.bin'), 'utf8')).toBe(`enc:${token}`);
    expect(tokenVault.persistence()).toBe('encrypted');
  });

  it('closes the app services when the app quits', async () => {
    const electron = await launch();
    expect(services.close).not.toHaveBeenCalled();
    electron.module.app.emit('will-quit');
    expect(services.close).toHaveBeenCalledTimes(1);
  });

  it('quits without opening anything when another instance holds the lock', async () => {
    const electron = await launch({ ready: false, singleInstanceLock: false });
    electron.becomeReady();
    await Promise.resolve();
    expect(electron.module.app.quitCalled).toBe(true);
    expect(openAppServices).not.toHaveBeenCalled();
    expect(electron.module.ipcMain.handlers.size).toBe(0);
    expect(electron.windows).toHaveLength(0);
  });

  it('refuses to start on an unusable --data-dir rather than falling back to the real data', async () => {
    process.argv = ['/opt/Custodian/custodian', '--data-dir'];
    const electron = await launch({ ready: false });
    expect(electron.module.dialog.errors).toHaveLength(1);
    expect(electron.module.dialog.errors[0]?.content).toMatch(/--data-dir/);
    expect(electron.module.app.exitCode).toBe(1);
    expect(electron.calls).not.toContain('app.requestSingleInstanceLock');
    expect(openAppServices).not.toHaveBeenCalled();
  });

  it('tells the person and exits when the app services cannot be opened', async () => {
    openAppServices.mockImplementation(() => {
      throw new Error('disk on fire');
    });
    const electron = await launch({ ready: false });
    electron.becomeReady();
    await vi.waitFor(() => {
      expect(electron.module.app.exitCode).toBe(1);
    });
    expect(electron.module.dialog.errors[0]?.content).toBe('disk on fire');
    expect(console.error).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });
});

describe('IPC sender check', () => {
  it('dispatches a call from the main frame of the window showing the app', async () => {
    const electron = await launch();
    const contents = mainWindow(electron).webContents;
    const result = await invokeHandler(electron)(ipcEvent(contents, { url: 'app://custodian/index.html#/assets', frameTreeNodeId: 1 }), 'asset.list', { page: 1 });
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(services.dispatch).toHaveBeenCalledWith('asset.list', { page: 1 });
  });

  it.each([
    ['a sub-frame of the window', (c: FakeWebContents) => ipcEvent(c, { url: 'app://custodian/index.html', frameTreeNodeId: 7 })],
    ['another web contents', () => ipcEvent(new FakeWebContents(999), { url: 'app://custodian/index.html', frameTreeNodeId: 1 })],
    ['a frame that is gone', (c: FakeWebContents) => ipcEvent(c, null)],
    ['the main frame after navigating elsewhere', (c: FakeWebContents) => ipcEvent(c, { url: 'https://evil.example/', frameTreeNodeId: 1 })],
    ['a look-alike origin', (c: FakeWebContents) => ipcEvent(c, { url: 'app://custodian.evil/', frameTreeNodeId: 1 })],
  ])('refuses %s with a forbidden value, never calling the handler table', async (_why, makeEvent) => {
    const electron = await launch();
    const result = await invokeHandler(electron)(makeEvent(mainWindow(electron).webContents), 'asset.create', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', fields: {} } });
    expect(services.dispatch).not.toHaveBeenCalled();
    expect(console.error).toHaveBeenCalled();
  });

  it('turns a throwing dispatch into an internal error value, and logs the cause', async () => {
    services.dispatch.mockRejectedValue(new Error('boom'));
    const electron = await launch();
    const contents = mainWindow(electron).webContents;
    const result = await invokeHandler(electron)(ipcEvent(contents, { url: 'app://custodian/', frameTreeNodeId: 1 }), 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('app.info'), expect.any(Error));
  });
});

describe('web contents hardening', () => {
  async function createdContents() {
    const electron = await launch();
    const contents = new FakeWebContents(5);
    electron.module.app.emit('web-contents-created', {}, contents);
    return { electron, contents };
  }

  it('will-frame-navigate leaves the main frame to will-navigate (one decision, one log line)', async () => {
    const { contents } = await createdContents();
    const mainFrame = fakeEvent('https://evil.example/', true);
    contents.emit('will-frame-navigate', mainFrame);
    expect(mainFrame.prevented).toBe(false);
    contents.emit('will-navigate', mainFrame);
    expect(mainFrame.prevented).toBe(true);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks other origins, allows the app', async (eventName) => {
    const { contents } = await createdContents();
    const away = fakeEvent('https://evil.example/login');
    contents.emit(eventName, away);
    expect(away.prevented).toBe(true);
    const lookAlike = fakeEvent('app://custodian@evil/');
    contents.emit(eventName, lookAlike);
    expect(lookAlike.prevented).toBe(true);
    const inApp = fakeEvent('app://custodian/index.html#/people');
    contents.emit(eventName, inApp);
    expect(inApp.prevented).toBe(false);
  });

  it('blocks <webview>', async () => {
    const { contents } = await createdContents();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.prevented).toBe(true);
  });

  it('denies every new window, handing only https links to the browser', async () => {
    const { electron, contents } = await createdContents();
    const open = contents.windowOpenHandler;
    if (open === undefined) throw new Error('no window open handler');
    expect(open({ url: 'https://www.gov.uk/guidance' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://www.gov.uk/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://custodian/index.html' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.opened).toEqual(['https://www.gov.uk/guidance']);
  });

  it('denies permission requests and checks on the session', async () => {
    const electron = await launch();
    const ses = electron.module.session.defaultSession;
    const callback = vi.fn();
    ses.permissionRequestHandler?.({}, 'media', callback, { requestingUrl: 'app://custodian/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(ses.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false);
    expect(ses.deviceHandler?.()).toBe(false);
  });
});

describe('downloads', () => {
  it("offers the app's own blob downloads in the save dialog and cancels any other", async () => {
    const electron = await launch();
    const saved = startDownload(electron, 'blob:app://custodian/2f1c3a6e', 'custodian-assets-2024-05-01.csv');
    expect(saved.cancelled).toBe(false);
    expect(saved.dialogOptions?.defaultPath).toBe(path.join('/home/person/Downloads', 'custodian-assets-2024-05-01.csv'));
    const foreign = startDownload(electron, 'https://evil.example/custodian-assets.csv', 'custodian-assets.csv');
    expect(foreign.cancelled).toBe(true);
    expect(foreign.dialogOptions).toBeUndefined();
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/^\[downloads\] refused https:\/\/evil\.example/));
  });
});

describe('app:// handler', () => {
  async function handler() {
    const electron = await launch();
    const handle = electron.module.protocol.handlers.get('app');
    if (handle === undefined) throw new Error('app:// not handled');
    return { electron, handle };
  }
  const rendererRoot = path.join(process.cwd(), 'src-main', 'renderer', 'main_window');

  it('serves the renderer folder with the strict CSP, nosniff and an explicit content type', async () => {
    const { electron, handle } = await handler();
    const response = await handle(new Request('app://custodian/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(electron.module.net.fetched).toEqual([`file://${path.join(rendererRoot, 'index.html')}`]);
    expect(await response.text()).toContain('index.html');
  });

  it('refuses traversal without touching the file system', async () => {
    const { electron, handle } = await handler();
    const response = await handle(new Request('app://custodian/..%2f..%2f..%2fetc%2fpasswd'));
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy());
    expect(electron.module.net.fetched).toEqual([]);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { electron, handle } = await handler();
    const response = await handle(new Request('app://custodian/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expect(electron.module.net.fetched).toEqual([]);
  });

  it('answers 404 (and logs) when the file cannot be read', async () => {
    const { electron, handle } = await handler();
    electron.module.net.respond = () => Promise.reject(new Error('net::ERR_FILE_NOT_FOUND'));
    const response = await handle(new Request('app://custodian/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(console.error).toHaveBeenCalled();
  });
});

describe('development (electron-forge start)', () => {
  beforeEach(() => {
    vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', 'http://localhost:5173');
  });

  it('loads the dev server, does not serve app://, and trusts only the dev server origin', async () => {
    const electron = await launch();
    const window = mainWindow(electron);
    expect(window.loadedUrl).toBe('http://localhost:5173');
    expect(electron.module.protocol.handlers.size).toBe(0);
    const handler = invokeHandler(electron);
    await handler(ipcEvent(window.webContents, { url: 'http://localhost:5173/#/assets', frameTreeNodeId: 1 }), 'app.info', {});
    expect(services.dispatch).toHaveBeenCalledTimes(1);
    const refused = await handler(ipcEvent(window.webContents, { url: 'app://custodian/index.html', frameTreeNodeId: 1 }), 'app.info', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("accepts the dev server's blob downloads, not app:// ones", async () => {
    const electron = await launch();
    expect(startDownload(electron, 'blob:http://localhost:5173/2f1c3a6e', 'custodian-people.xlsx').cancelled).toBe(false);
    expect(startDownload(electron, 'blob:app://custodian/2f1c3a6e', 'custodian-people.xlsx').cancelled).toBe(true);
  });

  it("puts the development CSP on the dev server's responses, replacing any it sent", async () => {
    const electron = await launch();
    const webRequest = electron.module.session.defaultSession.webRequest;
    expect(webRequest.headerFilters).toEqual([{ urls: ['http://localhost:5173/*'] }]);
    let headers: Record<string, string[]> | undefined;
    webRequest.headerListener?.({ responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, (response) => {
      headers = response.responseHeaders;
    });
    expect(headers).toMatchObject({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' })],
      'X-Content-Type-Options': ['nosniff'],
    });
    expect(Object.keys(headers ?? {}).filter((name) => name.toLowerCase() === 'content-security-policy')).toHaveLength(1);
  });
});
