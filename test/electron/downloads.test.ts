import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { SaveDialogOptions } from 'electron';
import { handleDownloads, type DownloadItemLike, type DownloadSession } from '../../src-main/electron/downloads';

type DoneState = 'completed' | 'cancelled' | 'interrupted';
type WillDownload = Parameters<DownloadSession['on']>[1];

/** A download as Electron hands it to will-download: records what the handler does with it. */
class FakeDownloadItem implements DownloadItemLike {
  dialogOptions: SaveDialogOptions | undefined;
  savePath = '';
  private done: ((event: unknown, state: DoneState) => void) | undefined;

  constructor(
    private readonly url: string,
    private readonly fileName: string,
  ) {}

  getURL = () => this.url;
  getFilename = () => this.fileName;
  getSavePath = () => this.savePath;
  setSaveDialogOptions(options: SaveDialogOptions): void {
    this.dialogOptions = options;
  }
  once(_event: 'done', listener: (event: unknown, state: DoneState) => void): this {
    this.done = listener;
    return this;
  }

  /** What Electron does once the save dialog is answered and the bytes are written (or not). */
  finish(state: DoneState, savePath = ''): void {
    this.savePath = savePath;
    this.done?.({}, state);
  }
}

function fakeSession() {
  const listeners: WillDownload[] = [];
  const session: DownloadSession = {
    // The interface only admits 'will-download', so every listener is one.
    on(_event, listener) {
      listeners.push(listener);
      return session;
    },
  };
  /** Starts a download the way Chromium does; returns whether the handler cancelled it outright. */
  function download(item: FakeDownloadItem): { prevented: boolean } {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    for (const listener of listeners) listener(event, item);
    return { prevented: event.prevented };
  }
  return { session, listeners, download };
}

const BLOB = 'blob:app://custodian/2f1c3a6e-9d1b-4c55-b0a2-6f0c8f2d9e11';
let warn: MockInstance<typeof console.warn>;
let info: MockInstance<typeof console.info>;
let error: MockInstance<typeof console.error>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function setUp() {
  const fake = fakeSession();
  const downloadsDir = vi.fn(() => '/home/person/Downloads');
  handleDownloads(fake.session, { appOrigin: 'app://custodian', downloadsDir });
  return { ...fake, downloadsDir };
}

describe('will-download', () => {
  it('listens on the session it is given, once', () => {
    const { listeners } = setUp();
    expect(listeners).toHaveLength(1);
  });

  it('offers an export of the app in the save dialog: sanitised name, downloads folder, its type', () => {
    const { download } = setUp();
    const item = new FakeDownloadItem(BLOB, '.custodian-assets-2024-05-01.csv');
    expect(download(item).prevented).toBe(false);
    expect(item.dialogOptions).toMatchObject({
      defaultPath: '/home/person/Downloads/custodian-assets-2024-05-01.csv',
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('asks for the downloads folder at each download, not once at start-up', () => {
    const { download, downloadsDir } = setUp();
    expect(downloadsDir).not.toHaveBeenCalled();
    download(new FakeDownloadItem(BLOB, 'a.csv'));
    download(new FakeDownloadItem(BLOB, 'b.csv'));
    expect(downloadsDir).toHaveBeenCalledTimes(2);
  });

  it.each([
    'https://evil.example/custodian-assets.csv',
    'blob:app://custodian.evil/2f1c3a6e',
    'blob:null/2f1c3a6e',
    'file:///home/person/.ssh/id_ed25519',
    'data:text/csv;base64,YSxiCg==',
  ])('cancels %s before any dialog, and logs it', (url) => {
    const { download } = setUp();
    const item = new FakeDownloadItem(url, 'custodian-assets.csv');
    expect(download(item).prevented).toBe(true);
    expect(item.dialogOptions).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[downloads\] refused /);
  });

  it('cuts a long refused URL short in the log', () => {
    const { download } = setUp();
    download(new FakeDownloadItem(`data:text/csv;base64,${'A'.repeat(10_000)}`, 'x.csv'));
    const line = String(warn.mock.calls[0]?.[0]);
    expect(line.length).toBeLessThan(250);
    expect(line).toContain('…');
  });

  it('logs a saved file, under the name the person chose', () => {
    const { download } = setUp();
    const item = new FakeDownloadItem(BLOB, 'custodian-people-2024-05-01.xlsx');
    download(item);
    item.finish('completed', '/home/person/Documents/people for audit.xlsx');
    expect(info).toHaveBeenCalledWith('[downloads] saved custodian-people-2024-05-01.xlsx as people for audit.xlsx');
    expect(error).not.toHaveBeenCalled();
  });

  it('logs a download cancelled in the save dialog as not saved', () => {
    const { download } = setUp();
    const item = new FakeDownloadItem(BLOB, 'custodian-assets.csv');
    download(item);
    // Electron ends the item 'cancelled' when the person cancels its save dialog.
    item.finish('cancelled');
    expect(info).toHaveBeenCalledWith('[downloads] custodian-assets.csv not saved: cancelled');
    expect(error).not.toHaveBeenCalled();
  });

  it('logs a failed download as an error', () => {
    const { download } = setUp();
    const item = new FakeDownloadItem(BLOB, 'custodian-assets.csv');
    download(item);
    item.finish('interrupted');
    expect(error).toHaveBeenCalledWith('[downloads] custodian-assets.csv could not be saved: the download was interrupted');
    expect(info).not.toHaveBeenCalled();
  });
});
