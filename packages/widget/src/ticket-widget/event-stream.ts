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
  const { body } = response;
  if (
    !response.ok ||
    !body ||
    !response.headers.get('content-type')?.startsWith('text/event-stream')
  ) {
    throw new StreamRefused(`stream answered ${response.status}`);
  }
  options.onOpen();
  // The event-stream format, line by line, as the HTML standard reads it.
  let rest = '';
  let type = '';
  let data: string[] = [];
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value: text } = await reader.read();
    if (done) return;
    // A \r at the very end may be half of a \r\n: it waits for the next
    // read, with the unfinished line.
    const lines = (rest + text).split(/\r\n|\r(?!$)|\n/);
    rest = lines.pop()!;
    for (const line of lines) {
      // `field: value`, `field:value` or `field`; a comment has no field.
      const [, field, value = ''] = /([^:]*):? ?(.*)/s.exec(line)!;
      if (!line) {
        if (data.length) {
          options.onEvent({ type: type || 'message', data: data.join('\n') });
        }
        type = '';
        data = [];
      } else if (field === 'data') data.push(value);
      else if (field === 'event') type = value;
      else if (field === 'id' && !value.includes('\0')) options.onId(value);
      else if (field === 'retry' && /^\d+$/.test(value)) {
        options.onRetry(Number(value));
      }
    }
  }
}
