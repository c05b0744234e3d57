import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { toWidgetError, type WidgetError } from './api.js';
import { emit } from './events.js';
import { describeError, type Localizer } from './i18n/index.js';

/** The element {@link Feedback} speaks for. */
export type FeedbackHost = ReactiveControllerHost & HTMLElement;

/**
 * How the widget tells people what happened: the polite live region
 * (screen readers), `ticket-error` events (the host page), and focus
 * moves inside the shadow root. Every feature reports through it, so a
 * failure reads the same on screen, in the event and out loud.
 */
export class Feedback {
  /** What the live region says now. */
  announcement = '';
  readonly #host: FeedbackHost;
  readonly #i18n: Localizer;

  constructor(host: FeedbackHost, i18n: Localizer) {
    this.#host = host;
    this.#i18n = i18n;
  }

  /** Says `text` in the live region, even when it repeats the last one. */
  async announce(text: string): Promise<void> {
    // Clearing first makes a repeated message count as a change.
    this.announcement = '';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.announcement = text;
    this.#host.requestUpdate();
  }

  /** Empties the live region: what it said is no longer true. */
  quiet(): void {
    if (!this.announcement) return;
    this.announcement = '';
    this.#host.requestUpdate();
  }

  /** Focuses `selector` after the next render; false when it is absent. */
  async focus(selector: string): Promise<boolean> {
    await this.#host.updateComplete;
    const target = this.#host.shadowRoot?.querySelector<HTMLElement>(selector);
    target?.focus();
    return !!target;
  }

  /**
   * Gives focus back to `selector` after a button was disabled while a
   * call ran (the browser leaves focus on the page's body then), unless
   * the requester has moved on meanwhile.
   */
  async regain(selector: string): Promise<void> {
    if (document.activeElement === document.body) await this.focus(selector);
  }

  /** A failure in the requester's language. */
  describe(failure: WidgetError): string {
    return describeError(failure, this.#i18n.t);
  }

  /**
   * Tells the page about a failure, in the words the widget shows;
   * returns those words.
   */
  report(failure: WidgetError): string {
    const message = this.describe(failure);
    emit(this.#host, 'ticket-error', { code: failure.code, message });
    return message;
  }

  /**
   * Reports any thrown value and returns the words to show for it;
   * `show`, when given, gets the same words.
   */
  fail(error: unknown, show?: (message: string) => void): string {
    const message = this.report(toWidgetError(error));
    show?.(message);
    return message;
  }

  /** The live region: rendered once, always present. */
  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite"
      aria-atomic="true">${this.announcement}</div>`;
  }
}
