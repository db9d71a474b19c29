/**
 * The Vite dev server URL Forge injects under `electron-forge start`, or undefined in a packaged build.
 * Read with `typeof`: in a production build the constant is not defined at all, and a bare reference would
 * throw a ReferenceError if the bundler ever left it in place.
 */
export function devServerUrl(): string | undefined {
  return typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
    ? MAIN_WINDOW_VITE_DEV_SERVER_URL
    : undefined;
}
