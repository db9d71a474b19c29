/**
 * Where the renderer comes from. In a packaged app it is served from the privileged `app://custodian` scheme
 * (a real origin, unlike file://, so CSP 'self', navigation checks and the IPC sender check all have something
 * precise to compare against). Under `electron-forge start` it comes from the Vite dev server instead.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'custodian';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin every trust decision compares against: the dev server's origin when one is given, else app://custodian.
 * Throws on a dev server URL that is not http(s), because trusting an unexpected origin must never be silent.
 */
export function appOriginFor(devServerUrl: string | undefined): string {
  if (devServerUrl === undefined) return APP_ORIGIN;
  let parsed: URL;
  try {
    parsed = new URL(devServerUrl);
  } catch {
    throw new Error(`The Vite dev server URL is not a valid URL: ${JSON.stringify(devServerUrl)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`The Vite dev server URL must be http(s): ${JSON.stringify(devServerUrl)}`);
  }
  return parsed.origin;
}
