export { securityHeaders } from '../../src-shared/security/headers';

/**
 * Electron's `onHeadersReceived` gives headers as a record whose keys keep the server's casing. Header names are
 * case-insensitive, so an existing `content-security-policy` is removed before ours is added: otherwise the page
 * would get two policies, and a lax one from the server would be enforced alongside, not replaced.
 */
export function withHeaders(
  existing: Readonly<Record<string, string | string[]>> | undefined,
  extra: Readonly<Record<string, string>>,
): Record<string, string[]> {
  const replaced = new Set(Object.keys(extra).map((name) => name.toLowerCase()));
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(existing ?? {})) {
    if (!replaced.has(name.toLowerCase())) result[name] = Array.isArray(value) ? [...value] : [value];
  }
  for (const [name, value] of Object.entries(extra)) result[name] = [value];
  return result;
}
