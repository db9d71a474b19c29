import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer is untrusted as far as main is concerned: it runs isolated from the preload, in Chromium's
 * sandbox, without Node, and can reach main only through the one bridge the preload exposes.
 * Most of these are Electron's defaults today; they are spelt out so a default changing (or someone "just
 * trying" nodeIntegration) shows up in review and fails the unit test.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

/** GOV.UK pages are white; matching it avoids a flash of another colour before the first paint. */
const BACKGROUND_COLOUR = '#ffffff';

/** Options for the main window. `preload` is the absolute path of the built preload script. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: 'Custodian',
    width: 1280,
    height: 860,
    // Below this the GOV.UK layout switches to its narrow, single-column form; still usable, never clipped.
    minWidth: 640,
    minHeight: 480,
    // Shown on 'ready-to-show', so nobody sees an empty window while the renderer loads.
    show: false,
    backgroundColor: BACKGROUND_COLOUR,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  };
}
