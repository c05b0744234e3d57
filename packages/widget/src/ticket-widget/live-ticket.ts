import { type PublicTicket, publicTicketSchema } from '@ticketry/core/public';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type TicketApi, toWidgetError, type WidgetError } from './api.js';

/** The ticket a {@link LiveTicketController} follows. */
export interface LiveTarget {
  api: TicketApi;
  id: string;
  token: string;
  /** Milliseconds between polls while the stream is not connected. */
  pollInterval: number;
}

/** Callbacks of a {@link LiveTicketController}. */
export interface LiveTicketCallbacks {
  /** A ticket arrived from the stream or a poll. May repeat a version. */
  onTicket(ticket: PublicTicket): void;
  /** Polling failed; called once per run of failures. */
  onError(error: WidgetError): void;
}

/** First wait before a refused stream is tried again; doubles to the cap. */
const RECONNECT_MS = 1_000;
const RECONNECT_CAP_MS = 30_000;

/**
 * Keeps one ticket current while its host is connected: an `EventSource`
 * on `/tickets/:id/stream`, and a poll of `GET /tickets/:id` on every
 * interval in which the stream is not open (not yet, dropped, refused,
 * or no `EventSource` at all). A dropped stream reconnects by itself
 * (after the server's `retry`); one the browser gives up on (an error
 * answer, say while the server restarts) is opened again after 1, 2,
 * 4 … 30 s, with jitter. Stops when the host leaves the page.
 */
export class LiveTicketController implements ReactiveController {
  #target: LiveTarget | null = null;
  #source: EventSource | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #failing = false;
  #polling: LiveTarget | null = null;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #attempts = 0;
  readonly #callbacks: LiveTicketCallbacks;

  constructor(host: ReactiveControllerHost, callbacks: LiveTicketCallbacks) {
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** Follows `target`, or nothing when `null`. */
  follow(target: LiveTarget | null): void {
    this.#stop();
    this.#target = target;
    this.#start();
  }

  /** True while the server stream is connected. */
  get streaming(): boolean {
    return this.#source?.readyState === 1;
  }

  hostConnected(): void {
    this.#start();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #start(): void {
    const target = this.#target;
    if (!target || this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      if (!this.streaming) void this.#poll();
    }, target.pollInterval);
    this.#attempts = 0;
    this.#connect(target);
  }

  #connect(target: LiveTarget): void {
    if (typeof EventSource !== 'function') return;
    const source = new EventSource(
      target.api.streamUrl(target.id, target.token),
    );
    // Changes made between the first read and the stream opening would
    // otherwise wait for the next change: read once on every (re)open.
    source.addEventListener('open', () => {
      this.#attempts = 0;
      void this.#poll();
    });
    source.addEventListener('ticket', (event) => {
      this.#receive((event as MessageEvent<string>).data);
    });
    source.addEventListener('error', () => {
      // CONNECTING: the browser retries by itself. CLOSED: it gave up.
      if (source.readyState === 2 && this.#source === source) {
        this.#reconnect(target);
      }
    });
    this.#source = source;
  }

  #reconnect(target: LiveTarget): void {
    const wait = Math.min(RECONNECT_CAP_MS, RECONNECT_MS * 2 ** this.#attempts);
    this.#attempts++;
    clearTimeout(this.#retry);
    this.#retry = setTimeout(
      () => {
        if (this.#target === target && this.#timer !== undefined) {
          this.#connect(target);
        }
      },
      wait * (0.75 + Math.random() / 2),
    );
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#source?.close();
    this.#source = null;
  }

  #receive(data: string): void {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      json = undefined;
    }
    const result = publicTicketSchema.safeParse(json);
    if (result.success && result.data.id === this.#target?.id) {
      this.#callbacks.onTicket(result.data);
    }
  }

  async #poll(): Promise<void> {
    const target = this.#target;
    if (!target || this.#polling === target) return;
    this.#polling = target;
    try {
      const ticket = await target.api.get(target.id, target.token);
      this.#failing = false;
      if (this.#target === target) this.#callbacks.onTicket(ticket);
    } catch (error) {
      if (this.#failing || this.#target !== target) return;
      this.#failing = true;
      this.#callbacks.onError(toWidgetError(error));
    } finally {
      if (this.#polling === target) this.#polling = null;
    }
  }
}
