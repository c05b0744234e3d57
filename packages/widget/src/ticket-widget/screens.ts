import {
  html,
  nothing,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { AssistantHost } from './assistant-host.js';
import type { Feedback } from './feedback.js';
import { LAST_STEP } from './first-render.js';
import type { FormController, Submitted } from './form-controller.js';
import type { Localizer } from './i18n/index.js';
import type { LazyTracking } from './lazy-tracking.js';
import type { MyTickets } from './my-tickets.js';
import type { StoredTicket } from './token-store.js';
import {
  renderConfirmation,
  renderList,
  renderNav,
  type View,
} from './views.js';

/** The features {@link Screens} switches between. */
export interface ScreensOptions {
  i18n: Localizer;
  feedback: Feedback;
  tickets: MyTickets;
  tracking(): LazyTracking;
  form(): FormController;
  categories(): readonly string[];
  /** The honeypot field's name, or empty for none. */
  honeypot(): string;
  /** The assistant, when the widget offers it. */
  assistant(): AssistantHost | null;
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
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #o: ScreensOptions;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: ScreensOptions,
  ) {
    this.#host = host;
    this.#o = options;
  }

  /** Shows the confirmation of a new ticket. */
  confirm(ticket: Submitted): void {
    this.submitted = ticket;
    this.view = 'submitted';
    this.#o.tracking().prefetch();
    this.#host.requestUpdate();
  }

  /** Opens one ticket and focuses its heading. */
  open(entry: StoredTicket): void {
    this.view = 'ticket';
    this.#o.tracking().open(entry);
    void this.#o.feedback.focus('#ticket-heading');
  }

  /** Back to an empty form without moving focus, as at sign-out. */
  reset(): void {
    this.view = 'form';
    this.submitted = null;
    this.#o.tracking().leave();
    this.#host.requestUpdate();
  }

  /** Goes to the form, My requests or the assistant, leaving any open ticket. */
  go(view: 'form' | 'list' | 'assistant'): void {
    const tracking = this.#o.tracking();
    const { feedback } = this.#o;
    const from = tracking.current;
    this.view = view;
    tracking.leave();
    // What the region said was about the screen being left.
    feedback.quiet();
    this.#host.requestUpdate();
    if (view === 'form') {
      this.#o.form().clearFailure();
      void feedback.focus('#form-heading');
      return;
    }
    if (view === 'assistant') {
      void this.#o
        .assistant()
        ?.load()
        .then(() => feedback.focus('#assistant-input'));
      void feedback.focus('#assistant-heading');
      return;
    }
    void this.#o.tickets.refresh();
    // A ticket of the list opens without waiting for its chunk.
    tracking.prefetch();
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
    if (!root || !focused || !id) return;
    // Checked after the update: an update drawn before it may have moved
    // focus already, and focus the requester moved stays where it is.
    void this.#host.updateComplete.then(() => {
      if (root.activeElement !== focused || focused.dataset.id === id) return;
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
    const count = tickets.entries().length;
    const nav = connected
      ? renderNav(this.view, count, (view) => this.go(view), i18n, {
          assistant: this.#o.assistant() !== null,
        })
      : html`<p class="alert" part="alert" role="alert">${i18n.t.noEndpoint}</p>`;
    return html`${nav}${step === 0 ? nothing : this.#screen(step < LAST_STEP)}`;
  }

  #screen(partial: boolean) {
    const { i18n, tickets } = this.#o;
    switch (this.view) {
      case 'submitted':
        return renderConfirmation({
          ref: this.submitted?.ref ?? '',
          saved: this.submitted?.saved ?? true,
          i18n,
          onOpen: () => {
            const id = this.submitted?.id;
            const entry = tickets.entries().find((e) => e.id === id);
            if (entry) this.open(entry);
          },
          onNew: () => this.go('form'),
        });
      case 'list':
        this.#keepFocus();
        return html`${renderList({
          entries: tickets.entries(),
          summaries: tickets.summaries,
          i18n,
          identified: Boolean(tickets.identity.token),
          onOpen: (entry) => this.open(entry),
        })}${tickets.note()}`;
      case 'ticket':
        return this.#o.tracking().render();
      case 'assistant':
        return (
          this.#o.assistant()?.render() ??
          this.#o.form().render(this.#o.categories(), this.#o.honeypot())
        );
      default:
        return this.#o
          .form()
          .render(this.#o.categories(), this.#o.honeypot(), partial);
    }
  }
}
