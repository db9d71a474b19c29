import path from 'node:path';
import type { FileFilter, SaveDialogOptions } from 'electron';
import { isAppUrl } from './navigation';

/**
 * Decisions for downloads (the renderer's exports: an `<a download>` of a Blob it made). Pure: the will-download
 * wiring is in downloads.ts.
 */

export type DownloadUrlDecision = { readonly allow: true } | { readonly allow: false; readonly reason: string };

/**
 * Only a blob: URL our own page created (`blob:app://custodian/<uuid>`), or a URL of the app origin itself. Anything
 * else (https, file:, data:, a blob: of another origin or of an opaque one, `blob:null/…`) is not something
 * Custodian offers, so it is refused rather than saved.
 */
export function downloadUrlDecision(url: string, appOrigin: string): DownloadUrlDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allow: false, reason: 'not a valid URL' };
  }
  if (parsed.protocol === 'blob:') {
    // A blob URL's path is the URL of the origin that created it; isAppUrl compares (scheme, host, port) exactly.
    return isAppUrl(parsed.pathname, appOrigin)
      ? { allow: true }
      : { allow: false, reason: 'a blob: URL not created by the app' };
  }
  return isAppUrl(url, appOrigin) ? { allow: true } : { allow: false, reason: `${parsed.protocol} URLs outside the app are not downloaded` };
}

/** Used when nothing of the suggested name survives. */
export const FALLBACK_FILE_NAME = 'download';
/** Well under every file system's 255-byte limit, even for multi-byte names. */
const MAX_NAME_CHARACTERS = 120;
/**
 * Path separators (both kinds, whatever the platform: a Windows name can arrive on Linux and vice versa) and the
 * other characters Windows refuses in a name. Each becomes "_", so the name stays recognisable.
 */
const UNSAFE_CHARACTERS = /[/\\:*?"<>|]/g;
/** Control and invisible formatting characters, including the bidi overrides that make "txt.exe" read as "exe.txt". */
const INVISIBLE_CHARACTERS = /[\p{Cc}\p{Cf}]/gu;
/** Names Windows keeps for devices, with or without an extension (CON, nul.csv, COM1, …). */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const EXTENSION = /\.([a-z0-9]{1,10})$/i;

/** The first `max` characters (code points, not UTF-16 units, so a surrogate pair is never cut in half). */
function truncate(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max).join('');
}

/**
 * The suggested name made safe to offer in a save dialog: a name, never a path (no separators, no leading dots
 * that would hide it or climb out of the folder), no invisible characters, not a Windows device name, and not too
 * long (the extension is kept). The person can still change it in the dialog.
 */
export function safeDownloadName(suggested: string): string {
  let name = suggested.normalize('NFC').replace(INVISIBLE_CHARACTERS, '').replace(UNSAFE_CHARACTERS, '_');
  // Leading dots hide the file or make it ".."; trailing dots and spaces are dropped by Windows anyway.
  name = name.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
  if (WINDOWS_DEVICE_NAME.test(name)) name = `_${name}`;
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  if (Array.from(name).length > MAX_NAME_CHARACTERS) {
    name = truncate(name.slice(0, name.length - extension.length), MAX_NAME_CHARACTERS - extension.length).trimEnd() + extension;
  }
  return name === '' ? FALLBACK_FILE_NAME : name;
}

/** How the save dialog describes the types Custodian exports; any other extension gets "<EXT> file". */
const KNOWN_TYPES: Readonly<Record<string, string>> = {
  csv: 'CSV file',
  xlsx: 'Excel workbook',
};

/** The save dialog's filter for the file's own extension (none when the name has no extension). */
export function saveDialogFilters(fileName: string): FileFilter[] {
  const extension = EXTENSION.exec(fileName)?.[1]?.toLowerCase();
  if (extension === undefined) return [];
  return [{ name: KNOWN_TYPES[extension] ?? `${extension.toUpperCase()} file`, extensions: [extension] }];
}

/**
 * The save dialog for a download: in the person's downloads folder, under the sanitised suggested name, filtered to
 * its type. Without a title Electron would show the blob: URL as one.
 */
export function saveDialogOptions(suggestedName: string, downloadsDir: string): SaveDialogOptions {
  const fileName = safeDownloadName(suggestedName);
  return {
    title: 'Save the exported file',
    defaultPath: path.join(downloadsDir, fileName),
    filters: saveDialogFilters(fileName),
    // Linux's dialog does not ask before replacing a file unless told to; macOS's can make a folder.
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}
