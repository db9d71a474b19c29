/**
 * URL decisions for navigation, new windows and the IPC sender check. Every decision parses the URL and compares
 * origins as (scheme, host, port); a string prefix test would accept `app://custodian.evil` or
 * `app://custodian@evil`, and `URL.origin` cannot be used either: for a non-special scheme such as `app:` Node
 * reports the opaque origin "null", which would make `app://custodian` equal to `javascript:` or `data:`.
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The (scheme, host, port) tuple as a string, or null for a URL with an opaque origin (no host: javascript:,
 * data:, file:, blob:, about:) or with userinfo, which has no business in any URL this app loads or trusts.
 * Hosts are compared case-insensitively, as Chromium canonicalises them for standard schemes.
 */
function tupleOrigin(url: URL): string | null {
  if (url.host === '' || url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'file:') return null;
  return `${url.protocol}//${url.host.toLowerCase()}`;
}

/** True only when `url` is a well-formed URL of exactly the app's origin. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  const candidate = parse(url);
  const app = parse(appOrigin);
  if (candidate === null || app === null) return false;
  const candidateOrigin = tupleOrigin(candidate);
  return candidateOrigin !== null && candidateOrigin === tupleOrigin(app);
}

export type ExternalOpenDecision =
  | { readonly open: true; /** The re-serialised URL: what was checked is exactly what is opened. */ readonly url: string }
  | { readonly open: false; readonly reason: string };

/**
 * Whether a link the renderer tried to open in a new window may be handed to the person's browser.
 * Only https, with a host and without userinfo (`https://www.gov.uk@evil.example` reads as gov.uk but is not).
 * Everything else (http, file:, custom schemes that launch other programs, javascript:) is refused.
 */
export function externalOpenDecision(url: string): ExternalOpenDecision {
  const parsed = parse(url);
  if (parsed === null) return { open: false, reason: 'not a valid URL' };
  if (parsed.protocol !== 'https:') return { open: false, reason: `scheme ${parsed.protocol} is not opened externally` };
  if (parsed.username !== '' || parsed.password !== '') return { open: false, reason: 'URL contains a user name or password' };
  if (parsed.hostname === '') return { open: false, reason: 'URL has no host' };
  return { open: true, url: parsed.href };
}
