import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNEL } from '../../src-shared/api/bridge';
import { err, type Result } from '../../src-shared/result';
import type { AppServices } from '../bridge/app-services';
import { isTrustedSender } from './sender';

interface InvokeHandlerOptions {
  readonly services: AppServices;
  /** The Custodian window, or null while there is none. */
  readonly mainWindow: () => BrowserWindow | null;
  readonly appOrigin: string;
}

/** Whether the message came from the top-level frame of the Custodian window (not an iframe, not another window). */
function fromMainFrameOf(window: BrowserWindow | null, event: IpcMainInvokeEvent): boolean {
  // Read once and early: Electron returns null once the frame has navigated away or been destroyed.
  const frame = event.senderFrame;
  if (window === null || window.isDestroyed() || frame === null) return false;
  const contents = window.webContents;
  // Compared by id, not object identity, so the check does not depend on Electron reusing wrapper objects.
  return event.sender.id === contents.id && frame.frameTreeNodeId === contents.mainFrame.frameTreeNodeId;
}

/**
 * The one IPC entry point. The sender is checked before anything else; then the handler table (which validates
 * the method name and input) runs. Every outcome, refusal included, is a Result value: nothing is thrown across IPC.
 */
export function registerInvokeHandler({ services, mainWindow, appOrigin }: InvokeHandlerOptions): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const frameUrl = event.senderFrame?.url ?? null;
    if (!isTrustedSender(frameUrl, fromMainFrameOf(mainWindow(), event), appOrigin)) {
      console.error(`[ipc] refused ${String(method)} from untrusted sender ${frameUrl ?? '(unknown frame)'}`);
      return err('forbidden', 'This request did not come from the Custodian window, so it was refused.');
    }
    try {
      return await services.dispatch(method, input);
    } catch (error) {
      // dispatch promises never to throw; if it ever does, the renderer still gets a value, and the cause is logged.
      console.error(`[ipc] ${String(method)} threw:`, error);
      return err('internal', 'Custodian could not complete the request. Restart Custodian and try again.');
    }
  });
}
