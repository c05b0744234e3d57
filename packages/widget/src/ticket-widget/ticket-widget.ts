import { type PublicTicket, replyInputSchema } from '@ticketry/core/public';
import {
  html,
  LitElement,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import {
  createTicketApi,
  type TicketApi,
  toWidgetError,
  type WidgetError,
} from './api.js';
import { FIELD_ORDER } from './draft.js';
import { emit } from './events.js';
import { renderForm } from './form-view.js';
import { DEFAULT_CATEGORIES, describeStatus } from './labels.js';
import { LiveTicketController } from './live-ticket.js';
import { styles } from './styles.js';
import { SubmissionController } from './submission.js';
import { renderTicket } from './ticket-view.js';
import {
  createTokenStore,
  type StoredTicket,
  type TokenStore,
} from './token-store.js';
import {
  renderConfirmation,
  renderList,
  renderNav,
  type Summary,
  type View,
} from './views.js';

/**
 * A help-desk form for requesters: submit a ticket, then follow it live
 * and reply, against the Ticketry HTTP API at `endpoint`.
 *
 * @summary Submit and track IT support tickets.
 *
 * @fires ticket-submitted - A ticket was created. Detail: `{ id, ref }`.
 * @fires ticket-updated - The ticket on screen changed after it was first
 *   loaded (stream, poll or the requester's reply). Detail: the public
 *   ticket.
 * @fires ticket-error - A call failed; the widget also shows it. Detail:
 *   `{ code, message }`.
 *
 * @csspart base - The wrapper of everything inside.
 * @csspart nav - The switch between a new request and My requests.
 * @csspart nav-button - Each button of the switch.
 * @csspart form - The submission form.
 * @csspart field - A label, its control and its error.
 * @csspart label - A field's label.
 * @csspart input - A text or email input.
 * @csspart textarea - A multi-line input.
 * @csspart select - The category select.
 * @csspart error - A field's error message.
 * @csspart alert - A message about a failure no field owns.
 * @csspart button - Every button.
 * @csspart submit-button - The button that submits the form.
 * @csspart confirmation - What shows after a submission.
 * @csspart reference - The new ticket's reference.
 * @csspart list-view - My requests.
 * @csspart list - The list of the requester's tickets.
 * @csspart list-item - One ticket in that list.
 * @csspart ticket - The tracking view of one ticket.
 * @csspart status - The ticket's status.
 * @csspart pending-reason - Why a pending ticket waits.
 * @csspart resolution - The resolution, once resolved.
 * @csspart conversation - The public messages.
 * @csspart message - One message (also `message-agent` or
 *   `message-requester`).
 * @csspart reply-form - The reply box and its button.
 *
 * @cssprop --ticket-font-family - Font of the widget.
 * @cssprop --ticket-font-size - Base font size.
 * @cssprop --ticket-color - Text colour.
 * @cssprop --ticket-muted-color - Secondary text colour.
 * @cssprop --ticket-background - Background of the widget.
 * @cssprop --ticket-input-background - Background of the controls.
 * @cssprop --ticket-border-color - Borders of the widget and controls.
 * @cssprop --ticket-accent-color - Buttons and links.
 * @cssprop --ticket-accent-contrast - Text on the accent colour.
 * @cssprop --ticket-error-color - Errors and invalid fields.
 * @cssprop --ticket-focus-color - The focus ring.
 * @cssprop --ticket-radius - Corner radius.
 * @cssprop --ticket-padding - Space inside the widget.
 * @cssprop --ticket-max-width - Widest the widget grows.
 *
 * @example
 * <ticket-widget endpoint="https://help.example.com/api/v1"></ticket-widget>
 */
export class TicketWidget extends LitElement {
  static override styles = styles;

  static override properties = {
    endpoint: { type: String },
    categories: {
      converter: {
        fromAttribute: (value: string | null) => parseCategories(value),
      },
    },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    view: { state: true },
    submitted: { state: true },
    stored: { state: true },
    summaries: { state: true },
    current: { state: true },
    ticket: { state: true },
    loadError: { state: true },
    reply: { state: true },
    replyError: { state: true },
    replySending: { state: true },
    announcement: { state: true },
  };

  /** Base URL of the Ticketry API, e.g. `https://help.example.com/api/v1`. */
  declare endpoint: string;
  /** Categories offered; the attribute is comma-separated. */
  declare categories: readonly string[];
  /** Milliseconds between polls while the live stream is down. @default 15000 */
  declare pollInterval: number;

  declare protected view: View;
  declare protected submitted: {
    id: string;
    ref: string;
    saved: boolean;
  } | null;
  declare protected stored: StoredTicket[];
  declare protected summaries: Map<string, Summary>;
  declare protected current: StoredTicket | null;
  declare protected ticket: PublicTicket | null;
  declare protected loadError: string | null;
  declare protected reply: string;
  declare protected replyError: string | null;
  declare protected replySending: boolean;
  declare protected announcement: string;

  #api: TicketApi = createTicketApi('');
  #store: TokenStore = createTokenStore('', null);
  #submission = new SubmissionController(this);
  #live = new LiveTicketController(this, {
    onTicket: (ticket) => {
      const change = this.#show(ticket);
      if (change) this.#announce(change);
    },
    onError: (error) => this.#fail(error, (m) => (this.loadError = m)),
  });

  constructor() {
    super();
    this.endpoint = '';
    this.categories = DEFAULT_CATEGORIES;
    this.pollInterval = 15_000;
    this.view = 'form';
    this.submitted = null;
    this.stored = [];
    this.summaries = new Map();
    this.current = null;
    this.ticket = null;
    this.loadError = null;
    this.reply = '';
    this.replyError = null;
    this.replySending = false;
    this.announcement = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) {
      this.#api = createTicketApi(this.endpoint);
      this.#store = createTokenStore(this.endpoint);
      this.stored = this.#store.list();
      if (this.view === 'ticket') this.#go('list');
    }
    if (changed.has('pollInterval') && this.current) this.#follow();
  }

  protected override render(): TemplateResult {
    return html`<div part="base">
      <div class="visually-hidden" role="status" aria-live="polite"
        aria-atomic="true">${this.announcement}</div>
      ${
        this.endpoint
          ? renderNav(this.view, this.stored.length, (v) => this.#go(v))
          : html`<p class="alert" part="alert" role="alert">
            This help-desk form has no endpoint attribute, so it cannot
            send anything.
          </p>`
      }
      ${this.#renderView()}
    </div>`;
  }

  #renderView() {
    switch (this.view) {
      case 'submitted':
        return renderConfirmation({
          ref: this.submitted?.ref ?? '',
          saved: this.submitted?.saved ?? true,
          onOpen: () => {
            const entry = this.stored.find((e) => e.id === this.submitted?.id);
            if (entry) this.#open(entry);
          },
          onNew: () => this.#go('form'),
        });
      case 'list':
        return renderList({
          entries: this.stored,
          summaries: this.summaries,
          onOpen: (entry) => this.#open(entry),
        });
      case 'ticket':
        return this.current
          ? renderTicket({
              entry: this.current,
              ticket: this.ticket,
              loadError: this.loadError,
              reply: this.reply,
              replyError: this.replyError,
              replySending: this.replySending,
              onBack: () => this.#go('list'),
              onForget: () => this.#forget(),
              onReplyInput: (value) => {
                this.reply = value;
                this.replyError = null;
              },
              onReply: (event) => void this.#reply(event),
            })
          : null;
      default: {
        const form = this.#submission;
        return renderForm({
          draft: form.draft,
          errors: form.errors,
          formError: form.formError,
          sending: form.sending,
          categories: this.categories,
          onInput: (field, value) => form.edit(field, value),
          onSubmit: (event) => void this.#submit(event),
        });
      }
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const outcome = await this.#submission.submit(this.#api);
    switch (outcome.kind) {
      case 'busy':
        return;
      case 'invalid':
        this.#announce('Please correct the highlighted fields.');
        await this.#focusFirstError();
        return;
      case 'failed':
        this.#report(outcome.error);
        await this.updateComplete;
        if (!(await this.#focusFirstError())) {
          await this.#focus('[part~="submit-button"]');
        }
        return;
    }
    const { ticket, accessToken } = outcome.result;
    const entry = { id: ticket.id, ref: ticket.ref, token: accessToken };
    const saved = this.#store.save(entry);
    this.stored = this.#store.list();
    this.summaries = new Map(this.summaries).set(ticket.id, ticket);
    this.submitted = { id: ticket.id, ref: ticket.ref, saved };
    this.view = 'submitted';
    emit(this, 'ticket-submitted', { id: ticket.id, ref: ticket.ref });
    this.#announce(`Request submitted. Your reference is ${ticket.ref}.`);
    await this.#focus('#confirmation-heading');
  }

  #open(entry: StoredTicket): void {
    const known = this.summaries.get(entry.id);
    this.current = entry;
    this.ticket = known && !('error' in known) ? known : null;
    this.loadError = null;
    this.reply = '';
    this.replyError = null;
    this.view = 'ticket';
    this.#follow();
    void this.#load(entry);
    void this.#focus('#ticket-heading');
  }

  async #load(entry: StoredTicket): Promise<void> {
    try {
      const ticket = await this.#api.get(entry.id, entry.token);
      if (this.current?.id === entry.id) {
        this.loadError = null;
        this.#show(ticket);
      }
    } catch (error) {
      if (this.current?.id !== entry.id) return;
      this.#fail(error, (m) => (this.loadError = m));
    }
  }

  #follow(): void {
    const entry = this.current;
    const pollInterval = clampInterval(this.pollInterval);
    this.#live.follow(
      entry && this.view === 'ticket'
        ? { api: this.#api, id: entry.id, token: entry.token, pollInterval }
        : null,
    );
  }

  /**
   * Shows a ticket unless an equal or newer version is already shown.
   * Returns what a requester should hear about the change, if anything.
   */
  #show(ticket: PublicTicket): string | null {
    if (this.current?.id !== ticket.id) return null;
    this.summaries = new Map(this.summaries).set(ticket.id, ticket);
    const before = this.ticket;
    if (before && !isNewer(ticket, before)) return null;
    this.ticket = ticket;
    this.loadError = null;
    if (!before) return null;
    emit(this, 'ticket-updated', ticket);
    const status = describeStatus(ticket.status, ticket.pendingReason);
    if (status !== describeStatus(before.status, before.pendingReason)) {
      return `${ticket.ref} is now: ${status}.`;
    }
    if (countAgent(ticket) > countAgent(before)) {
      return `New reply from support on ${ticket.ref}.`;
    }
    return null;
  }

  async #reply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const entry = this.current;
    if (!entry || this.replySending) return;
    const checked = replyInputSchema.safeParse({ body: this.reply });
    if (!checked.success) {
      this.replyError = checked.error.issues[0]?.message ?? 'Write a reply.';
      await this.#focus('#reply');
      return;
    }
    this.replySending = true;
    try {
      const { ticket, followUpToken } = await this.#api.reply(
        entry.id,
        entry.token,
        checked.data.body,
      );
      this.reply = '';
      this.replyError = null;
      if (followUpToken) {
        this.#openFollowUp(entry, ticket, followUpToken);
        return;
      }
      const change = this.#show(ticket);
      this.#announce(change ? `Reply sent. ${change}` : 'Reply sent.');
    } catch (error) {
      this.#fail(error, (m) => (this.replyError = m));
    } finally {
      this.replySending = false;
    }
    await this.#focus('#reply');
  }

  /** A reply to a closed ticket opened a new one: keep it and show it. */
  #openFollowUp(from: StoredTicket, ticket: PublicTicket, token: string) {
    const entry = { id: ticket.id, ref: ticket.ref, token };
    this.#store.save(entry);
    this.stored = this.#store.list();
    this.summaries = new Map(this.summaries).set(ticket.id, ticket);
    emit(this, 'ticket-submitted', { id: ticket.id, ref: ticket.ref });
    this.#open(entry);
    this.#announce(
      `${from.ref} is closed, so your reply opened a new request, ${ticket.ref}.`,
    );
  }

  #forget(): void {
    if (!this.current) return;
    this.#store.remove(this.current.id);
    this.stored = this.#store.list();
    this.#announce(`${this.current.ref} was removed from this browser.`);
    this.#go('list');
  }

  #go(view: 'form' | 'list'): void {
    const from = this.current;
    this.view = view;
    this.current = null;
    this.ticket = null;
    this.#follow();
    if (view === 'form') {
      this.#submission.clearFailure();
      void this.#focus('#form-heading');
      return;
    }
    void this.#refreshSummaries();
    const back = from ? `[data-id="${CSS.escape(from.id)}"]` : '#list-heading';
    void this.#focus(back).then((ok) => ok || this.#focus('#list-heading'));
  }

  async #refreshSummaries(): Promise<void> {
    const entries = this.stored;
    const results = await Promise.all(
      entries.map(async (entry): Promise<[string, Summary]> => {
        try {
          return [entry.id, await this.#api.get(entry.id, entry.token)];
        } catch (error) {
          const failure = this.#fail(error, () => {});
          return [entry.id, { error: `Could not load: ${failure.message}` }];
        }
      }),
    );
    this.summaries = new Map([...this.summaries, ...results]);
  }

  /** Shows a failure through `show`, reports it, and returns it. */
  #fail(error: unknown, show: (message: string) => void): WidgetError {
    const failure = toWidgetError(error);
    show(failure.message);
    this.#report(failure);
    return failure;
  }

  /** Tells the page about a failure the widget shows. */
  #report({ code, message }: WidgetError): void {
    emit(this, 'ticket-error', { code, message });
  }

  async #announce(text: string): Promise<void> {
    // Clearing first makes a repeated message count as a change.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  async #focus(selector: string): Promise<boolean> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus();
    return target !== null;
  }

  async #focusFirstError(): Promise<boolean> {
    const { errors } = this.#submission;
    const field = FIELD_ORDER.find((f) => errors.fields[f]);
    if (field) return this.#focus(`#${field}`);
    if (errors.other.length) return this.#focus('#form-error');
    return false;
  }
}

function parseCategories(value: string | null): readonly string[] {
  const list = (value ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return list.length ? list : DEFAULT_CATEGORIES;
}

function clampInterval(ms: number): number {
  return Number.isFinite(ms) && ms >= 100 ? ms : 15_000;
}

function isNewer(next: PublicTicket, shown: PublicTicket): boolean {
  if (next.version !== shown.version) return next.version > shown.version;
  return next.messages.length > shown.messages.length;
}

function countAgent(ticket: PublicTicket): number {
  return ticket.messages.filter((m) => m.author === 'agent').length;
}
