/** One server-sent event: its type ("message" unless an `event:` line said otherwise) and its data lines joined. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * A parser for the text/event-stream format (the WHATWG "server-sent events" rules): lines end in CRLF, LF or CR;
 * a blank line dispatches the event gathered so far; lines starting with ":" are comments (heartbeats); a field's
 * value loses one leading space. Feed it decoded text in whatever chunks arrive; a line split across chunks is kept.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void): (chunk: string) => void {
  let buffer = '';
  let eventType = '';
  let data: string[] = [];
  let pendingCr = false;

  function line(text: string): void {
    if (text === '') {
      if (data.length > 0 || eventType !== '') onEvent({ event: eventType === '' ? 'message' : eventType, data: data.join('\n') });
      eventType = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') data.push(value);
    // id and retry are not used: a reconnect asks the engine to sync, which catches up on anything missed.
  }

  return (chunk) => {
    let text = chunk;
    // A CR at the end of the previous chunk may be the first half of a CRLF.
    if (pendingCr && text.startsWith('\n')) text = text.slice(1);
    pendingCr = false;
    buffer += text;
    let start = 0;
    for (let i = 0; i < buffer.length; i += 1) {
      const char = buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      line(buffer.slice(start, i));
      if (char === '\r') {
        if (i + 1 < buffer.length) {
          if (buffer[i + 1] === '\n') i += 1;
        } else {
          pendingCr = true;
        }
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
  };
}
