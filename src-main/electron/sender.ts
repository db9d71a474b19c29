import { isAppUrl } from './navigation';

/**
 * Whether an IPC message may be served: it must come from the main frame of the Custodian window (not an iframe,
 * not another window) and that frame must currently show the app's origin. `frameUrl` is null when Electron no
 * longer knows the frame (it navigated away or was destroyed), which is refused too.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean, appOrigin: string): boolean {
  if (!isMainFrame) return false;
  if (frameUrl === null || frameUrl === undefined) return false;
  return isAppUrl(frameUrl, appOrigin);
}
