import { app, shell, type Session } from 'electron';
import { contentSecurityPolicy } from '../../src-shared/security/csp';
import { externalOpenDecision, isAppUrl } from './navigation';
import { devicePermissionDecision, permissionCheckDecision, permissionRequestDecision } from './permissions';
import { securityHeaders, withHeaders } from './security-headers';

/**
 * Applies to every web contents the app ever creates (the main window, and anything that slips past), so the
 * rules do not depend on remembering to call something per window:
 * - no navigation or redirect away from the app origin (a compromised page cannot load a look-alike),
 * - no new windows; https links are handed to the person's browser instead,
 * - no <webview>.
 * Call before the first window is created.
 */
export function hardenWebContents(appOrigin: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (isAppUrl(event.url, appOrigin)) return;
      event.preventDefault();
      console.warn(`[harden] blocked navigation to ${event.url}`);
    });
    // will-navigate covers the main frame only; sub-frames (which the CSP should already prevent) come here.
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame || isAppUrl(event.url, appOrigin)) return;
      event.preventDefault();
      console.warn(`[harden] blocked frame navigation to ${event.url}`);
    });
    contents.on('will-redirect', (event) => {
      if (isAppUrl(event.url, appOrigin)) return;
      event.preventDefault();
      console.warn(`[harden] blocked redirect to ${event.url}`);
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      console.warn('[harden] blocked a <webview>');
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = externalOpenDecision(url);
      if (decision.open) {
        shell.openExternal(decision.url).catch((error: unknown) => {
          console.error(`[harden] could not open ${decision.url} in the browser:`, error);
        });
      } else {
        console.warn(`[harden] refused to open ${url}: ${decision.reason}`);
      }
      return { action: 'deny' };
    });
  });
}

/**
 * Denies every permission request and check on the session. In development, where the page comes from the Vite
 * dev server rather than the app:// handler, the CSP (development variant) is added to the dev server's
 * responses here; in production the app:// handler sets the strict CSP itself.
 */
export function hardenSession(session: Session, devServerOrigin: string | undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = permissionRequestDecision(permission);
    if (!granted) console.warn(`[harden] denied permission ${permission} requested by ${details.requestingUrl}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => permissionCheckDecision(permission));
  session.setDevicePermissionHandler(() => devicePermissionDecision());

  if (devServerOrigin !== undefined) {
    const headers = securityHeaders(contentSecurityPolicy({ devServerOrigin }));
    session.webRequest.onHeadersReceived({ urls: [`${devServerOrigin}/*`] }, (details, callback) => {
      callback({ responseHeaders: withHeaders(details.responseHeaders, headers) });
    });
  }
}
