/** One server-sent event. */
export interface StreamEvent {
  /** The `event:` field; `message` when there was none. */
  type: string;
  data: string;
}

/** Callbacks and state of {@link readEventStream}. */
export interface EventStreamOptions {
  signal: AbortSignal;
  /** Sent as `Last-Event-ID`; updated from each `id:` field. */
  lastEventId: string;
  /** The server answered with a stream. */
  onOpen(): void;
  onEvent(event: StreamEvent): void;
  /** The id of the last event, to send when reconnecting. */
  onId(id: string): void;
  /** The server's `retry:` in milliseconds. */
  onRetry(ms: number): void;
  /** More request headers, e.g. an agent's `authorization`. */
  headers?: Record<string, string>;
}

/** Why the stream could not be opened (an error answer, not a drop). */
export class StreamRefused extends Error {
  override name = 'StreamRefused';
}

/**
 * Reads a `text/event-stream` with `fetch` and `credentials: 'omit'`,
 * so no cookie of the page's origin goes along (an `EventSource` always
 * sends them to its own origin). Resolves when the server ends the
 * stream; rejects with {@link StreamRefused} on an error answer, or with
 * the network's error when the connection fails or drops.
 */
export async function readEventStream(
  url: string,
  options: EventStreamOptions,
): Promise<void> {
  const response = await fetch(url, {
    headers: {
      ...options.headers,
      accept: 'text/event-stream',
      ...(options.lastEventId && { 'last-event-id': options.lastEventId }),
    },
    credentials: 'omit',
    cache: 'no-store',
    signal: options.signal,
  });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
    throw new StreamRefused(`stream answered ${response.status}`);
  }
  options.onOpen();
  const lines = new LineReader(options);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    lines.push(value);
  }
}

/** The event-stream format, line by line, as the HTML standard reads it. */
class LineReader {
  #rest = '';
  #type = '';
  #data: string[] = [];
  readonly #o: EventStreamOptions;

  constructor(options: EventStreamOptions) {
    this.#o = options;
  }

  push(text: string): void {
    const lines = (this.#rest + text).split(/\r\n|\r|\n/);
    this.#rest = lines.pop() ?? '';
    for (const line of lines) this.#line(line);
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#type = value;
    else if (field === 'id' && !value.includes('\0')) this.#o.onId(value);
    else if (field === 'retry' && /^\d+$/.test(value)) {
      this.#o.onRetry(Number(value));
    }
  }

  #dispatch(): void {
    const type = this.#type || 'message';
    const data = this.#data.join('\n');
    const had = this.#data.length > 0;
    this.#type = '';
    this.#data = [];
    if (had) this.#o.onEvent({ type, data });
  }
}
