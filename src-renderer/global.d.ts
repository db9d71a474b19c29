import type { CustodianBridge } from '../src-shared/api/bridge';

declare global {
  interface Window {
    /** Exposed by Electron's preload; absent when the renderer is served by the web shell. */
    readonly custodian?: CustodianBridge;
  }
}

export {};
