import { readEventStream } from '../ticket-widget/event-stream.js';
import type { ConsoleApi } from './console-api.js';

/** How often the console says the agent is still on the ticket. */
export const PRESENCE_EVERY_MS = 10_000;

/** What {@link watchTicket} reports. */
export interface WatchCallbacks {
  /** The ticket changed (another agent, the requester, automation). */
  onChange(version: number): void;
  /** The other agents working on the same ticket now. */
  onViewers(names: string[]): void;
}

/**
 * Follows one ticket while it is open in the console: its change stream
 * (`GET /tickets/:id/stream`, read with the session token as a header)
 * and a presence heartbeat. Returns the function that stops both.
 */
export function watchTicket(
  api: ConsoleApi,
  id: string,
  callbacks: WatchCallbacks,
): () => void {
  const aborter = new AbortController();
  let retryMs = 3000;
  let lastEventId = '';

  const beat = () =>
    api
      .presence(id)
      .then((viewers) => callbacks.onViewers(viewers.map((v) => v.name)))
      .catch(() => {});

  const follow = async () => {
    while (!aborter.signal.aborted) {
      await readEventStream(api.streamUrl(id), {
        signal: aborter.signal,
        lastEventId,
        headers: { authorization: `Bearer ${api.token}` },
        onOpen: () => {},
        onId: (value) => {
          lastEventId = value;
        },
        onRetry: (ms) => {
          retryMs = ms;
        },
        onEvent: (event) => {
          if (event.type !== 'ticket') return;
          const version = Number(JSON.parse(event.data).version);
          callbacks.onChange(version);
          // Whoever changed it may be on it: ask now, not at the next beat.
          void beat();
        },
      }).catch(() => {});
      await new Promise((r) => setTimeout(r, retryMs));
    }
  };

  void follow();
  void beat();
  const timer = setInterval(beat, PRESENCE_EVERY_MS);
  return () => {
    aborter.abort();
    clearInterval(timer);
  };
}
