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
import { extrasStyles, renderExtras } from './extras-view.js';
import { renderForm } from './form-view.js';
import {
  describeError,
  describeIssue,
  LocaleController,
} from './i18n/index.js';
import { IdentityController } from './identity.js';
import { DEFAULT_CATEGORIES, describeStatus } from './labels.js';
import {
  LauncherController,
  launcherStyles,
  type WidgetMode,
} from './launcher.js';
import { LiveTicketController } from './live-ticket.js';
import { OutboxController } from './outbox-controller.js';
import type { PrefillValues } from './prefill.js';
import { styles } from './styles.js';
import { SubmissionController } from './submission.js';
import { SUBMIT_TEXT } from './submit-text.js';
import { TicketActionsController } from './ticket-actions.js';
import { renderTicket } from './ticket-view.js';
import {
  createTokenStore,
  type StoredTicket,
  type TokenStore,
} from './token-store.js';
import { trackingStyles } from './tracking-styles.js';
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
 *   loaded (stream, poll, or the requester's reply, accept, reject or
 *   rating). Detail: the public ticket.
 * @fires ticket-error - A call failed; the widget also shows it. Detail:
 *   `{ code, message }`.
 *
 * @csspart base - The wrapper of everything inside: the visible box, with
 *   the widget's `lang` and `dir`.
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
 * @csspart optional - The "(optional)" after a label.
 * @csspart button - Every button (each also has its own part below).
 * @csspart submit-button - The button that submits the form.
 * @csspart open-button - Confirmation: opens the new request.
 * @csspart new-button - Confirmation: starts another request.
 * @csspart confirmation - What shows after a submission.
 * @csspart reference - The new ticket's reference.
 * @csspart list-view - My requests.
 * @csspart list - The list of the requester's tickets.
 * @csspart list-item - One ticket in that list.
 * @csspart ticket-button - The button that opens a ticket of the list.
 * @csspart ticket - The tracking view of one ticket.
 * @csspart back-button - Back from a ticket to the list.
 * @csspart forget-button - Removes a ticket that no longer opens.
 * @csspart status - The ticket's status.
 * @csspart pending-reason - Why a pending ticket waits.
 * @csspart expectation - A promised date (also `expectation-first-response`,
 *   `expectation-next-response` or `expectation-resolution`).
 * @csspart resolution - The resolution, once resolved.
 * @csspart conversation - The public messages.
 * @csspart message - One message (also `message-agent` or
 *   `message-requester`).
 * @csspart reply-form - The reply box and its button.
 * @csspart hint - What a reply will do to a resolved or closed ticket.
 * @csspart reply-button - The button that sends a reply.
 * @csspart decision - "Did this solve your problem?" on a resolved ticket.
 * @csspart accept-button - Accepts the resolution (closes the ticket).
 * @csspart reject-button - Opens the reason box to reject the resolution.
 * @csspart reject-form - The reason box and its buttons.
 * @csspart reopen-button - Sends the rejection (reopens the ticket).
 * @csspart cancel-button - Closes the reason box unsent.
 * @csspart rating - The rating section after resolve or close.
 * @csspart rating-current - The rating already given.
 * @csspart rating-form - The stars, the comment and the send button.
 * @csspart stars - The group of five star radio buttons.
 * @csspart star - One star's 44 × 44 label (also `star-on` when chosen
 *   or below the chosen one).
 * @csspart rate-button - Sends the rating.
 * @csspart identity-note - Under My requests: whose requests an
 *   identified list shows, or why they could not be loaded.
 * @csspart checkbox - A custom checkbox field.
 * @csspart file-input - The file picker for attachments.
 * @csspart progress - The upload progress bar.
 * @csspart notice - The form's status: saved offline, sent later.
 * @csspart launcher-button - Launcher mode: the floating button (56 × 56)
 *   that opens and closes the panel.
 * @csspart panel - Launcher mode: the floating panel around everything
 *   else.
 * @csspart close-button - Launcher mode: the panel's close button.
 *
 * @cssprop [--ticket-font-family=system-ui, sans-serif] - Font of the
 *   widget.
 * @cssprop [--ticket-font-size=16px] - Base font size; every size inside
 *   follows it. Not `rem`-based, so the page's root size does not leak in.
 * @cssprop [--ticket-color=#1f2328] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--ticket-muted-color=#59636e] - Secondary text colour (dark
 *   `#9198a1`).
 * @cssprop [--ticket-background=#ffffff] - Background of the widget (dark
 *   `#0d1117`).
 * @cssprop [--ticket-input-background=#ffffff] - Background of the
 *   controls (dark `#151b23`).
 * @cssprop [--ticket-border-color=#818b98] - Borders of the widget and
 *   controls (dark `#656c76`).
 * @cssprop [--ticket-accent-color=#0969da] - Buttons and links (dark
 *   `#4493f8`).
 * @cssprop [--ticket-accent-contrast=#ffffff] - Text on the accent colour
 *   (dark `#0d1117`).
 * @cssprop [--ticket-error-color=#cf222e] - Errors and invalid fields
 *   (dark `#f85149`).
 * @cssprop [--ticket-focus-color=#0969da] - The focus ring (dark
 *   `#4493f8`).
 * @cssprop [--ticket-radius=8px] - Corner radius.
 * @cssprop [--ticket-padding=1em] - Space inside the widget.
 * @cssprop [--ticket-max-width=640px] - Widest the widget grows.
 * @cssprop --ticket-launcher-offset - Launcher mode: distance of the
 *   button and panel from the bottom and inline-end edges. Default 16px.
 * @cssprop --ticket-launcher-z-index - Launcher mode: stacking level of
 *   the button and panel. Default 2147483000.
 * @cssprop --ticket-panel-width - Launcher mode: width of the panel,
 *   capped by the viewport. Default 400px.
 *
 * @example
 * <ticket-widget endpoint="https://help.example.com/api/v1"></ticket-widget>
 * <ticket-widget mode="launcher" endpoint="/api/v1"></ticket-widget>
 */
export class TicketWidget extends LitElement {
  static override styles = [
    styles,
    launcherStyles,
    trackingStyles,
    extrasStyles,
  ];

  static override properties = {
    endpoint: { type: String },
    categories: {
      converter: {
        fromAttribute: (value: string | null) => parseCategories(value),
      },
    },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    locale: { type: String },
    timeZone: { type: String, attribute: 'time-zone' },
    theme: { type: String, reflect: true },
    mode: { type: String, reflect: true },
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
  /**
   * Language and locale (BCP 47, e.g. `pt-BR`) to use instead of the one
   * detected from the nearest `lang`, the page and the browser.
   */
  declare locale: string | undefined;
  /** IANA time zone for dates, e.g. `Europe/Berlin`. @default the browser's */
  declare timeZone: string | undefined;
  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | undefined;
  /**
   * `inline` sits in the page's flow; `launcher` shows a floating button
   * that opens the widget in a panel. @default 'inline'
   */
  declare mode: WidgetMode;

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
  #i18n = new LocaleController(this);
  #submission = new SubmissionController(this);
  #outbox = new OutboxController(this, {
    api: () => this.#api,
    endpoint: () => this.endpoint,
    sent: ({ ticket, accessToken }) => {
      this.#keep({ id: ticket.id, ref: ticket.ref, token: accessToken });
      this.summaries = new Map(this.summaries).set(ticket.id, ticket);
      emit(this, 'ticket-submitted', { id: ticket.id, ref: ticket.ref });
      const text = this.#i18n.format(SUBMIT_TEXT.sentLater, {
        ref: ticket.ref,
      });
      this.#submission.notice = text;
      this.#announce(text);
    },
    dropped: (error) => {
      const message = describeError(error, this.#i18n.t);
      this.#report(error);
      this.#announce(this.#i18n.format(SUBMIT_TEXT.droppedLater, { message }));
    },
  });
  #launcher = new LauncherController(this);
  #identity = new IdentityController(this, {
    api: () => this.#api,
    fail: (error) =>
      describeError(
        this.#fail(error, () => {}),
        this.#i18n.t,
      ),
  });
  #actions = new TicketActionsController(this, {
    api: () => this.#api,
    i18n: () => this.#i18n,
    show: (ticket) => void this.#show(ticket),
    announce: (text) => void this.#announce(text),
    focus: (selector) => this.#focus(selector),
    fail: (error) =>
      describeError(
        this.#fail(error, () => {}),
        this.#i18n.t,
      ),
    reload: () => this.current && void this.#load(this.current),
  });
  #live = new LiveTicketController(this, {
    onTicket: (ticket) => {
      const change = this.#show(ticket);
      if (change) this.#announce(change);
    },
    onError: (error) => this.#fail(error, (m) => (this.loadError = m)),
  });

  constructor() {
    super();
    this.#submission.outbox = this.#outbox;
    this.#submission.describe = {
      error: (error) => describeError(error, this.#i18n.t),
      issue: (issue) => describeIssue(issue, this.#i18n.t),
    };
    this.endpoint = '';
    this.categories = DEFAULT_CATEGORIES;
    this.pollInterval = 15_000;
    this.mode = 'inline';
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
      this.#api = createTicketApi(this.endpoint, {
        identity: () => this.#identity.token,
      });
      this.#store = createTokenStore(this.endpoint);
      this.#identity.clearListed();
      this.stored = this.#store.list();
      if (this.view === 'ticket') this.#go('list');
      void this.#submission.loadForm(this.#api);
      void this.#outbox.flush();
    }
    if (changed.has('pollInterval') && this.current) this.#follow();
  }

  /**
   * Opens the panel (launcher mode) and moves focus into it; inline,
   * scrolls the widget into view and focuses its heading.
   */
  open(): Promise<void> {
    return this.#launcher.open();
  }

  /** Closes the panel (launcher mode); focus returns to the button. */
  close(): Promise<void> {
    return this.#launcher.close();
  }

  /**
   * Fills form fields the requester has not edited: built-in ones by
   * name, custom ones under `fields`. What they typed is never
   * overwritten; values for custom fields wait for the form to load,
   * and a fresh form after a submission is filled again.
   *
   * @example
   * widget.prefill({ email: user.email, fields: { asset: 'PC-0042' } });
   */
  prefill(values: PrefillValues): void {
    this.#submission.prefill(values);
  }

  /**
   * Identifies the signed-in requester with a token your server signs
   * (`signIdentity` from `@ticketry/adapters/http/server`): My requests
   * then lists all of their tickets, and submissions are filed under
   * them. `null` signs out and forgets those tickets. The token stays in
   * memory only; call again with a fresh one before it expires.
   */
  async identify(token: string | null): Promise<void> {
    const before = this.#identity.token;
    this.#identity.set(token);
    if (before && this.current?.token === before) {
      if (token) this.current = { ...this.current, token };
      if (token) this.#follow();
      else this.#go('list');
    }
    if (!token) {
      const kept = new Set(this.stored.map((e) => e.id));
      this.summaries = new Map(
        [...this.summaries].filter(([id]) => kept.has(id)),
      );
    }
    await this.#refreshSummaries();
  }

  protected override render(): TemplateResult {
    const { t, lang, dir } = this.#i18n;
    return this.#launcher.wrap(
      html`<div part="base" class="root" lang=${lang}
      dir=${dir}>
      <div class="visually-hidden" role="status" aria-live="polite"
        aria-atomic="true">${this.announcement}</div>
      ${
        this.endpoint
          ? renderNav(
              this.view,
              this.#entries().length,
              (v) => this.#go(v),
              this.#i18n,
            )
          : html`<p class="alert" part="alert" role="alert">${t.noEndpoint}</p>`
      }
      ${this.#renderView()}
    </div>`,
      { lang, dir },
    );
  }

  #renderView() {
    switch (this.view) {
      case 'submitted':
        return renderConfirmation({
          ref: this.submitted?.ref ?? '',
          saved: this.submitted?.saved ?? true,
          i18n: this.#i18n,
          onOpen: () => {
            const id = this.submitted?.id;
            const entry = this.#entries().find((e) => e.id === id);
            if (entry) this.#open(entry);
          },
          onNew: () => this.#go('form'),
        });
      case 'list':
        return html`${renderList({
          entries: this.#entries(),
          summaries: this.summaries,
          i18n: this.#i18n,
          onOpen: (entry) => this.#open(entry),
        })}${this.#identity.note(this.#i18n)}`;
      case 'ticket':
        return this.current
          ? renderTicket({
              entry: this.current,
              ticket: this.ticket,
              loadError: this.loadError,
              reply: this.reply,
              replyError: this.replyError,
              replySending: this.replySending,
              i18n: this.#i18n,
              fileUrl: (file) => {
                const { id, token } = this.current ?? { id: '', token: '' };
                return this.#api.fileUrl(id, token, file);
              },
              tracking: this.ticket
                ? this.#actions.view(this.current, this.ticket)
                : undefined,
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
          i18n: this.#i18n,
          extra: renderExtras({
            extras: form.extras,
            errors: form.errors,
            notice: form.notice,
            round: form.round,
            i18n: this.#i18n,
            onCustom: (name, value) => form.editCustom(name, value),
            onFiles: (files) => form.setFiles(files),
          }),
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
      case 'queued':
        this.#submission.notice = SUBMIT_TEXT.queued;
        this.#announce(SUBMIT_TEXT.queued);
        return;
      case 'invalid':
        this.#announce(this.#i18n.t.fixFields);
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
    const saved = this.#keep(entry);
    this.summaries = new Map(this.summaries).set(ticket.id, ticket);
    this.submitted = { id: ticket.id, ref: ticket.ref, saved };
    this.view = 'submitted';
    emit(this, 'ticket-submitted', { id: ticket.id, ref: ticket.ref });
    const { t, format } = this.#i18n;
    this.#announce(format(t.submitted, { ref: ticket.ref }));
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
    this.#actions.open(entry.id);
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
    const { t, format } = this.#i18n;
    const status = describeStatus(ticket.status, ticket.pendingReason, t);
    if (status !== describeStatus(before.status, before.pendingReason, t)) {
      return format(t.nowStatus, { ref: ticket.ref, status });
    }
    if (countAgent(ticket) > countAgent(before)) {
      return format(t.newReply, { ref: ticket.ref });
    }
    return null;
  }

  async #reply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const entry = this.current;
    if (!entry || this.replySending) return;
    const checked = replyInputSchema.safeParse({ body: this.reply });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      this.replyError = issue
        ? describeIssue(issue, this.#i18n.t)
        : this.#i18n.t.writeReply;
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
      const sent = this.#i18n.t.replySent;
      this.#announce(change ? `${sent} ${change}` : sent);
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
    this.#keep(entry);
    this.summaries = new Map(this.summaries).set(ticket.id, ticket);
    emit(this, 'ticket-submitted', { id: ticket.id, ref: ticket.ref });
    this.#open(entry);
    const { t, format } = this.#i18n;
    this.#announce(format(t.followUp, { from: from.ref, ref: ticket.ref }));
  }

  #forget(): void {
    if (!this.current) return;
    this.#store.remove(this.current.id);
    this.stored = this.#store.list();
    const { t, format } = this.#i18n;
    this.#announce(format(t.forgotten, { ref: this.current.ref }));
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

  /** My requests: stored on this device and the identity's, merged. */
  #entries(): StoredTicket[] {
    return this.#identity.entries(this.stored, (id) => {
      const known = this.summaries.get(id);
      return known && 'createdAt' in known ? known.createdAt : undefined;
    });
  }

  /**
   * Keeps a new ticket's token: on this device, or for this page only
   * while identified (the identity opens it). False when storage refused.
   */
  #keep(entry: StoredTicket): boolean {
    if (this.#identity.token) {
      this.#identity.keep(entry);
      return true;
    }
    const saved = this.#store.save(entry);
    this.stored = this.#store.list();
    return saved;
  }

  async #refreshSummaries(): Promise<void> {
    const mine = await this.#identity.refresh();
    const listed = new Set(mine.map((t) => t.id));
    const entries = this.#entries().filter((e) => !listed.has(e.id));
    const results: [string, Summary][] = mine.map((t) => [t.id, t]);
    results.push(
      ...(await Promise.all(
        entries.map(async (entry): Promise<[string, Summary]> => {
          try {
            return [entry.id, await this.#api.get(entry.id, entry.token)];
          } catch (error) {
            const failure = this.#fail(error, () => {});
            const { t, format } = this.#i18n;
            const message = describeError(failure, t);
            return [entry.id, { error: format(t.couldNotLoad, { message }) }];
          }
        }),
      )),
    );
    this.summaries = new Map([...this.summaries, ...results]);
  }

  /** Shows a failure through `show`, reports it, and returns it. */
  #fail(error: unknown, show: (message: string) => void): WidgetError {
    const failure = toWidgetError(error);
    show(describeError(failure, this.#i18n.t));
    this.#report(failure);
    return failure;
  }

  /** Tells the page about a failure, in the words the widget shows. */
  #report(failure: WidgetError): void {
    const message = describeError(failure, this.#i18n.t);
    emit(this, 'ticket-error', { code: failure.code, message });
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
    const ids = [...FIELD_ORDER, ...Object.keys(errors.fields)];
    const field = ids.find((f) => errors.fields[f]);
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
