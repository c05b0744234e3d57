import type { PublicTicket } from '@ticketry/core/public';
import type {
  nothing as litNothing,
  ReactiveControllerHost,
  TemplateResult,
} from 'lit';
import { type Allowed, allowedActions } from './allowed-actions.js';
import type { TicketApi } from './api.js';
import type { Localizer } from './i18n/index.js';
import { renderRating } from './rating-view.js';
import { renderDecision } from './ticket-actions-view.js';
import type { StoredTicket } from './token-store.js';
import { kit } from './tracking-kit.js';
import type {
  ClosedReplyPolicy,
  RequesterCommandInput,
} from './tracking-schemas.js';

/** What the ticket view takes from the controller. */
export interface TrackingView {
  /** The decision and rating sections, or nothing. */
  actions: TemplateResult | typeof litNothing;
  /** False hides the reply form: the machine or the desk refuses it. */
  canReply: boolean;
  /** What a reply will do, when it does more than add a message. */
  replyHint: string | null;
  /** Why there is no reply form, when there is a reason to say. */
  note: string | null;
}

/** What the controller needs from its element. */
export interface TicketActionsOptions {
  api(): TicketApi;
  i18n(): Localizer;
  /** Shows the ticket the server answered (fires `ticket-updated`). */
  show(ticket: PublicTicket): void;
  announce(text: string): void;
  focus(selector: string): Promise<boolean>;
  /** Reports a failure as `ticket-error`; returns the words to show. */
  fail(error: unknown): string;
  /** Reads the ticket again, after a version conflict. */
  reload(): void;
}

type Sending = 'accept' | 'reject' | 'rate' | null;

/**
 * Accept, reject (reopen with a reason) and rate for the ticket on
 * screen, offered only as the machine and the desk's policy allow.
 * Each action shows its errors, announces its outcome, and moves focus
 * to what comes next.
 */
export class TicketActionsController {
  #ticketId: string | null = null;
  #rejecting = false;
  #reason = '';
  #reasonError: string | null = null;
  #chosen: number | null = null;
  #comment: string | null = null;
  #ratingError: string | null = null;
  #commentError: string | null = null;
  #sending: Sending = null;
  #error: string | null = null;
  #ratingFailure: string | null = null;
  #policy: ClosedReplyPolicy | null = null;
  #policyOf: TicketApi | null = null;
  readonly #host: ReactiveControllerHost;
  readonly #o: TicketActionsOptions;

  constructor(host: ReactiveControllerHost, options: TicketActionsOptions) {
    this.#host = host;
    this.#o = options;
  }

  /** Starts afresh for the ticket `id` (or none) and learns the policy. */
  open(id: string | null): void {
    if (id !== this.#ticketId) {
      this.#ticketId = id;
      this.#rejecting = false;
      this.#reason = '';
      this.#chosen = null;
      this.#comment = null;
      this.#clearErrors();
    }
    if (id) void this.#loadPolicy();
  }

  /** The sections and reply rules for `ticket`, opened with `entry`. */
  view(entry: StoredTicket, ticket: PublicTicket): TrackingView {
    const { html } = kit();
    const nothing: typeof litNothing = kit().nothing;
    const { t, format, date } = this.#o.i18n();
    const tr = t.tracking;
    const allowed = allowedActions(ticket, this.#policy, Date.now());
    const decision = renderDecision({
      tr,
      format,
      canAccept: allowed.accept,
      canReject: allowed.reject,
      reopenUntil: ticket.reopenUntil ? date(ticket.reopenUntil) : null,
      windowClosed: allowed.windowClosed,
      rejecting: this.#rejecting && allowed.reject,
      reason: this.#reason,
      reasonError: this.#reasonError,
      sending: this.#sending,
      error: this.#error,
      onAccept: () => void this.#accept(entry, ticket),
      onStartReject: () => this.#startReject(),
      onCancelReject: () => this.#cancelReject(),
      onReasonInput: (value) => this.#edit(() => (this.#reason = value)),
      onReject: (event) => void this.#reject(event, entry, ticket),
    });
    const current = ticket.satisfaction?.rating ?? null;
    const rating = allowed.rate
      ? renderRating({
          tr,
          optional: t.optional,
          format,
          current,
          chosen: this.#chosen ?? current,
          comment: this.#comment ?? ticket.satisfaction?.comment ?? '',
          ratingError: this.#ratingError,
          commentError: this.#commentError,
          sending: this.#sending === 'rate',
          error: this.#ratingFailure,
          onPick: (n) => this.#edit(() => (this.#chosen = n)),
          onCommentInput: (v) => this.#edit(() => (this.#comment = v)),
          onRate: (event) => void this.#rate(event, entry, ticket),
        })
      : nothing;
    return {
      actions:
        decision === nothing && rating === nothing
          ? nothing
          : html`${decision}${rating}`,
      canReply: allowed.reply,
      replyHint: this.#replyHint(ticket, allowed),
      note: allowed.windowClosed
        ? null
        : ticket.status === 'closed' && !allowed.reply
          ? tr.closedNoReply
          : null,
    };
  }

  #replyHint(ticket: PublicTicket, allowed: Allowed): string | null {
    if (!allowed.reply) return null;
    const { t } = this.#o.i18n();
    const tr = t.tracking;
    if (ticket.status === 'resolved') return t.replyReopens;
    if (ticket.status !== 'closed') return null;
    if (this.#policy === 'reopen') return tr.replyReopensClosed;
    if (this.#policy === 'new_ticket') return tr.replyOpensNew;
    return t.replyClosed;
  }

  async #loadPolicy(): Promise<void> {
    const api = this.#o.api();
    if (this.#policyOf === api) return;
    this.#policyOf = api;
    try {
      this.#policy = await api.policy();
      this.#host.requestUpdate();
    } catch {
      // A server without /policy: the reply hint stays general.
      this.#policy = null;
    }
  }

  #edit(change: () => void): void {
    change();
    this.#clearErrors();
    this.#host.requestUpdate();
  }

  #clearErrors(): void {
    this.#reasonError = null;
    this.#ratingError = null;
    this.#commentError = null;
    this.#error = null;
    this.#ratingFailure = null;
  }

