import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, appOriginFor } from '../../src-main/electron/app-origin';

describe('app origin', () => {
  it('is app://custodian in a packaged build, and the entry page is on it', () => {
    expect(APP_ORIGIN).toBe('app://custodian');
    expect(appOriginFor(undefined)).toBe('app://custodian');
    expect(APP_ENTRY_URL).toBe('app://custodian/index.html');
  });

  it("is the dev server's origin (no path) under electron-forge start", () => {
    expect(appOriginFor('http://localhost:5173')).toBe('http://localhost:5173');
    expect(appOriginFor('http://localhost:5174/some/path?x=1')).toBe('http://localhost:5174');
  });

  it('refuses a dev server URL that is malformed or not http(s)', () => {
    expect(() => appOriginFor('localhost:5173')).toThrow(/http/);
    expect(() => appOriginFor('not a url')).toThrow(/not a valid URL/);
    expect(() => appOriginFor('file:///tmp/index.html')).toThrow(/http/);
    expect(() => appOriginFor('javascript:alert(1)')).toThrow(/http/);
  });
});
