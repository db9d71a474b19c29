import type { FastifyInstance } from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src-shared/ids';
import { createWebShell, listenOnLoopback } from '../../../src-main/webshell/server';
import { testDispatcher } from '../../support/dispatcher';
import { tempDir } from '../../support/store';

const SECRET = 'a'.repeat(64);
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send any Host header (fetch refuses to). */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/api/invoke', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function start(): Promise<number> {
  const rendererDir = tempDir();
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Custodian</title>');
  app = createWebShell({ dispatch: testDispatcher().dispatch, rendererDir, secret: SECRET, bodyLimitBytes: 64 * 1024 });
  return listenOnLoopback(app, 0);
}

function call(port: number, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(port, {
    headers: { host: `127.0.0.1:${String(port)}`, 'content-type': 'application/json', 'x-custodian-secret': SECRET, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const errorCode = (reply: Reply) => (JSON.parse(reply.body) as { error?: { code: string } }).error?.code;

describe('web shell', () => {
  it('listens on the IPv4 loopback only', async () => {
    await start();
    expect(app?.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves a call that carries the secret, from our own origin', async () => {
    const port = await start();
    const reply = await call(port, { method: 'asset.list', input: {} }, { origin: `http://127.0.0.1:${String(port)}` });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { items: [], total: 0 } });
  });

  it('refuses a call without the secret, or with a wrong one', async () => {
    const port = await start();
    const without = await send(port, { headers: { host: `127.0.0.1:${String(port)}`, 'content-type': 'application/json' }, body: '{"method":"asset.list","input":{}}' });
    expect([without.status, errorCode(without)]).toEqual([401, 'unauthorised']);
    const wrong = await call(port, { method: 'asset.list', input: {} }, { 'x-custodian-secret': 'b'.repeat(64) });
    expect([wrong.status, errorCode(wrong)]).toEqual([401, 'unauthorised']);
  });

  it('refuses a foreign Origin even with the secret', async () => {
    const port = await start();
    for (const origin of ['http://evil.example', `http://127.0.0.1:${String(port)}.evil.example`, 'null']) {
      const reply = await call(port, { method: 'asset.list', input: {} }, { origin });
      expect([reply.status, errorCode(reply)]).toEqual([403, 'forbidden']);
    }
  });

  it('refuses a foreign Host (DNS rebinding), for the API and for pages alike', async () => {
    const port = await start();
    const api = await call(port, { method: 'asset.list', input: {} }, { host: `evil.example:${String(port)}` });
    expect([api.status, errorCode(api)]).toEqual([403, 'forbidden']);
    const page = await send(port, { method: 'GET', path: '/', headers: { host: `evil.example:${String(port)}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<title>');
  });

  it('answers bad payloads with a clear error value, and keeps serving', async () => {
    const port = await start();
    const notJson = await call(port, '{"method": "asset.list", ');
    expect([notJson.status, errorCode(notJson)]).toEqual([400, 'invalid_input']);
    const notObject = await call(port, '[1,2,3]');
    expect([notObject.status, errorCode(notObject)]).toEqual([400, 'invalid_input']);
    const tooBig = await call(port, { method: 'asset.create', input: { model: 'x'.repeat(100 * 1024) } });
    expect([tooBig.status, errorCode(tooBig)]).toEqual([413, 'payload_too_large']);
    const wrongType = await call(port, 'method=asset.list', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(errorCode(wrongType)).toBe('invalid_input');
    const unknown = await call(port, { method: 'asset.destroyAll', input: {} });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'unknown_method']);
    const bad = await call(port, { method: 'asset.create', input: { id: newId(), assetTag: '', serialNumber: 'S', type: 'laptop', model: 'M' } });
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.body) as { error: { fields: unknown } }).error.fields).toEqual({ assetTag: 'Enter the asset tag' });
    expect((await call(port, { method: 'asset.list', input: {} })).status).toBe(200);
  });

  it('sends the strict CSP and hardening headers with pages', async () => {
    const port = await start();
    const page = await send(port, { method: 'GET', path: '/', headers: { host: `localhost:${String(port)}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('does not serve files outside the renderer folder', async () => {
    const port = await start();
    const reply = await send(port, { method: 'GET', path: '/../../../../etc/passwd', headers: { host: `127.0.0.1:${String(port)}` } });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('root:');
  });
});
