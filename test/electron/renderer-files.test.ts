import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveRendererFile } from '../../src-main/electron/renderer-files';

const ROOT = '/opt/Custodian/resources/app.asar/.vite/renderer/main_window';

function served(url: string, root = ROOT, pathApi: typeof path.posix = path.posix): string | undefined {
  const decision = resolveRendererFile(url, root, pathApi);
  return decision.ok ? decision.filePath : undefined;
}

function refusal(url: string, root = ROOT, pathApi: typeof path.posix = path.posix) {
  const decision = resolveRendererFile(url, root, pathApi);
  return decision.ok ? undefined : decision.status;
}

describe('resolveRendererFile: what is served', () => {
  it('serves index.html for the root and by name', () => {
    expect(served('app://custodian/')).toBe(`${ROOT}/index.html`);
    expect(served('app://custodian')).toBe(`${ROOT}/index.html`);
    expect(served('app://custodian/index.html')).toBe(`${ROOT}/index.html`);
  });

  it('serves assets, ignoring the query string and the hash route', () => {
    expect(served('app://custodian/assets/index-Bx12.js?v=3#/assets/new')).toBe(`${ROOT}/assets/index-Bx12.js`);
    expect(served('app://custodian/index.html#/../../etc/passwd')).toBe(`${ROOT}/index.html`);
  });

  it('decodes percent-encoded names that stay inside the folder', () => {
    expect(served('app://custodian/assets/my%20font.woff2')).toBe(`${ROOT}/assets/my font.woff2`);
    // Dot segments inside the folder are harmless once resolved.
    expect(served('app://custodian/assets/../index.html')).toBe(`${ROOT}/index.html`);
  });

  it('treats a double slash, literal or encoded, as a path inside the folder, not as an absolute path', () => {
    expect(served('app://custodian//etc/passwd')).toBe(`${ROOT}/etc/passwd`);
    expect(served('app://custodian/%2fetc%2fpasswd')).toBe(`${ROOT}/etc/passwd`);
    expect(served('app://custodian/%2f%2f%2fetc/passwd')).toBe(`${ROOT}/etc/passwd`);
  });

  it('gives each file an explicit content type (module scripts need one; responses say nosniff)', () => {
    const decision = resolveRendererFile('app://custodian/assets/index.JS', ROOT, path.posix);
    expect(decision.ok && decision.contentType).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/b.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('no-extension')).toBe('application/octet-stream');
    expect(contentTypeFor('evil.html.exe')).toBe('application/octet-stream');
  });
});

describe('resolveRendererFile: path traversal and other refusals', () => {
  it('keeps literal and percent-encoded dot segments inside the folder (the URL parser removes them)', () => {
    // These never reach the file system outside ROOT: at worst they name a missing file inside it.
    for (const url of [
      'app://custodian/../../etc/passwd',
      'app://custodian/%2e%2e/%2e%2e/etc/passwd',
      'app://custodian/%2E%2E/%2e./.%2e/etc/passwd',
      'app://custodian/assets/../../../../etc/passwd',
    ]) {
      const file = served(url);
      expect(file, url).toBeDefined();
      expect(file?.startsWith(`${ROOT}/`), url).toBe(true);
      expect(file, url).toBe(`${ROOT}/etc/passwd`);
    }
  });

  it.each([
    'app://custodian/..%2f..%2f..%2fetc%2fpasswd',
    'app://custodian/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://custodian/assets/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://custodian/%2e%2e%2fmain_window-sibling%2fsecret.txt',
    'app://custodian/..%2f',
  ])('refuses encoded-separator traversal %s with 403', (url) => {
    expect(refusal(url)).toBe(403);
  });

  it('refuses a sibling folder whose name merely starts with the root name', () => {
    // "/x/main_window-evil" starts with "/x/main_window" as a string; it is not inside it.
    expect(refusal('app://custodian/..%2fmain_window-evil%2findex.html')).toBe(403);
  });

  it('refuses the renderer folder itself (a directory, not a file)', () => {
    expect(refusal('app://custodian/.%2f')).toBe(403);
  });

  it.each([
    ['backslash traversal', 'app://custodian/..%5c..%5c..%5cWindows%5cwin.ini'],
    ['mixed separators', 'app://custodian/assets%5c..%2f..%5c..%5csecret.txt'],
    ['an absolute drive path', 'app://custodian/C:%5cWindows%5cwin.ini'],
    ['an absolute drive path with slashes', 'app://custodian/C:/Windows/win.ini'],
    ['a UNC path', 'app://custodian/%5c%5cattacker%5cshare%5cpayload.js'],
    ['another drive, drive-relative', 'app://custodian/D:secret.txt'],
  ])('on Windows, refuses %s', (_why, url) => {
    expect(refusal(url, 'C:\\Program Files\\Custodian\\resources\\app.asar\\.vite\\renderer\\main_window', path.win32)).toBe(403);
  });

  it('on Windows, still serves ordinary files', () => {
    const root = 'C:\\Program Files\\Custodian\\resources\\app.asar\\.vite\\renderer\\main_window';
    expect(served('app://custodian/assets/index.js', root, path.win32)).toBe(`${root}\\assets\\index.js`);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['no host', 'app:///index.html'],
    ['an empty authority', 'app://'],
    ['a look-alike host', 'app://custodian.evil/index.html'],
    ['userinfo', 'app://evil@custodian/index.html'],
    ['another port', 'app://custodian:8080/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://custodian/index.html'],
  ])('refuses %s with 403', (_why, url) => {
    expect(refusal(url)).toBe(403);
  });

  it.each([
    ['a malformed URL', 'app://custodian:99999/index.html'],
    ['an unterminated IPv6 host', 'app://[::1/index.html'],
    ['not a URL at all', 'index.html'],
    ['bad percent-encoding', 'app://custodian/%E0%A4%A.js'],
    ['a NUL byte', 'app://custodian/index.html%00.png'],
  ])('refuses %s with 400', (_why, url) => {
    expect(refusal(url)).toBe(400);
  });
});