  #startReject(): void {
    this.#rejecting = true;
    this.#host.requestUpdate();
    void this.#o.focus('#reject-reason');
  }

  #cancelReject(): void {
    this.#rejecting = false;
    this.#reason = '';
    this.#clearErrors();
    this.#host.requestUpdate();
    void this.#o.focus('#reject-button');
  }

  async #accept(entry: StoredTicket, ticket: PublicTicket): Promise<void> {
    const done = await this.#send('accept', entry, ticket, { type: 'accept' });
    if (!done) return;
    const { t, format } = this.#o.i18n();
    this.#o.announce(format(t.tracking.accepted, { ref: ticket.ref }));
    if (!(await this.#o.focus('#rating-heading'))) {
      await this.#o.focus('#ticket-heading');
    }
  }

  async #reject(
    event: SubmitEvent,
    entry: StoredTicket,
    ticket: PublicTicket,
  ): Promise<void> {
    const { replyCheck } = kit();
    event.preventDefault();
    const tr = this.#o.i18n().t.tracking;
    const checked = replyCheck.safeParse({ body: this.#reason });
    if (!checked.success) {
      const tooLong = checked.error.issues[0]?.code === 'too_big';
      this.#reasonError = tooLong ? this.#tooLong() : tr.rejectReasonRequired;
      this.#host.requestUpdate();
      await this.#o.focus('#reject-reason');
      return;
    }
    const reason = checked.data.body;
    const done = await this.#send('reject', entry, ticket, {
      type: 'reject',
      reason,
    });
    if (!done) {
      await this.#o.focus('#reject-reason');
      return;
    }
    this.#rejecting = false;
    this.#reason = '';
    const { format } = this.#o.i18n();
    this.#o.announce(format(tr.reopened, { ref: ticket.ref }));
    await this.#o.focus('#ticket-heading');
  }

  async #rate(
    event: SubmitEvent,
    entry: StoredTicket,
    ticket: PublicTicket,
  ): Promise<void> {
    const { LIMITS } = kit();
    event.preventDefault();
    const { t, format } = this.#o.i18n();
    const tr = t.tracking;
    const rating = this.#chosen ?? ticket.satisfaction?.rating ?? null;
    const comment = (
      this.#comment ??
      ticket.satisfaction?.comment ??
      ''
    ).trim();
    if (
      rating === null ||
      !Number.isInteger(rating) ||
      rating < 1 ||
      rating > 5
    ) {
      this.#ratingError = tr.ratingRequired;
      this.#host.requestUpdate();
      await this.#o.focus('#rating-1');
      return;
    }
    if (comment.length > LIMITS.body) {
      this.#commentError = this.#tooLong();
      this.#host.requestUpdate();
      await this.#o.focus('#rating-comment');
      return;
    }
    const command: RequesterCommandInput = comment
      ? { type: 'rate', rating, comment }
      : { type: 'rate', rating };
    if (!(await this.#send('rate', entry, ticket, command))) return;
    this.#chosen = null;
    this.#comment = null;
    this.#o.announce(format(tr.ratingSent, { rating }));
    await this.#o.focus('#rating-current');
  }

  #tooLong(): string {
    const { LIMITS } = kit();
    const { t, format } = this.#o.i18n();
    return format(t.issues.tooLong, { max: LIMITS.body });
  }

  /** Sends a command; true when the server took it. */
  async #send(
    kind: Exclude<Sending, null>,
    entry: StoredTicket,
    ticket: PublicTicket,
    command: RequesterCommandInput,
  ): Promise<boolean> {
    const { toWidgetError } = kit();
    if (this.#sending) return false;
    this.#sending = kind;
    this.#clearErrors();
    this.#host.requestUpdate();
    try {
      const next = await this.#o
        .api()
        .command(entry.id, entry.token, ticket.version, command);
      this.#o.show(next);
      return true;
    } catch (error) {
      const failure = toWidgetError(error);
      const shown = this.#o.fail(failure);
      const conflict = failure.code === 'VERSION_CONFLICT';
      const message = conflict ? this.#o.i18n().t.tracking.conflict : shown;
      if (kind === 'rate') this.#ratingFailure = message;
      else this.#error = message;
      if (conflict) this.#o.reload();
      return false;
    } finally {
      this.#sending = null;
      this.#host.requestUpdate();
    }
  }
}
