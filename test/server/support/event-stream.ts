import { SYNC_PATHS } from '../../../src-shared/sync/protocol';

/** An open GET /api/v1/sync/poke over real HTTP, read as text as it arrives (no timers: every wait is on data). */
export class EventStream {
  private buffer = '';
  private done = false;
  private readonly decoder = new TextDecoder();

  private constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  static async open(baseUrl: string, token?: string): Promise<{ status: number; contentType: string | null; stream?: EventStream; json?: unknown }> {
    const response = await fetch(`${baseUrl}${SYNC_PATHS.poke}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
    const contentType = response.headers.get('content-type');
    if (response.status !== 200 || !response.body) return { status: response.status, contentType, json: await response.json() };
    return { status: 200, contentType, stream: new EventStream(response.body.getReader()) };
  }

  private async read(): Promise<boolean> {
    const { done, value } = await this.reader.read();
    if (done) {
      this.done = true;
      return false;
    }
    this.buffer += this.decoder.decode(value, { stream: true });
    return true;
  }

  /** Reads until `text` has arrived and consumes everything up to and including it; fails if the stream ends first. */
  async next(text: string): Promise<string> {
    while (!this.buffer.includes(text)) {
      if (this.done || !(await this.read())) throw new Error(`The event stream ended before "${text}"; it sent: ${JSON.stringify(this.buffer)}`);
    }
    const at = this.buffer.indexOf(text) + text.length;
    const before = this.buffer.slice(0, at);
    this.buffer = this.buffer.slice(at);
    return before;
  }

  /** Reads until the server ends the stream; returns what arrived meanwhile. */
  async ended(): Promise<string> {
    while (!this.done && (await this.read()));
    return this.buffer;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}
