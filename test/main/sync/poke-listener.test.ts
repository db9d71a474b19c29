import { describe, expect, it } from 'vitest';
import { createPokeListener } from '../../../src-main/sync/engine/poke-listener';
import { createSseParser, type ServerSentEvent } from '../../../src-main/sync/engine/sse-parser';
import type { PokeAuthFailure } from '../../../src-main/sync/engine/ports';
import { FakeTimers, settle, TOKEN } from './fakes';

describe('server-sent events parser', () => {
  function parseAll(chunks: readonly string[]): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    const feed = createSseParser((event) => events.push(event));
    for (const chunk of chunks) feed(chunk);
    return events;
  }

  it('reads event types and data, ignoring comments (heartbeats)', () => {
    expect(parseAll([': heartbeat\n\nevent: poke\ndata: {}\n\ndata: hello\ndata:world\n\n'])).toEqual([
      { event: 'poke', data: '{}' },
      { event: 'message', data: 'hello\nworld' },
    ]);
  });

  it('copes with lines split across chunks and with CRLF and CR line ends, even a CRLF split in two', () => {
    expect(parseAll(['eve', 'nt: po', 'ke\r', '\n', 'data: 1\r\n\r', '\nevent: poke\rdata: 2\r\r'])).toEqual([
      { event: 'poke', data: '1' },
      { event: 'poke', data: '2' },
    ]);
  });

  it('dispatches nothing for an event never ended by a blank line', () => {
    expect(parseAll(['event: poke\ndata: x\n'])).toEqual([]);
  });
});

/** A streaming response whose body the test writes to. */
function streamingResponse(status = 200) {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status, headers: { 'content-type': 'text/event-stream' } }),
    write: (text: string) => controller?.enqueue(encoder.encode(text)),
    end: () => controller?.close(),
    fail: () => controller?.error(new Error('connection reset')),
  };
}

function setup(answers: (() => Response | Promise<Response>)[]) {
  const timers = new FakeTimers();
  const requests: { url: string; init: RequestInit }[] = [];
  let pokes = 0;
  let authFailures = 0;
  const failures: PokeAuthFailure[] = [];
  const listener = createPokeListener({
    serverUrl: 'https://custodian.example.gov.uk',
    timers,
    random: () => 0.5,
    fetch: (input, init) => {
      requests.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {} });
      const answer = answers.shift();
      return answer ? Promise.resolve(answer()) : new Promise<Response>(() => undefined);
    },
  });
  const handle = listener.start(TOKEN, {
    onPoke: () => (pokes += 1),
    onAuthFailure: (failure) => {
      authFailures += 1;
      failures.push(failure);
    },
  });
  return { timers, requests, handle, failures, counts: () => ({ pokes, authFailures }) };
}

describe('poke listener', () => {
  it('asks for the event stream with the token and calls onPoke for each poke event only', async () => {
    const stream = streamingResponse();
    const { requests, counts, handle } = setup([() => stream.response]);
    await settle();
    expect(requests[0]?.url).toBe('https://custodian.example.gov.uk/api/v1/sync/poke');
    expect(requests[0]?.init.headers).toMatchObject({ accept: 'text/event-stream', authorization: `Bearer ${TOKEN}` });
    stream.write('event: poke\ndata: {}\n\n: ping\n\nevent: other\ndata: x\n\nevent: po');
    stream.write('ke\n\n');
    await settle();
    expect(counts()).toEqual({ pokes: 2, authFailures: 0 });
    handle.stop();
  });

  it('reconnects with backoff when the stream ends or fails, and pokes once per reconnection (a poke may have been missed)', async () => {
    const first = streamingResponse();
    const second = streamingResponse();
    const { timers, requests, counts, handle } = setup([() => first.response, () => Promise.reject(new TypeError('fetch failed')), () => second.response]);
    await settle();
    first.write(': hello\n\n');
    await settle();
    first.end();
    await settle();
    expect(timers.pendingDelays()).toEqual([1_000]);
    timers.advance(1_000);
    await settle();
    expect(requests).toHaveLength(2);
    expect(timers.pendingDelays()).toEqual([2_000]); // the failed attempt doubles the ceiling
    timers.advance(2_000);
    await settle();
    expect(requests).toHaveLength(3);
    expect(counts().pokes).toBe(1);
    handle.stop();
  });

  it('keeps retrying (slowly) a server without the poke endpoint; polling carries on meanwhile', async () => {
    const { timers, requests, handle } = setup([() => new Response('no', { status: 404 }), () => new Response('no', { status: 404 })]);
    await settle();
    expect(timers.pendingDelays()).toEqual([1_000]);
    timers.advance(1_000);
    await settle();
    expect(requests).toHaveLength(2);
    expect(timers.pendingDelays()).toEqual([2_000]);
    handle.stop();
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('stops for good on 401: the sign-in has ended', async () => {
    const { timers, counts, failures } = setup([() => new Response('', { status: 401 })]);
    await settle();
    expect(counts()).toEqual({ pokes: 0, authFailures: 1 });
    expect(failures).toEqual([{ code: 'http_401', message: null }]);
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('passes on the code and message of a 401, so a disabled account is told from an expired session', async () => {
    const envelope = (code: string, message: string) => () =>
      new Response(JSON.stringify({ ok: false, error: { code, message, fields: {} } }), { status: 401, headers: { 'content-type': 'application/json' } });
    const disabled = setup([envelope('account_disabled', 'This account has been disabled.')]);
    const expired = setup([envelope('unauthorised', 'Your session has expired. Sign in again.')]);
    await settle();
    expect(disabled.failures).toEqual([{ code: 'account_disabled', message: 'This account has been disabled.' }]);
    expect(expired.failures).toEqual([{ code: 'unauthorised', message: 'Your session has expired. Sign in again.' }]);
  });

  it('treats a silent connection as dead after the idle limit and reconnects', async () => {
    const silent = streamingResponse();
    const { timers, requests, handle } = setup([() => silent.response]);
    await settle();
    expect(timers.pendingDelays()).toEqual([90_000]);
    timers.advance(90_000);
    await settle();
    expect(timers.pendingDelays()).toEqual([1_000]);
    timers.advance(1_000);
    await settle();
    expect(requests).toHaveLength(2);
    handle.stop();
  });

  it('stop aborts the open request and cancels any reconnect', async () => {
    const stream = streamingResponse();
    const { requests, timers, handle } = setup([() => stream.response]);
    await settle();
    handle.stop();
    expect(requests[0]?.init.signal?.aborted).toBe(true);
    await settle();
    expect(timers.pendingDelays()).toEqual([]);
  });
});
