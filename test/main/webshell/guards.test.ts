import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, secretMatches } from '../../../src-main/webshell/guards';

describe('isAllowedHost', () => {
  it('accepts only the loopback names on our port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
  });

  it.each([undefined, '', '127.0.0.1', '127.0.0.1:4001', 'evil.example:4000', 'localhost.evil.example:4000', '127.0.0.1:4000.evil', '[::1]:4000', '0.0.0.0:4000'])(
    'refuses %s (DNS rebinding and look-alikes)',
    (host) => {
      expect(isAllowedHost(host, 4000)).toBe(false);
    },
  );
});

describe('isAllowedOrigin', () => {
  it('accepts no Origin (same-origin GET, or a non-browser client that still needs the secret) and our own', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true);
  });

  it.each([
    'null',
    'https://127.0.0.1:4000',
    'http://127.0.0.1:4001',
    'http://127.0.0.1',
    'http://evil.example',
    'http://127.0.0.1:4000.evil.example',
    'http://127.0.0.1:4000@evil.example',
    'http://127.0.0.1:4000/path',
    'file://',
    'not a url',
  ])('refuses %s', (origin) => {
    expect(isAllowedOrigin(origin, 4000)).toBe(false);
  });
});

describe('secretMatches', () => {
  it('accepts only the exact secret', () => {
    expect(secretMatches('s3cret', 's3cret')).toBe(true);
    expect(secretMatches(undefined, 's3cret')).toBe(false);
    expect(secretMatches('', 's3cret')).toBe(false);
    expect(secretMatches('s3cre', 's3cret')).toBe(false);
    expect(secretMatches('s3cret ', 's3cret')).toBe(false);
    expect(secretMatches('S3CRET', 's3cret')).toBe(false);
  });
});
