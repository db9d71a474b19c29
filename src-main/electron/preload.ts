/**
 * The preload runs sandboxed: it can only `require('electron')`, so Vite bundles the one shared import (a string
 * constant). It exposes exactly one object, `window.custodian`, with one function. The renderer never gets
 * `ipcRenderer` itself (that would let it send on any channel) nor the IPC event (which carries `sender`).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, type CustodianBridge } from '../../src-shared/api/bridge';
import type { Result } from '../../src-shared/result';

const bridge = {
  invoke: (method: string, input: unknown): Promise<Result<unknown>> => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
} satisfies CustodianBridge;

contextBridge.exposeInMainWorld('custodian', bridge);
