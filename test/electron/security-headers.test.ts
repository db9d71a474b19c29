import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-shared/security/csp';
import { securityHeaders, withHeaders } from '../../src-main/electron/security-headers';

describe('securityHeaders', () => {
  it('carries the given CSP and forbids MIME sniffing', () => {
    const csp = contentSecurityPolicy();
    expect(securityHeaders(csp)).toMatchObject({ 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
    expect(csp).toContain("script-src 'self'");
  });
});

describe('withHeaders (for onHeadersReceived)', () => {
  const ours = securityHeaders("default-src 'self'");

  it('replaces a server CSP whatever its casing, instead of adding a second policy', () => {
    const result = withHeaders(
      { 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"], 'CONTENT-SECURITY-POLICY': 'x' },
      ours,
    );
    const cspKeys = Object.keys(result).filter((name) => name.toLowerCase() === 'content-security-policy');
    expect(cspKeys).toEqual(['Content-Security-Policy']);
    expect(result['Content-Security-Policy']).toEqual(["default-src 'self'"]);
    expect(result['X-Content-Type-Options']).toEqual(['nosniff']);
  });

  it('keeps every other header, normalising single values to arrays', () => {
    const result = withHeaders({ 'Content-Type': 'text/html', 'Set-Cookie': ['a=1', 'b=2'] }, ours);
    expect(result['Content-Type']).toEqual(['text/html']);
    expect(result['Set-Cookie']).toEqual(['a=1', 'b=2']);
  });

  it('works when the response had no headers', () => {
    expect(Object.keys(withHeaders(undefined, ours)).sort()).toEqual(Object.keys(ours).sort());
  });

  it('does not modify the headers it was given', () => {
    const existing = { 'content-security-policy': ['lax'] };
    withHeaders(existing, ours);
    expect(existing).toEqual({ 'content-security-policy': ['lax'] });
  });
});
