/**
 * Electron entry point. Built by Forge's Vite plugin to `.vite/build/main.cjs` (CommonJS; see vite.main.config.ts).
 * Every decision lives in a small tested module; this file only puts them in order.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { contentSecurityPolicy } from '../../src-shared/security/csp';
import { openAppServices, type AppServices } from '../bridge/app-services';
import { createSafeStorageVault, TOKEN_FILE_NAME } from '../sync/engine/token-vault';
import { APP_ENTRY_URL, appOriginFor } from './app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { chromiumProfileDir, resolveDataDir } from '../config/data-dir';
import { devServerUrl } from './dev-server';
import { handleDownloads } from './downloads';
import { hardenSession, hardenWebContents } from './harden';
import { registerInvokeHandler } from './ipc';
import { mainWindowOptions } from './window-options';

/** Shows a message a person can act on, logs the cause, and ends the process. Safe to call before 'ready'. */
function exitWithError(title: string, error: unknown): void {
  console.error(`[main] ${title}:`, error);
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}

let mainWindow: BrowserWindow | null = null;

function createMainWindow(devUrl: string | undefined): BrowserWindow {
  // The preload is built next to this file (.vite/build/preload.cjs).
  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  const url = devUrl ?? APP_ENTRY_URL;
  window.loadURL(url).catch((error: unknown) => {
    console.error(`[main] could not load ${url}:`, error);
    // 'ready-to-show' may never come; a visible window can at least be closed, an invisible process cannot.
    window.show();
  });
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function closeServices(services: AppServices): void {
  try {
    services.close();
  } catch (error) {
    console.error('[main] closing the local store failed:', error);
  }
}

interface StartOptions {
  readonly dataDir: string;
  readonly devUrl: string | undefined;
  readonly appOrigin: string;
}

/** Everything after the single-instance lock is held. */
async function start({ dataDir, devUrl, appOrigin }: StartOptions): Promise<void> {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    // macOS convention: the app stays running with no windows until quit from the menu.
    if (process.platform !== 'darwin') app.quit();
  });
  hardenWebContents(appOrigin);

  await app.whenReady();
  // In development appOrigin is the dev server's origin, whose responses need the (development) CSP added.
  hardenSession(session.defaultSession, devUrl === undefined ? undefined : appOrigin);
  handleDownloads(session.defaultSession, { appOrigin, downloadsDir: () => app.getPath('downloads') });

  let services: AppServices;
  try {
    // After 'ready': safeStorage can only say which key store backs it once the app is ready.
    const tokenVault = createSafeStorageVault({
      safeStorage,
      file: path.join(dataDir, TOKEN_FILE_NAME),
      log: (message) => {
        console.warn(`[sync] ${message}`);
      },
    });
    services = openAppServices({ dataDir, shell: 'electron', version: app.getVersion(), tokenVault });
  } catch (error) {
    exitWithError('Custodian cannot open its local store', error);
    return;
  }
  app.on('will-quit', () => {
    closeServices(services);
  });

  if (devUrl === undefined) {
    // In the package: .vite/build/main.cjs and .vite/renderer/main_window/, both inside app.asar.
    serveRenderer(path.join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME), contentSecurityPolicy());
  }
  registerInvokeHandler({ services, mainWindow: () => mainWindow, appOrigin });

  mainWindow = createMainWindow(devUrl);
  app.on('activate', () => {
    if (mainWindow === null) mainWindow = createMainWindow(devUrl);
  });
}

function main(): void {
  // Both must happen before 'ready'.
  registerAppScheme();
  app.enableSandbox();

  let options: StartOptions;
  try {
    const devUrl = devServerUrl();
    const choice = resolveDataDir({ argv: process.argv, env: process.env, cwd: process.cwd(), defaultDir: app.getPath('userData') });
    options = { dataDir: choice.dataDir, devUrl, appOrigin: appOriginFor(devUrl) };
    const profileDir = chromiumProfileDir(choice);
    if (profileDir !== undefined) {
      // Before 'ready' and before the single-instance lock, which lives in this directory. setPath throws for a
      // directory that does not exist yet.
      mkdirSync(profileDir, { recursive: true });
      app.setPath('userData', profileDir);
      app.setPath('sessionData', profileDir);
    }
  } catch (error) {
    exitWithError('Custodian cannot start', error);
    return;
  }

  // A second launch on the same data directory hands over to the first (its 'second-instance' focuses the window).
  if (!app.requestSingleInstanceLock()) {
    console.error('[main] Custodian is already running with this data directory; focusing that window instead.');
    app.quit();
    return;
  }
  start(options).catch((error: unknown) => {
    exitWithError('Custodian could not start', error);
  });
}

main();
