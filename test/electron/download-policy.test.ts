import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  downloadUrlDecision,
  FALLBACK_FILE_NAME,
  safeDownloadName,
  saveDialogFilters,
  saveDialogOptions,
} from '../../src-main/electron/download-policy';

const APP = 'app://custodian';
const DEV = 'http://localhost:5173';

describe('which download URLs are accepted', () => {
  it.each([
    ['blob:app://custodian/2f1c3a6e-9d1b-4c55-b0a2-6f0c8f2d9e11', APP],
    ['blob:APP://Custodian/2f1c3a6e-9d1b-4c55-b0a2-6f0c8f2d9e11', APP],
    ['app://custodian/templates/assets.csv', APP],
    ['blob:http://localhost:5173/2f1c3a6e-9d1b-4c55-b0a2-6f0c8f2d9e11', DEV],
  ])('accepts %s (app origin %s)', (url, appOrigin) => {
    expect(downloadUrlDecision(url, appOrigin)).toEqual({ allow: true });
  });

  it.each([
    // Look-alike origins inside blob: URLs.
    'blob:app://custodian.evil/2f1c3a6e',
    'blob:app://custodian:8080/2f1c3a6e',
    'blob:app://user@custodian/2f1c3a6e',
    'blob:app://evil@custodian/2f1c3a6e',
    'blob:app://evil.example/app://custodian/2f1c3a6e',
    'blob:https://custodian/2f1c3a6e',
    'blob:https://evil.example/2f1c3a6e',
    // Blobs of an opaque origin (a sandboxed frame, data: page) and nested blobs.
    'blob:null/2f1c3a6e',
    'blob:blob:app://custodian/2f1c3a6e',
    'blob:',
    // Everything that is not the app.
    'https://evil.example/custodian-assets.csv',
    'http://127.0.0.1:8080/custodian-assets.csv',
    'file:///etc/passwd',
    'data:text/csv;base64,YSxiCg==',
    'javascript:alert(1)',
    'filesystem:app://custodian/temporary/x.csv',
    'app://custodian.evil/x.csv',
    'app://custodian@evil/x.csv',
    'about:blank',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    const decision = downloadUrlDecision(url, APP);
    expect(decision.allow).toBe(false);
    if (!decision.allow) expect(decision.reason).not.toBe('');
  });

  it('refuses the packaged origin when running from the dev server, and the other way round', () => {
    expect(downloadUrlDecision('blob:app://custodian/2f1c3a6e', DEV).allow).toBe(false);
    expect(downloadUrlDecision('blob:http://localhost:5173/2f1c3a6e', APP).allow).toBe(false);
    expect(downloadUrlDecision('blob:http://localhost:5174/2f1c3a6e', DEV).allow).toBe(false);
  });
});

describe('the suggested file name', () => {
  it('keeps an ordinary export name as it is', () => {
    expect(safeDownloadName('custodian-assets-2024-05-01.csv')).toBe('custodian-assets-2024-05-01.csv');
    expect(safeDownloadName('Équipe données.xlsx')).toBe('Équipe données.xlsx');
  });

  it.each([
    ['../../.bashrc', '_.._.bashrc'],
    ['..\\..\\Windows\\System32\\evil.dll', '_.._Windows_System32_evil.dll'],
    ['/etc/cron.d/job', '_etc_cron.d_job'],
    ['C:\\Users\\Public\\x.csv', 'C__Users_Public_x.csv'],
    ['\\\\server\\share\\x.csv', '__server_share_x.csv'],
    ['reports/2024/assets.csv', 'reports_2024_assets.csv'],
  ])('never lets %j be a path: %j', (suggested, safe) => {
    const name = safeDownloadName(suggested);
    expect(name).toBe(safe);
    expect(name).not.toMatch(/[/\\]/);
  });

  it.each([
    ['.bashrc', 'bashrc'],
    ['...hidden.csv', 'hidden.csv'],
    ['  . .profile', 'profile'],
    ['.', FALLBACK_FILE_NAME],
    ['..', FALLBACK_FILE_NAME],
    ['', FALLBACK_FILE_NAME],
    ['   ', FALLBACK_FILE_NAME],
    ['export.csv. . ', 'export.csv'],
  ])('drops leading dots and spaces (and trailing ones, which Windows drops): %j → %j', (suggested, safe) => {
    const name = safeDownloadName(suggested);
    expect(name).toBe(safe);
    expect(name.startsWith('.')).toBe(false);
  });

  it('removes control characters and invisible bidi overrides', () => {
    // U+202E would make "report\u202Evsc.exe" read as "reportexe.csv".
    expect(safeDownloadName('report\u202Evsc.exe')).toBe('reportvsc.exe');
    expect(safeDownloadName('a\u0000b\r\nc\u200Bd.csv')).toBe('abcd.csv');
    expect(safeDownloadName('\u0000.csv')).toBe('csv');
  });

  it('replaces the other characters Windows refuses', () => {
    expect(safeDownloadName('a:b*c?d"e<f>g|h.csv')).toBe('a_b_c_d_e_f_g_h.csv');
  });

  it.each(['CON', 'nul.csv', 'com1.xlsx', 'LPT9', 'aux.tar.gz'])('does not offer the Windows device name %j as it is', (device) => {
    expect(safeDownloadName(device)).toBe(`_${device}`);
  });

  it('shortens a very long name but keeps its extension, never splitting a character', () => {
    const long = safeDownloadName(`${'a'.repeat(500)}.xlsx`);
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith('.xlsx')).toBe(true);
    const emoji = safeDownloadName(`${'😀'.repeat(300)}.csv`);
    expect(Array.from(emoji)).toHaveLength(120);
    expect(emoji).toBe(`${'😀'.repeat(116)}.csv`);
  });
});

describe('the save dialog', () => {
  it('filters to the file type, named the way people know it', () => {
    expect(saveDialogFilters('custodian-assets.csv')).toEqual([{ name: 'CSV file', extensions: ['csv'] }]);
    expect(saveDialogFilters('custodian-people.XLSX')).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
    expect(saveDialogFilters('notes.txt')).toEqual([{ name: 'TXT file', extensions: ['txt'] }]);
  });

  it('has no filter for a name without a usable extension', () => {
    expect(saveDialogFilters('download')).toEqual([]);
    expect(saveDialogFilters('archive.')).toEqual([]);
    expect(saveDialogFilters('x.not-an-extension')).toEqual([]);
  });

  it('opens in the downloads folder with the sanitised name and its filter', () => {
    const options = saveDialogOptions('../custodian-assets-2024-05-01.csv', '/home/person/Downloads');
    expect(options.defaultPath).toBe(path.join('/home/person/Downloads', '_custodian-assets-2024-05-01.csv'));
    expect(path.dirname(options.defaultPath ?? '')).toBe('/home/person/Downloads');
    expect(options.filters).toEqual([{ name: 'CSV file', extensions: ['csv'] }]);
    expect(options.title).toBe('Save the exported file');
    expect(options.properties).toContain('showOverwriteConfirmation');
  });
});
