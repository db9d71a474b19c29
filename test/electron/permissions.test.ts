import { describe, expect, it } from 'vitest';
import {
  devicePermissionDecision,
  GRANTED_PERMISSIONS,
  permissionCheckDecision,
  permissionRequestDecision,
} from '../../src-main/electron/permissions';

// Every permission name Electron 40's request and check handlers can be asked about, plus an unknown one.
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'keyboardLock',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'pointerLock',
  'serial',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'unknown',
  'usb',
  'window-management',
  'a-permission-added-in-a-later-electron',
];

describe('permissions', () => {
  it('grants nothing by default: the allow-list is empty', () => {
    expect(GRANTED_PERMISSIONS.size).toBe(0);
  });

  it.each(PERMISSIONS)('denies a request for %s', (permission) => {
    expect(permissionRequestDecision(permission)).toBe(false);
  });

  it.each(PERMISSIONS)('answers a check for %s with "denied"', (permission) => {
    expect(permissionCheckDecision(permission)).toBe(false);
  });

  it('never exposes a HID, serial or USB device', () => {
    expect(devicePermissionDecision()).toBe(false);
  });
});
