import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { WEB_SHELL_INVOKE_PATH, WEB_SHELL_SECRET_HEADER } from '../../src-shared/api/bridge';
import type { ImportPreview } from '../../src-shared/import/contract';
import { FILE_TOO_LARGE_MESSAGE, MAX_IMPORT_BASE64_LENGTH, MAX_IMPORT_FILE_BYTES } from '../../src-shared/import/limits';
import { createWebShell, INVOKE_BODY_LIMIT_BYTES, listenOnLoopback } from '../../src-main/webshell/server';
import { testDispatcher } from '../support/dispatcher';
import { ASSET_HEADER, assetLine, value } from './support';

// A 50 MB file takes seconds to read on a busy machine; the default 5 s is a timeout, not a speed check.
vi.setConfig({ testTimeout: 60_000 });

/** A CSV of `bytes` bytes or just under: rows with long notes, so 50 MB is about 26,000 rows. */
function bigCsv(bytes: number): Buffer {
  const notes = 'n'.repeat(1900);
  const lines = [ASSET_HEADER];
  let size = ASSET_HEADER.length + 1;
  for (let i = 0; ; i += 1) {
    const line = assetLine({ tag: `LT-${String(i)}`, serial: `SN-${String(i)}`, notes });
    if (size + line.length + 1 > bytes) break;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('a 50 MB file', () => {
  it('is previewed within the limits, and the app keeps answering while it is read', async () => {
    const { dispatch } = testDispatcher();
    const file = bigCsv(MAX_IMPORT_FILE_BYTES);
    expect(file.length).toBeGreaterThan(MAX_IMPORT_FILE_BYTES - 4096);
    let turns = 0;
    let reading = true;
    const tick = () => {
      if (!reading) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const preview = value(await dispatch('import.preview', { kind: 'assets', fileName: 'big.csv', contentBase64: file.toString('base64') })) as ImportPreview;
    reading = false;
    expect([preview.errorCount, preview.valid]).toEqual([0, preview.rows]);
    expect(preview.rows).toBeGreaterThan(25_000);
    // The event loop ran between chunks of rows: other calls (and the window) are not frozen for the whole read.
    expect(turns).toBeGreaterThan(10);
  });

  it('over the limit is refused with a clear message, whether the bridge or the decoder sees it first', async () => {
    const { dispatch } = testDispatcher();
    // One byte over still fits the base64 length (4 characters per 3 bytes, rounded up): the decoder refuses it.
    const oneOver = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1).toString('base64');
    const decoded = value(await dispatch('import.preview', { kind: 'assets', fileName: 'big.csv', contentBase64: oneOver })) as ImportPreview;
    expect(decoded).toMatchObject({ rows: 0, valid: 0, errors: [{ row: 0, field: '', message: FILE_TOO_LARGE_MESSAGE }] });
    // Further over, the handler table's schema refuses it before anything is decoded.
    const fourOver = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 4).toString('base64');
    expect(fourOver.length).toBeGreaterThan(MAX_IMPORT_BASE64_LENGTH);
    const refused = await dispatch('import.preview', { kind: 'assets', fileName: 'big.csv', contentBase64: fourOver });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { contentBase64: FILE_TOO_LARGE_MESSAGE } } });
  });
});

describe('the web shell', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('accepts an import body far above the 1 MiB default, up to a 50 MB file as base64', async () => {
    expect(INVOKE_BODY_LIMIT_BYTES).toBeGreaterThan(MAX_IMPORT_BASE64_LENGTH + 1000);
    const secret = 'b'.repeat(64);
    app = createWebShell({ dispatch: testDispatcher().dispatch, secret });
    const port = await listenOnLoopback(app, 0);
    const contentBase64 = bigCsv(3 * 1024 * 1024).toString('base64');
    const response = await fetch(`http://127.0.0.1:${String(port)}${WEB_SHELL_INVOKE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEB_SHELL_SECRET_HEADER]: secret },
      body: JSON.stringify({ method: 'import.preview', input: { kind: 'assets', fileName: 'three-mb.csv', contentBase64 } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: ImportPreview };
    expect(body.ok).toBe(true);
    expect(body.value.valid).toBeGreaterThan(1500);
  });
});
