import type { PublicTicket } from '@ticketry/core/public';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { type Allowed, allowedActions } from './allowed-actions.js';
import type { TicketApi } from './api.js';
import type { Feedback } from './feedback.js';
import type { Localizer } from './i18n/index.js';
import { renderRating } from './rating-view.js';
import {
  type ActionErrors,
  type ActionsModel,
  renderDecision,
} from './ticket-actions-view.js';
import type { StoredTicket } from './token-store.js';
import { LIMITS, nothing, replyCheck, toWidgetError } from './tracking-kit.js';
import type {
  ClosedReplyPolicy,
  RequesterCommandInput,
} from './tracking-schemas.js';

/** What the ticket view takes from the controller. */
export interface TrackingView {
  /** The decision and rating sections, each or both nothing. */
  actions: (TemplateResult | typeof nothing)[];
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
  i18n: Localizer;
  /** Announces outcomes, moves focus and reports failures. */
  feedback: Feedback;
  /** Shows the ticket the server answered (fires `ticket-updated`). */
  show(ticket: PublicTicket): void;
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
  #chosen: number | null = null;
  #comment: string | null = null;
  #errors: ActionErrors = {};
  #sending: Sending = null;
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
      this.#errors = {};
    }
    if (id) void this.#loadPolicy();
  }

  /** The sections and reply rules for `ticket`, opened with `entry`. */
  view(entry: StoredTicket, ticket: PublicTicket): TrackingView {
    const { t, format, date } = this.#o.i18n;
    const allowed = allowedActions(ticket, this.#policy, Date.now());
    const current = ticket.satisfaction?.rating ?? null;
    const model: ActionsModel = {
      t,
      format,
      allowed,
      reopenUntil: ticket.reopenUntil ? date(ticket.reopenUntil) : null,
      rejecting: this.#rejecting && allowed.reject,
      reason: this.#reason,
      current,
      chosen: this.#chosen ?? current,
      comment: this.#comment ?? ticket.satisfaction?.comment ?? '',
      sending: this.#sending,
      errors: this.#errors,
      onAccept: () => void this.#accept(entry, ticket),
      onStartReject: () => this.#startReject(),
      onCancelReject: () => this.#cancelReject(),
      onReasonInput: (value) => this.#edit(() => (this.#reason = value)),
      onReject: (event) => void this.#reject(event, entry, ticket),
      onPick: (n) => this.#edit(() => (this.#chosen = n)),
      onCommentInput: (v) => this.#edit(() => (this.#comment = v)),
      onRate: (event) => void this.#rate(event, entry, ticket),
    };
    return {
      actions: [
        renderDecision(model),
        allowed.rate ? renderRating(model) : nothing,
      ],
      canReply: allowed.reply,
      replyHint: this.#replyHint(ticket, allowed),
      note: allowed.windowClosed
        ? null
        : ticket.status === 'closed' && !allowed.reply
          ? t.tracking.closedNoReply
          : null,
    };
  }

  #replyHint(ticket: PublicTicket, allowed: Allowed): string | null {
    if (!allowed.reply) return null;
    const { t } = this.#o.i18n;
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
    this.#errors = {};
    this.#host.requestUpdate();
  }

  #startReject(): void {
    this.#rejecting = true;
    this.#host.requestUpdate();
    void this.#focus('#reject-reason');
  }

  #cancelReject(): void {
    this.#rejecting = false;
    this.#reason = '';
    this.#errors = {};
    this.#host.requestUpdate();
    void this.#focus('#reject-button');
  }

  #focus(selector: string): Promise<boolean> {
    return this.#o.feedback.focus(selector);
  }

  /** Shows `message` under a field and moves focus to it (`selector`). */
  async #invalid(
    field: keyof ActionErrors,
    message: string,
    selector: string,
  ): Promise<void> {
    this.#errors[field] = message;
    this.#host.requestUpdate();
    await this.#focus(selector);
  }

  /** Announces a command's outcome, words from `t.tracking`. */
  #announce(
    key: 'accepted' | 'reopened' | 'ratingSent',
    values: Record<string, string | number>,
  ): void {
    const { t, format } = this.#o.i18n;
    void this.#o.feedback.announce(format(t.tracking[key], values));
  }

  async #accept(entry: StoredTicket, ticket: PublicTicket): Promise<void> {
    if (!(await this.#send(entry, ticket, { type: 'accept' }))) return;
    this.#announce('accepted', { ref: ticket.ref });
    if (!(await this.#focus('#rating-heading'))) {
      await this.#focus('#ticket-heading');
    }
  }

  async #reject(
    event: SubmitEvent,
    entry: StoredTicket,
    ticket: PublicTicket,
  ): Promise<void> {
    event.preventDefault();
    const checked = replyCheck.safeParse({ body: this.#reason });
    if (!checked.success) {
      const tooLong = checked.error.issues[0]?.code === 'too_big';
      const message = tooLong
        ? this.#tooLong()
        : this.#o.i18n.t.tracking.rejectReasonRequired;
      return this.#invalid('reason', message, '#reject-reason');
    }
    const reason = checked.data.body;
    if (!(await this.#send(entry, ticket, { type: 'reject', reason }))) {
      await this.#focus('#reject-reason');
      return;
    }
    this.#rejecting = false;
    this.#reason = '';
    this.#announce('reopened', { ref: ticket.ref });
    await this.#focus('#ticket-heading');
  }

  async #rate(
    event: SubmitEvent,
    entry: StoredTicket,
    ticket: PublicTicket,
  ): Promise<void> {
    event.preventDefault();
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
      const message = this.#o.i18n.t.tracking.ratingRequired;
      return this.#invalid('rating', message, '#rating-1');
    }
    if (comment.length > LIMITS.body) {
      return this.#invalid('comment', this.#tooLong(), '#rating-comment');
    }
    const command: RequesterCommandInput = comment
      ? { type: 'rate', rating, comment }
      : { type: 'rate', rating };
    if (!(await this.#send(entry, ticket, command))) return;
    this.#chosen = null;
    this.#comment = null;
    this.#announce('ratingSent', { rating });
    await this.#focus('#rating-current');
  }

  #tooLong(): string {
    const { t, format } = this.#o.i18n;
    return format(t.issues.tooLong, { max: LIMITS.body });
  }

  /** Sends a command; true when the server took it. */
  async #send(
    entry: StoredTicket,
    ticket: PublicTicket,
    command: RequesterCommandInput,
  ): Promise<boolean> {
    if (this.#sending) return false;
    this.#sending = command.type;
    this.#errors = {};
    this.#host.requestUpdate();
    try {
      const next = await this.#o
        .api()
        .command(entry.id, entry.token, ticket.version, command);
      this.#o.show(next);
      return true;
    } catch (error) {
      const failure = toWidgetError(error);
      const shown = this.#o.feedback.fail(failure);
      const conflict = failure.code === 'VERSION_CONFLICT';
      const message = conflict ? this.#o.i18n.t.tracking.conflict : shown;
      this.#errors[command.type === 'rate' ? 'rate' : 'decision'] = message;
      if (conflict) this.#o.reload();
      return false;
    } finally {
      this.#sending = null;
      this.#host.requestUpdate();
    }
  }
}
