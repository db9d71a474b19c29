/**
 * Globals that Electron Forge's Vite plugin injects into the main-process bundle with Vite `define`
 * (named after the renderer entry `main_window` in forge.config.ts).
 *
 * Declared here rather than by referencing `@electron-forge/plugin-vite/forge-vite-env`, which types the dev
 * server URL as always a string: in a production build it is not defined at all, so it is typed as possibly
 * undefined and must be read with `typeof` (see dev-server.ts).
 */

/** `http://localhost:<port>` while running under `electron-forge start`; not defined in a packaged build. */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;

/** The renderer entry's name, `main_window`: the folder under `.vite/renderer/` holding the built renderer. */
declare const MAIN_WINDOW_VITE_NAME: string;
