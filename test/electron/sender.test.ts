import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src-main/electron/sender';

const APP = 'app://custodian';

describe('isTrustedSender', () => {
  it('trusts the main frame showing the app', () => {
    expect(isTrustedSender('app://custodian/index.html#/assets', true, APP)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', true, 'http://localhost:5173')).toBe(true);
  });

  it('refuses a sub-frame even when it shows the app origin', () => {
    expect(isTrustedSender('app://custodian/index.html', false, APP)).toBe(false);
  });

  it('refuses when the frame is gone (Electron reports no frame)', () => {
    expect(isTrustedSender(null, true, APP)).toBe(false);
    expect(isTrustedSender(undefined, true, APP)).toBe(false);
  });

  it.each([
    'app://custodian.evil/index.html',
    'app://custodian@evil/index.html',
    'app://evil@custodian/index.html',
    'https://custodian/index.html',
    'file:///work/main/.vite/renderer/main_window/index.html',
    'about:blank',
    'data:text/html,<script>custodian.invoke("asset.create",{})</script>',
    'http://localhost:5173/',
    '',
    'app://custodian:1/',
  ])('refuses the main frame at %s', (url) => {
    expect(isTrustedSender(url, true, APP)).toBe(false);
  });
});
