import type { PublicTicket } from '@ticketry/core/public';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TicketApi, WidgetError } from './api.js';
import { toWidgetError } from './api.js';
import { ticketCheck } from './check/answers.js';
import { readEventStream, StreamRefused } from './event-stream.js';

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
  /**
   * A ticket arrived from the stream or a poll. May repeat a version;
   * what the stream sends is not checked to be the followed ticket.
   */
  onTicket(ticket: PublicTicket): void;
  /** Polling failed; called once per run of failures. */
  onError(error: WidgetError): void;
}

/** First wait before a refused stream is tried again; doubles to the cap. */
const RECONNECT_MS = 1_000;
const RECONNECT_CAP_MS = 30_000;
/** Wait after a dropped stream until the server's `retry:` says otherwise. */
const DROPPED_MS = 3_000;

/**
 * Keeps one ticket current while its host is connected: the server-sent
 * events of `/tickets/:id/stream`, read with `fetch` and no cookies, and
 * a poll of `GET /tickets/:id` on every interval in which the stream is
 * not open (not yet, dropped or refused). A dropped stream reconnects
 * after the server's `retry` (3 s), sending `Last-Event-ID`; a refused
 * one (an error answer, say while the server restarts, or no answer)
 * is opened again after 1, 2, 4 … 30 s, with jitter. Stops when the
 * host leaves the page.
 */
export class LiveTicketController implements ReactiveController {
  #target: LiveTarget | null = null;
  #stream: AbortController | undefined;
  /** True while the server stream is connected. */
  #open = false;
  #lastEventId = '';
  #dropWait = DROPPED_MS;
  #timer: ReturnType<typeof setInterval> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #attempts = 0;
  #failing = false;
  #polling: LiveTarget | null = null;
  readonly #callbacks: LiveTicketCallbacks;

  constructor(host: ReactiveControllerHost, callbacks: LiveTicketCallbacks) {
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** Follows `target`, or nothing when `null`. */
  follow(target: LiveTarget | null): void {
    this.#stop();
    if (target?.id !== this.#target?.id) {
      this.#lastEventId = '';
      this.#dropWait = DROPPED_MS;
    }
    this.#target = target;
    this.#start();
  }

  hostConnected(): void {
    this.#start();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #start(): void {
    const target = this.#target;
    if (!target || this.#timer) return;
    this.#timer = setInterval(
      () => this.#open || void this.#poll(),
      target.pollInterval,
    );
    this.#attempts = 0;
    this.#connect(target);
  }

  /**
   * Opens the stream. When it ends or breaks after it was open, it opens
   * again after `retry`; when it was refused, after the next backoff.
   * Only the stream of the last call may do so: stopping drops it.
   */
  #connect(target: LiveTarget): void {
    const stream = new AbortController();
    this.#stream = stream;
    void readEventStream(target.api.streamUrl(target.id, target.token), {
      signal: stream.signal,
      lastEventId: this.#lastEventId,
      // Changes made between the first read and the stream opening would
      // otherwise wait for the next change: read once on every (re)open.
      onOpen: () => {
        this.#open = true;
        this.#attempts = 0;
        void this.#poll();
      },
      onEvent: (event) => {
        if (event.type === 'ticket') this.#receive(event.data);
      },
      onId: (id) => (this.#lastEventId = id),
      onRetry: (ms) => (this.#dropWait = ms),
    })
      .catch((error: unknown) => error)
      .then((error) => {
        if (this.#stream !== stream) return;
        const dropped = this.#open && !(error instanceof StreamRefused);
        this.#open = false;
        const wait = dropped
          ? this.#dropWait
          : Math.min(RECONNECT_CAP_MS, RECONNECT_MS * 2 ** this.#attempts++) *
            (0.75 + Math.random() / 2);
        // Stopping clears it: it fires only while `target` is followed.
        this.#retry = setTimeout(() => this.#connect(target), wait);
      });
  }

  #stop(): void {
    clearInterval(this.#timer);
    clearTimeout(this.#retry);
    this.#stream?.abort();
    this.#timer = this.#stream = undefined;
    this.#open = false;
  }

  #receive(data: string): void {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      // Not JSON: the check below refuses undefined.
    }
    const result = ticketCheck.safeParse(json);
    if (result.success) this.#callbacks.onTicket(result.data);
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
