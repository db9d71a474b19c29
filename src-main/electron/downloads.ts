import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { downloadUrlDecision, safeDownloadName, saveDialogOptions } from './download-policy';

/** The parts of Electron's DownloadItem used here (Electron's own satisfies it; tests pass a small fake). */
export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  getSavePath(): string;
  setSaveDialogOptions(options: SaveDialogOptions): void;
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

/** The part of Electron's Session used here. */
export interface DownloadSession {
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: DownloadItemLike) => void): unknown;
}

export interface DownloadOptions {
  /** The origin the renderer is served from: only its blob: URLs (and its own URLs) are downloaded. */
  readonly appOrigin: string;
  /** Where the save dialog opens: asked at each download, as the person may change it while the app runs. */
  readonly downloadsDir: () => string;
}

/** URLs in log lines are cut short: a refused one may be a long data: URL, or carry anything. */
function shortUrl(url: string): string {
  return url.length > 100 ? `${url.slice(0, 100)}…` : url;
}

/**
 * Handles `will-download` on the window's session. The renderer's exports arrive as an `<a download>` of a Blob:
 * - a URL that is not a blob: of the app (or the app's own origin) is cancelled and logged;
 * - otherwise Electron shows its save dialog with our options (sanitised name, the person's downloads folder, a
 *   filter for the extension). Cancelling that dialog cancels the download: Electron then ends the item with
 *   'cancelled'. Setting the options, rather than calling dialog.showSaveDialogSync and setSavePath here, keeps the
 *   dialog asynchronous, so main goes on serving the store while it is open;
 * - how the download ended (saved, cancelled, failed) is logged.
 */
export function handleDownloads(session: DownloadSession, { appOrigin, downloadsDir }: DownloadOptions): void {
  session.on('will-download', (event, item) => {
    const url = item.getURL();
    const decision = downloadUrlDecision(url, appOrigin);
    if (!decision.allow) {
      event.preventDefault(); // cancels the download before anything is written
      console.warn(`[downloads] refused ${shortUrl(url)}: ${decision.reason}`);
      return;
    }
    const fileName = safeDownloadName(item.getFilename());
    item.setSaveDialogOptions(saveDialogOptions(fileName, downloadsDir()));
    item.once('done', (_event, state) => {
      if (state === 'completed') console.info(`[downloads] saved ${fileName} as ${path.basename(item.getSavePath())}`);
      else if (state === 'cancelled') console.info(`[downloads] ${fileName} not saved: cancelled`);
      else console.error(`[downloads] ${fileName} could not be saved: the download was interrupted`);
    });
  });
}
