import { readEventStream } from '../ticket-widget/event-stream.js';
import type { ConsoleApi } from './console-api.js';

/** How often the console says the agent is still on the ticket. */
export const PRESENCE_EVERY_MS = 10_000;

/** How long the queue waits after a change for more before reloading. */
export const QUEUE_SETTLE_MS = 500;

/**
 * Reads an event stream with the session token as a header, again and
 * again after drops (at the server's `retry:` pace), until `signal`.
 */
async function follow(
  api: ConsoleApi,
  url: string,
  signal: AbortSignal,
  onEvent: (type: string, data: string) => void,
): Promise<void> {
  let retryMs = 3000;
  let lastEventId = '';
  while (!signal.aborted) {
    await readEventStream(url, {
      signal,
      lastEventId,
      headers: { authorization: `Bearer ${api.token}` },
      onOpen: () => {},
      onId: (value) => {
        lastEventId = value;
      },
      onRetry: (ms) => {
        retryMs = ms;
      },
      onEvent: (event) => onEvent(event.type, event.data),
    }).catch(() => {});
    await new Promise((r) => setTimeout(r, retryMs));
  }
}

/** What {@link watchTicket} reports. */
export interface WatchCallbacks {
  /** The ticket changed (another agent, the requester, automation). */
  onChange(version: number): void;
  /** The other agents working on the same ticket now. */
  onViewers(names: string[]): void;
}

/**
 * Follows one ticket while it is open in the console: its change stream
 * (`GET /tickets/:id/stream`) and a presence heartbeat. Returns the
 * function that stops both.
 */
export function watchTicket(
  api: ConsoleApi,
  id: string,
  callbacks: WatchCallbacks,
): () => void {
  const aborter = new AbortController();
  const beat = () =>
    api
      .presence(id)
      .then((viewers) => callbacks.onViewers(viewers.map((v) => v.name)))
      .catch(() => {});

  void follow(api, api.streamUrl(id), aborter.signal, (type, data) => {
    if (type !== 'ticket') return;
    callbacks.onChange(Number(JSON.parse(data).version));
    // Whoever changed it may be on it: ask now, not at the next beat.
    void beat();
  });
  void beat();
  const timer = setInterval(beat, PRESENCE_EVERY_MS);
  return () => {
    aborter.abort();
    clearInterval(timer);
  };
}

/**
 * Follows the desk's change feed (`GET /changes/stream`) while a queue
 * is on screen; calls `onChange` once a burst of changes settles.
 * Returns the function that stops it.
 */
export function watchQueue(api: ConsoleApi, onChange: () => void): () => void {
  const aborter = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  void follow(api, api.changesUrl(), aborter.signal, (type) => {
    if (type !== 'change') return;
    clearTimeout(timer);
    timer = setTimeout(onChange, QUEUE_SETTLE_MS);
  });
  return () => {
    aborter.abort();
    clearTimeout(timer);
  };
}
