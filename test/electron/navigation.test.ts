import { describe, expect, it } from 'vitest';
import { externalOpenDecision, isAppUrl } from '../../src-main/electron/navigation';

const APP = 'app://custodian';
const DEV = 'http://localhost:5173';

describe('isAppUrl (packaged: app://custodian)', () => {
  it.each([
    'app://custodian/',
    'app://custodian/index.html',
    'app://custodian/index.html#/assets/new',
    'app://custodian/assets/index-abc123.js?v=1',
    'app://custodian',
    // Chromium canonicalises hosts of standard schemes to lower case; these are the same origin.
    'app://CUSTODIAN/index.html',
    'APP://custodian/index.html',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url, APP)).toBe(true);
  });

  it.each([
    ['a look-alike host', 'app://custodian.evil/index.html'],
    ['a host that merely starts with ours', 'app://custodianx/'],
    ['a trailing-dot host', 'app://custodian./'],
    ['userinfo hiding another host', 'app://custodian@evil/'],
    ['userinfo in front of our host', 'app://evil@custodian/'],
    ['a password in front of our host', 'app://user:pass@custodian/'],
    ['another port', 'app://custodian:8080/'],
    ['another scheme, same host', 'https://custodian/'],
    ['a file URL', 'file:///etc/passwd'],
    ['a file URL with our name as host', 'file://custodian/index.html'],
    ['javascript:', 'javascript:alert(document.domain)'],
    ['javascript: that mentions our origin', 'javascript://app://custodian/%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a blob of our origin (opaque to the parser)', 'blob:app://custodian/5b4b6a0e'],
    ['about:blank', 'about:blank'],
    ['a relative URL', '/index.html'],
    ['an empty string', ''],
    ['a malformed URL', 'app://'],
    ['an origin-prefix trick', 'app://custodian.evil.example/app://custodian'],
    ['the web shell', 'http://127.0.0.1:4000/'],
  ])('rejects %s (%s)', (_why, url) => {
    expect(isAppUrl(url, APP)).toBe(false);
  });
});

describe('isAppUrl (development: the Vite dev server)', () => {
  it('accepts pages of the dev server origin, default port normalised', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://LOCALHOST:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAppUrl('http://localhost/', 'http://localhost:80')).toBe(true);
  });

  it.each([
    'http://localhost:5174/',
    'http://localhost:51730/',
    'https://localhost:5173/',
    'ws://localhost:5173/',
    'http://localhost.evil.example:5173/',
    'http://localhost:5173@evil.example/',
    'http://evil.example/#http://localhost:5173',
    'http://127.0.0.1:5173/',
    'app://custodian/',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url, DEV)).toBe(false);
  });

  it('never treats two opaque origins as equal', () => {
    // URL.origin is "null" for both; comparing it would make these "the same origin".
    expect(isAppUrl('javascript:alert(1)', 'data:text/html,x')).toBe(false);
    expect(isAppUrl('data:text/html,x', 'data:text/html,x')).toBe(false);
    // file: URLs never make an origin, even where the parser gives them a host.
    expect(isAppUrl('file://server/share/index.html', 'file://server')).toBe(false);
  });

  it('rejects everything when the app origin itself is malformed', () => {
    expect(isAppUrl('app://custodian/', 'not a url')).toBe(false);
  });
});

describe('externalOpenDecision', () => {
  it('opens https links, passing on the re-serialised URL', () => {
    expect(externalOpenDecision('https://www.gov.uk/guidance')).toEqual({ open: true, url: 'https://www.gov.uk/guidance' });
    expect(externalOpenDecision('HTTPS://WWW.GOV.UK/a b')).toEqual({ open: true, url: 'https://www.gov.uk/a%20b' });
  });

  it.each([
    ['plain http', 'http://www.gov.uk/'],
    ['a file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['a UNC file URL', 'file://attacker.example/share/payload.exe'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['a custom scheme that launches a program', 'ms-msdt:/id PCWDiagnostic'],
    ['a search-ms URL', 'search-ms:query=secret&crumb=location:\\\\attacker\\share'],
    ['mailto', 'mailto:someone@example.gov.uk'],
    ['our own app scheme', 'app://custodian/'],
    ['userinfo disguising the host', 'https://www.gov.uk@evil.example/'],
    ['a password', 'https://user:secret@www.gov.uk/'],
    ['a malformed URL', 'https://'],
    ['a relative URL', '/assets'],
    ['an empty string', ''],
  ])('refuses %s', (_why, url) => {
    const decision = externalOpenDecision(url);
    expect(decision.open).toBe(false);
    if (!decision.open) expect(decision.reason).not.toBe('');
  });
});
