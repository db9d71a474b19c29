/**
 * The central API's address as a person types it on the Sync settings page. Tokens and custody records travel to it,
 * so it must be https; plain http is allowed only for this machine's own loopback (a server started for development
 * or a test), where nothing crosses a network. Parsed by hand: src-shared runs where no URL class is guaranteed.
 */
export type ServerUrlCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

// scheme://host[:port][/path] and nothing else: no credentials, query or fragment.
const SHAPE = /^([a-z][a-z0-9+.-]*):\/\/(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::([0-9]{1,5}))?(\/[^\s?#]*)?$/i;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.[0-9]{1,3}){3}$/.test(host);
}

/** The server URL, normalised (scheme and host lower-cased, no trailing slash), or what is wrong with it. */
export function checkServerUrl(text: string): ServerUrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter the address of the Custodian server' };
  const match = SHAPE.exec(trimmed);
  if (!match) return { ok: false, message: 'Enter a server address in the correct format, like https://custodian.example.gov.uk' };
  const scheme = (match[1] ?? '').toLowerCase();
  const host = (match[2] ?? '').toLowerCase();
  const port = match[3];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { ok: false, message: 'The port must be a number from 1 to 65535' };
  if (scheme !== 'https' && scheme !== 'http') return { ok: false, message: 'The server address must start with https://' };
  if (scheme === 'http' && !isLoopback(host)) {
    return { ok: false, message: 'The server address must start with https:// (plain http is only for a server on this computer)' };
  }
  const path = (match[4] ?? '').replace(/\/+$/, '');
  return { ok: true, url: `${scheme}://${host}${port === undefined ? '' : `:${port}`}${path}` };
}
