import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { resolveRendererFile } from './renderer-files';
import { securityHeaders } from './security-headers';

/**
 * Must run before the app is ready. `standard` gives app:// a real origin and normal relative-URL resolution;
 * `secure` makes it a secure context like https; `supportFetchAPI` lets the page fetch its own assets.
 * Not `corsEnabled` (would let other origins read app:// responses) and not `bypassCSP`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function refusal(status: number, reason: string, csp: string): Response {
  return new Response(reason, { status, headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer folder on app://custodian/, with the CSP on every response. Call after ready. */
export function serveRenderer(rendererRoot: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refusal(405, 'method not allowed', csp);
    }
    const decision = resolveRendererFile(request.url, rendererRoot);
    if (!decision.ok) {
      console.error(`[app://] refused ${request.url}: ${decision.reason}`);
      return refusal(decision.status, decision.reason, csp);
    }
    try {
      const file = await net.fetch(pathToFileURL(decision.filePath).toString());
      if (!file.ok) return refusal(file.status === 0 ? 404 : file.status, 'not found', csp);
      const headers = new Headers(file.headers);
      headers.set('Content-Type', decision.contentType);
      for (const [name, value] of Object.entries(securityHeaders(csp))) headers.set(name, value);
      return new Response(file.body, { status: 200, headers });
    } catch (error) {
      // A missing file makes net.fetch reject (net::ERR_FILE_NOT_FOUND) rather than answer 404.
      console.error(`[app://] could not read ${decision.filePath}:`, error);
      return refusal(404, 'not found', csp);
    }
  });
}
