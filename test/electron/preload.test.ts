/**
 * The preload exposes exactly one object with exactly one function, which forwards to the one IPC channel and
 * hands the renderer nothing of Electron's (no ipcRenderer, no event).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../src-shared/api/bridge';

const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      electron.exposed.push([key, api]);
    },
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'from main' });
    },
  },
}));

beforeEach(async () => {
  electron.exposed.length = 0;
  electron.invoked.length = 0;
  vi.resetModules();
  await import('../../src-main/electron/preload');
});

describe('preload', () => {
  it('exposes one object, window.custodian, with only invoke', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['custodian']);
    const api = electron.exposed[0]?.[1];
    expect(Object.keys(api as object)).toEqual(['invoke']);
    expect(typeof (api as { invoke: unknown }).invoke).toBe('function');
  });

  it('forwards invoke(method, input) to the one channel and returns main’s answer unchanged', async () => {
    const api = electron.exposed[0]?.[1] as { invoke(method: string, input: unknown): Promise<unknown> };
    const input = { assetTag: 'ABC-1' };
    await expect(api.invoke('asset.create', input)).resolves.toEqual({ ok: true, value: 'from main' });
    expect(electron.invoked).toEqual([[INVOKE_CHANNEL, 'asset.create', input]]);
    expect(INVOKE_CHANNEL).toBe('custodian:invoke');
  });
});
