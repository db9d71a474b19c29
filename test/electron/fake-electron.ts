/**
 * A recording stand-in for the parts of the `electron` module that main.ts uses, so main's wiring (what is
 * registered, in which order, with which options) can be tested without an Electron binary. It only records and
 * replays; every decision under test is made by the real Custodian code.
 */
import { existsSync } from 'node:fs';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
}

/** A navigation-style event: records preventDefault. */
export function fakeEvent(url = '', isMainFrame = false): { url: string; isMainFrame: boolean; prevented: boolean; preventDefault(): void } {
  return {
    url,
    isMainFrame,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

export class FakeWebContents extends Emitter {
  readonly mainFrame = { frameTreeNodeId: 1 };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  constructor(readonly id: number) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

type ResponseHeaders = Record<string, string[]>;
type HeadersListener = (
  details: { responseHeaders?: ResponseHeaders },
  callback: (response: { responseHeaders?: ResponseHeaders }) => void,
) => void;

interface FakeWebRequest {
  readonly headerFilters: { urls: string[] }[];
  headerListener: HeadersListener | undefined;
  onHeadersReceived(filter: { urls: string[] }, listener: HeadersListener): void;
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;

interface FakeSession extends Emitter {
  readonly webRequest: FakeWebRequest;
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  deviceHandler: (() => boolean) | undefined;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export interface FakeElectronOptions {
  readonly singleInstanceLock?: boolean;
  /** Makes every BrowserWindow.loadURL fail with this, as Electron's does when the page cannot be loaded. */
  readonly loadError?: Error;
}

export function createFakeElectron({ singleInstanceLock = true, loadError }: FakeElectronOptions = {}) {
  /** Every call, in order, as "module.method" — for asserting what happens before what. */
  const calls: string[] = [];
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  let isReady = false;

  const app = Object.assign(new Emitter(), {
    paths: new Map<string, string>([
      ['userData', '/home/person/.config/Custodian'],
      ['downloads', '/home/person/Downloads'],
    ]),
    exitCode: undefined as number | undefined,
    quitCalled: false,
    enableSandbox: () => calls.push('app.enableSandbox'),
    whenReady: () => readyPromise,
    isReady: () => isReady,
    getVersion: () => '0.1.0-test',
    getPath(name: string): string {
      const value = app.paths.get(name);
      if (value === undefined) throw new Error(`no fake path ${name}`);
      return value;
    },
    setPath(name: string, value: string): void {
      // Electron throws for a directory that does not exist; so does the fake.
      if (!existsSync(value)) throw new Error(`Failed to set path: ${value} does not exist`);
      calls.push(`app.setPath(${name})`);
      app.paths.set(name, value);
    },
    requestSingleInstanceLock(): boolean {
      calls.push('app.requestSingleInstanceLock');
      return singleInstanceLock;
    },
    quit(): void {
      calls.push('app.quit');
      app.quitCalled = true;
    },
    exit(code: number): void {
      calls.push(`app.exit(${String(code)})`);
      app.exitCode = code;
    },
  });

  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      calls.push(isReady ? 'protocol.registerSchemesAsPrivileged(after ready)' : 'protocol.registerSchemesAsPrivileged');
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      calls.push(`protocol.handle(${scheme})`);
      protocol.handlers.set(scheme, handler);
    },
  };

  const net = {
    fetched: [] as string[],
    /** What the fake file fetch answers; replace to simulate a missing file. */
    respond: (url: string): Promise<Response> => Promise.resolve(new Response(`contents of ${url}`, { status: 200, headers: { 'Content-Length': '1' } })),
    fetch(url: string): Promise<Response> {
      net.fetched.push(url);
      return net.respond(url);
    },
  };

  const webRequest: FakeWebRequest = {
    headerFilters: [],
    headerListener: undefined,
    onHeadersReceived(filter, listener) {
      webRequest.headerFilters.push(filter);
      webRequest.headerListener = listener;
    },
  };

  // An emitter too: main listens for the session's 'will-download'.
  const defaultSession: FakeSession = Object.assign(new Emitter(), {
    webRequest,
    permissionRequestHandler: undefined as PermissionRequestHandler | undefined,
    permissionCheckHandler: undefined as PermissionCheckHandler | undefined,
    deviceHandler: undefined as (() => boolean) | undefined,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      calls.push('session.setPermissionRequestHandler');
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      defaultSession.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: () => boolean) {
      defaultSession.deviceHandler = handler;
    },
  });

  const ipcMain = {
    handlers: new Map<string, Listener>(),
    handle(channel: string, handler: Listener): void {
      calls.push(`ipcMain.handle(${channel})`);
      ipcMain.handlers.set(channel, handler);
    },
  };

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents(100 + windows.length);
    loadedUrl: string | undefined;
    shown = false;

    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      calls.push('new BrowserWindow');
      windows.push(this);
    }

    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return loadError === undefined ? Promise.resolve() : Promise.reject(loadError);
    }

    show(): void {
      this.shown = true;
    }

    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => undefined;
  }

  const dialog = {
    errors: [] as { title: string; content: string }[],
    showErrorBox(title: string, content: string): void {
      calls.push('dialog.showErrorBox');
      dialog.errors.push({ title, content });
    },
  };

  /** Linux without a key store by default: the backend Custodian must refuse to keep a token with. */
  const safeStorage = {
    backend: 'basic_text',
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from(`enc:${plain}`),
    decryptString: (data: Buffer) => data.toString().replace(/^enc:/, ''),
    getSelectedStorageBackend: () => safeStorage.backend,
  };

  const shell = {
    opened: [] as string[],
    openExternal(url: string): Promise<void> {
      shell.opened.push(url);
      return Promise.resolve();
    },
  };

  return {
    calls,
    windows,
    /** Fires 'ready' the way Electron does: whenReady() resolves. */
    becomeReady(): void {
      isReady = true;
      calls.push('ready');
      resolveReady();
    },
    module: { app, protocol, net, session: { defaultSession }, ipcMain, BrowserWindow: FakeBrowserWindow, dialog, shell, safeStorage },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
