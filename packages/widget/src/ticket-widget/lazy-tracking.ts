import { LIMITS } from '@ticketry/core/public';
import {
  html,
  nothing,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { toWidgetError } from './api.js';
import { ticketCheck } from './check/answers.js';
import { replyCheck } from './check/submission-check.js';
import { emit } from './events.js';
import { describeIssue, format, formatBytes } from './i18n/index.js';
import { describeStatus } from './labels.js';
import type { StoredTicket } from './token-store.js';
import type { Tracking, TrackingOptions } from './tracking.js';
import type { TrackingKit } from './tracking-kit.js';

/** What the chunk exports. */
export type TrackingViews = Pick<
  typeof import('./tracking-views.js'),
  'createTracking'
>;

/** What the tracking chunk takes from the main file. */
export const trackingKit: TrackingKit = {
  html,
  nothing,
  LIMITS,
  toWidgetError,
  ticketCheck,
  replyCheck,
  emit,
  describeIssue,
  format,
  formatBytes,
  describeStatus,
};

/**
 * Stands in for {@link Tracking} until its chunk
 * (`ticket-widget-tracking-views.js`) is here: the first ticket opened
 * (or My requests shown) loads it, and the ticket shows "Loading…"
 * meanwhile. A chunk that cannot be fetched is reported like any failed
 * call, and the next opening tries again.
 */
export class LazyTracking {
  #real: Tracking | null = null;
  #loading: Promise<Tracking> | null = null;
  /** The ticket asked for while the chunk loads. */
  #pending: StoredTicket | null = null;
  #error: string | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #o: TrackingOptions;
  readonly #import: () => Promise<TrackingViews>;

  /** `importViews` is for tests: it stands in for the chunk's import. */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: TrackingOptions,
    importViews: () => Promise<TrackingViews> = () =>
      import('./tracking-views.js'),
  ) {
    this.#host = host;
    this.#o = options;
    this.#import = importViews;
  }

  /** The ticket open on screen, or null when another view shows. */
  get current(): StoredTicket | null {
    return this.#real ? this.#real.current : this.#pending;
  }

  /** Loads the chunk once (again after a failure). */
  load(): Promise<Tracking> {
    this.#loading ??= this.#import().then(
      (m) => (this.#real = m.createTracking(trackingKit, this.#host, this.#o)),
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  /** Fetches the chunk ahead of need; a failure waits for the next open. */
  prefetch(): void {
    this.load().catch(() => undefined);
  }

  /** Opens `entry` now, or as soon as the chunk is here. */
  open(entry: StoredTicket): void {
    if (this.#real) {
      this.#real.open(entry);
      return;
    }
    this.#pending = entry;
    this.#error = null;
    this.#host.requestUpdate();
    this.load().then(
      (real) => this.#opened(real, entry),
      (error: unknown) => {
        if (this.#pending !== entry) return;
        this.#o.feedback.fail(error, (message) => (this.#error = message));
        this.#host.requestUpdate();
      },
    );
  }

  #opened(real: Tracking, entry: StoredTicket): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending?.id !== entry.id) return;
    const root = this.#host.shadowRoot;
    const focused = root?.activeElement?.id === 'ticket-heading';
    real.open(pending);
    // The heading that had focus is replaced: focus the new one.
    if (focused) void this.#o.feedback.focus('#ticket-heading');
  }

  /** Leaves the ticket: nothing is followed any more. */
  leave(): void {
    this.#pending = null;
    this.#real?.leave();
  }

  /** (Re)starts following the open ticket, or stops when none is. */
  follow(): void {
    this.#real?.follow();
  }

  /** See {@link Tracking.reidentify}. */
  reidentify(before: string | null, token: string | null): void {
    if (this.#real) {
      this.#real.reidentify(before, token);
      return;
    }
    const pending = this.#pending;
    if (!before || pending?.token !== before) return;
    if (!token) {
      this.#o.back();
      return;
    }
    this.#pending = { ...pending, token };
  }

  /** The tracking view, or its heading and "Loading…" until the chunk is here. */
  render(): TemplateResult | null {
    if (this.#real) return this.#real.render();
    const entry = this.#pending;
    if (!entry) return null;
    const { t } = this.#o.i18n;
    return html`<section part="ticket" aria-labelledby="ticket-heading">
      <div class="actions">
        <button type="button" part="button back-button"
          @click=${() => this.#o.back()}>${t.back}</button>
      </div>
      <h2 id="ticket-heading" tabindex="-1">${entry.ref}</h2>
      ${
        this.#error
          ? html`<p class="alert" part="alert" role="alert">${this.#error}</p>`
          : html`<p aria-busy="true">${t.loading}</p>`
      }
    </section>`;
  }
}
