import { contentSecurityPolicy } from '../../src-shared/security/csp';
import { securityHeaders } from '../../src-shared/security/headers';

/** The headers Electron's app:// handler sends, plus no caching: the web shell's pages hold custody records. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...securityHeaders(contentSecurityPolicy()),
  'Cache-Control': 'no-store',
};
