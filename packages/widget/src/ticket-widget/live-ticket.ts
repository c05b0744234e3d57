import type { PublicTicket } from '@ticketry/core/public';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TicketApi, WidgetError } from './api.js';
import { readEventStream, StreamRefused } from './event-stream.js';
import { ticketCheck, toWidgetError } from './tracking-kit.js';

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
  #stream: AbortController | null = null;
  /** True while the server stream is connected. */
  #open = false;
  #lastEventId = '';
  #dropWait = DROPPED_MS;
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
    if (!target || this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      if (!this.#open) void this.#poll();
    }, target.pollInterval);
    this.#attempts = 0;
    this.#connect(target);
  }

  #connect(target: LiveTarget): void {
    const stream = new AbortController();
    this.#stream = stream;
    const current = () => this.#stream === stream;
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
    }).then(
      () => current() && this.#dropped(target),
      (error: unknown) => {
        if (!current()) return;
        if (this.#open && !(error instanceof StreamRefused)) {
          this.#dropped(target);
        } else {
          this.#open = false;
          this.#reconnect(target);
        }
      },
    );
  }

  /** The stream ended or broke after it was open: back after `retry`. */
  #dropped(target: LiveTarget): void {
    this.#open = false;
    this.#retryAfter(target, this.#dropWait);
  }

  #reconnect(target: LiveTarget): void {
    const wait = Math.min(RECONNECT_CAP_MS, RECONNECT_MS * 2 ** this.#attempts);
    this.#attempts++;
    this.#retryAfter(target, wait * (0.75 + Math.random() / 2));
  }

  #retryAfter(target: LiveTarget, ms: number): void {
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => {
      if (this.#target === target && this.#timer !== undefined) {
        this.#connect(target);
      }
    }, ms);
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#stream?.abort();
    this.#stream = null;
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
