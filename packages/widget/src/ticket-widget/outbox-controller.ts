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
}

/** A failure that may pass later: no answer, busy or failing server. */
const transient = (error: WidgetError) =>
  error.status === null || error.status === 429 || error.status >= 500;

/**
 * Sends the submissions saved while offline: when the widget gets its
 * endpoint (so at every page load), and on each `online` event. Each
 * goes with its own Idempotency-Key, so one sent twice (two tabs, a
 * lost answer) is still one ticket. A transient failure stops the round
 * and keeps the rest for the next one.
 */
export class OutboxController implements ReactiveController {
  readonly #options: OutboxOptions;
  #flushing: Promise<void> | null = null;
  readonly #online = () => void this.flush();

  constructor(host: ReactiveControllerHost, options: OutboxOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.#online);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#online);
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
    const { api, endpoint, sent, dropped } = this.#options;
    if (!endpoint() || typeof indexedDB === 'undefined') return;
    const waiting = await outbox.list(endpoint()).catch(() => []);
    for (const { submission, files, key } of waiting) {
      try {
        const result = await sendWithFiles(api(), submission, files, key);
        await outbox.remove(key);
        sent(result);
      } catch (caught) {
        const error = toWidgetError(caught);
        if (transient(error)) return;
        await outbox.remove(key).catch(() => {});
        dropped(error);
      }
    }
  }
}
