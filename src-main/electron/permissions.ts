/**
 * Web permissions (camera, microphone, geolocation, notifications, clipboard read, HID/USB/serial, …).
 * Custodian needs none of them, so every request and every check is denied. Should a feature ever need one,
 * it is added to this allow-list on purpose, with a test, rather than by loosening a handler.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/** For `session.setPermissionRequestHandler`: the answer passed to its callback. */
export function permissionRequestDecision(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** For `session.setPermissionCheckHandler`: checks (e.g. `navigator.permissions.query`) get the same answer. */
export function permissionCheckDecision(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** For `session.setDevicePermissionHandler`: no HID, serial or USB device is ever exposed to the page. */
export function devicePermissionDecision(): boolean {
  return false;
}
