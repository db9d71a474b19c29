import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The Electron executable, or why there is none. The `electron` package is optional and its binary is downloaded
 * by its own install script, which fails on machines without access to the download host.
 */
export function electronBinary() {
  try {
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { available: true, path };
    return { available: false, reason: `the Electron binary is missing (${String(path)})` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // electron/index.js throws "Electron failed to install correctly" when only the binary is missing.
    if (/failed to install correctly/.test(message)) return { available: false, reason: 'no Electron binary is installed' };
    if (/Cannot find module/.test(message)) return { available: false, reason: 'the optional electron package is not installed' };
    return { available: false, reason: message };
  }
}
