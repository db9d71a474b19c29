import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * Maps an `app://custodian/...` request to a file inside the built renderer folder, and refuses anything else.
 *
 * URL parsing already removes `.` and `..` segments (also `%2e%2e`), but a percent-encoded separator survives it:
 * `app://custodian/..%2f..%2fetc%2fpasswd` decodes to `../../etc/passwd`, and on Windows `%5c` decodes to `\`.
 * So the decision is made on the final resolved path: it must lie inside the renderer folder.
 */
export type RendererFileDecision =
  | { readonly ok: true; readonly filePath: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/** The subset of `node:path` used, so tests can check Windows semantics (`path.win32`) on any machine. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

/**
 * Content types set explicitly rather than left to sniffing: module scripts are refused by Chromium unless
 * served as JavaScript, and the responses carry `X-Content-Type-Options: nosniff`.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string, pathApi: PathApi = nodePath): string {
  return CONTENT_TYPES[pathApi.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function resolveRendererFile(requestUrl: string, rendererRoot: string, pathApi: PathApi = nodePath): RendererFileDecision {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { ok: false, status: 403, reason: `not an ${APP_SCHEME}://${APP_HOST} URL` };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding in path' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte in path' };

  // The renderer uses a hash router, so the only page is index.html; "/" is its address ("" before Chromium
  // canonicalises the URL). Leading slashes are dropped so the rest is always taken relative to the folder.
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = pathApi.resolve(rendererRoot);
  const filePath = pathApi.resolve(root, relative);
  const fromRoot = pathApi.relative(root, filePath);
  const escapes = fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(fromRoot);
  if (escapes) return { ok: false, status: 403, reason: 'path is outside the renderer folder' };

  return { ok: true, filePath, contentType: contentTypeFor(filePath, pathApi) };
}
