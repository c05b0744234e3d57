import { html, nothing, type TemplateResult } from 'lit';
import type { AssistantHost } from './assistant-host.js';
import type { Feedback } from './feedback.js';
import { LAST_STEP } from './first-render.js';
import type { FormController, Submitted } from './form-controller.js';
import type { Localizer } from './i18n/index.js';
import type { MyTickets } from './my-tickets.js';
import type { StoredTicket } from './token-store.js';
import type { Tracking } from './tracking.js';
import {
  alertLine,
  renderConfirmation,
  renderList,
  renderNav,
  type View,
} from './views.js';
import type { PartsHost } from './widget-parts.js';

/** The features {@link Screens} switches between. */
export interface ScreensOptions {
  i18n: Localizer;
  feedback: Feedback;
  tickets: MyTickets;
  tracking: Tracking;
  form: FormController;
  /** Shows only while the element's `assistant` is set. */
  assistant: AssistantHost;
}

/**
 * Which screen shows (the form, the confirmation, My requests, one
 * ticket), the switch between them, and where focus goes on each move:
 * the new screen's heading, or back to the ticket just left.
 */
export class Screens {
  view: View = 'form';
  /** The ticket the confirmation is about. */
  submitted: Submitted | null = null;
  readonly #host: PartsHost;
  readonly #o: ScreensOptions;

  constructor(host: PartsHost, options: ScreensOptions) {
    this.#host = host;
    this.#o = options;
  }

  /** The assistant, when the widget offers it. */
  get #assistant(): AssistantHost | null {
    return this.#host.assistant ? this.#o.assistant : null;
  }

  /** Shows `view`, leaving any open ticket; returns the ticket left. */
  #show(view: View): StoredTicket | null {
    const { tracking } = this.#o;
    const from = tracking.current;
    this.view = view;
    tracking.leave();
    this.#host.requestUpdate();
    return from;
  }

  /** Shows the confirmation of a new ticket. */
  confirm(ticket: Submitted): void {
    this.submitted = ticket;
    this.view = 'submitted';
    this.#host.requestUpdate();
  }

  /** Opens one ticket and focuses its heading. */
  open(entry: StoredTicket): void {
    this.view = 'ticket';
    this.#o.tracking.open(entry);
    void this.#o.feedback.focus('#ticket-heading');
  }

  /** Back to an empty form without moving focus, as at sign-out. */
  reset(): void {
    this.submitted = null;
    this.#show('form');
  }

  /** Goes to the form, My requests or the assistant, leaving any open ticket. */
  go(view: 'form' | 'list' | 'assistant'): void {
    const { feedback } = this.#o;
    const from = this.#show(view);
    // What the region said was about the screen being left.
    feedback.quiet();
    if (view === 'assistant') {
      void this.#assistant
        ?.load()
        .then(() => feedback.focus('#assistant-input'));
      void feedback.focus('#assistant-heading');
      return;
    }
    if (view === 'form') {
      this.#o.form.clearFailure();
      void feedback.focus('#form-heading');
      return;
    }
    void this.#o.tickets.refresh();
    const back = from ? `[data-id="${CSS.escape(from.id)}"]` : '#list-heading';
    void feedback
      .focus(back)
      .then((ok) => ok || feedback.focus('#list-heading'));
  }

  /**
   * The list reuses its items by position: when it changes under a
   * focused ticket, focus follows that ticket to its new item.
   */
  #keepFocus(): void {
    const root = this.#host.shadowRoot;
    const focused = root?.activeElement as HTMLElement | null;
    const id = focused?.dataset.id;
    if (!id) return;
    // Checked after the update: an update drawn before it may have moved
    // focus already, and focus the requester moved stays where it is.
    void this.#host.updateComplete.then(() => {
      if (root?.activeElement !== focused || focused.dataset.id === id) return;
      root.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
    });
  }

  /**
   * The switch between the form and My requests, then the screen. A
   * step of a staged first render (first-render.ts) draws less: step 0
   * no screen, step 1 the top of the form.
   */
  render(connected: boolean, step = LAST_STEP): TemplateResult {
    const { i18n, tickets } = this.#o;
    const nav = connected
      ? renderNav(
          this.view,
          tickets.entries().length,
          (view) => this.go(view),
          i18n,
          !!this.#assistant,
        )
      : alertLine(i18n.t.noEndpoint);
    return html`${nav}${step === 0 ? nothing : this.#screen(step < LAST_STEP)}`;
  }

  #screen(partial: boolean) {
    const { i18n, tickets, form } = this.#o;
    const { submitted } = this;
    switch (this.view) {
      case 'submitted':
        return renderConfirmation(
          submitted,
          i18n,
          () => {
            const id = submitted?.id;
            const entry = tickets.entries().find((e) => e.id === id);
            if (entry) this.open(entry);
          },
          () => this.go('form'),
        );
      case 'list':
        this.#keepFocus();
        return html`${renderList(tickets, i18n, (entry) => this.open(entry))}${tickets.identity.note(i18n)}`;
      case 'ticket':
        return this.#o.tracking.render();
    }
    const host = this.#host;
    // The assistant's screen, or the form when the assistant is off.
    return (
      (this.view === 'assistant' && this.#assistant?.render()) ||
      form.render(host.categories, host.honeypot ?? '', partial)
    );
  }
}
