import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../src-main/electron/window-options';

const PRELOAD = '/opt/Custodian/resources/app.asar/.vite/build/preload.cjs';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions(PRELOAD);
  const web = options.webPreferences ?? {};

  it('isolates the renderer: context isolation, sandbox, no Node anywhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and <webview> off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload and nothing else that could add code', () => {
    expect(web.preload).toBe(PRELOAD);
    expect(web).not.toHaveProperty('additionalArguments');
    expect(web).not.toHaveProperty('enableBlinkFeatures');
  });

  it('opens hidden (shown on ready-to-show), titled Custodian, with a sensible size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Custodian');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? Infinity);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? Infinity);
    expect(options.minWidth).toBeGreaterThanOrEqual(320);
    expect(options.minHeight).toBeGreaterThanOrEqual(320);
  });

  it('returns a fresh object each time, so one window cannot alter the next one', () => {
    const first = mainWindowOptions(PRELOAD);
    if (first.webPreferences) first.webPreferences.sandbox = false;
    expect(mainWindowOptions(PRELOAD).webPreferences?.sandbox).toBe(true);
  });
});
