import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type SubmitResult,
  type TicketApi,
  toWidgetError,
  type WidgetError,
} from './api.js';
import { type OutboxEntry, outbox } from './outbox.js';
import { sendWithFiles } from './upload.js';

/** What the outbox needs from the widget. */
export interface OutboxOptions {
  api(): TicketApi;
  endpoint(): string;
  /** A saved submission made its ticket. */
  sent(result: SubmitResult): void;
  /** The server refused a saved submission for good; it is dropped. */
  dropped(error: WidgetError): void;
  /**
   * The server answered "later" (429 or a 5xx): the submission stays
   * saved and the round is tried again after {@link RETRY_MS}.
   */
  waiting(error: WidgetError): void;
}

/** How long a round waits after the server said "later" (429, 5xx). */
export const RETRY_MS = 60_000;

/** A failure that may pass later: no answer, busy or failing server. */
const transient = (error: WidgetError) =>
  error.status === null || error.status === 429 || error.status >= 500;

/**
 * Sends the submissions saved while offline: when the widget gets its
 * endpoint (so at every page load), and on each `online` event. Each
 * goes with its own Idempotency-Key, so one sent twice (two tabs, a
 * lost answer) is still one ticket. A transient failure stops the round
 * and keeps the rest for the next one: a server that answered 429 or a
 * 5xx is asked again a minute later, and the requester is told why.
 */
export class OutboxController implements ReactiveController {
  readonly #options: OutboxOptions;
  #flushing: Promise<void> | null = null;
  readonly #online = () => void this.flush();
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: OutboxOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.#online);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#online);
    clearTimeout(this.#retry);
  }

  /** Saves a submission for later; false when IndexedDB refused. */
  save(entry: Omit<OutboxEntry, 'endpoint' | 'at'>): Promise<boolean> {
    const endpoint = this.#options.endpoint();
    return outbox.put({ ...entry, endpoint, at: Date.now() }).then(
      () => true,
      () => false,
    );
  }

  /** Sends what waits for this endpoint, oldest first, one round at a time. */
  flush(): Promise<void> {
    this.#flushing ??= this.#round().finally(() => (this.#flushing = null));
    return this.#flushing;
  }

  async #round(): Promise<void> {
    const { api, endpoint, sent, dropped, waiting } = this.#options;
    clearTimeout(this.#retry);
    if (!endpoint() || typeof indexedDB === 'undefined') return;
    const saved = await outbox.list(endpoint()).catch(() => []);
    for (const { submission, files, key } of saved) {
      try {
        const result = await sendWithFiles(api(), submission, files, key);
        await outbox.remove(key);
        sent(result);
      } catch (caught) {
        const error = toWidgetError(caught);
        if (!transient(error)) {
          await outbox.remove(key).catch(() => {});
          dropped(error);
          continue;
        }
        // Reached but busy or failing: say so, and try again later. No
        // answer at all waits for the next `online` event instead.
        if (error.status !== null) {
          waiting(error);
          this.#retry = setTimeout(this.#online, RETRY_MS);
        }
        return;
      }
    }
  }
}
