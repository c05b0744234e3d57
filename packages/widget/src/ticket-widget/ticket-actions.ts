import type { PublicTicket } from '@ticketry/core/public';
import { LIMITS } from '@ticketry/core/public';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { nothing } from 'lit';
import { allowedActions } from './allowed-actions.js';
import type { TicketApi } from './api.js';
import { toWidgetError } from './api.js';
import { replyCheck } from './check/submission-check.js';
import type { Feedback } from './feedback.js';
import type { Localizer } from './i18n/index.js';
import { describeIssue } from './i18n/index.js';
import { renderRating } from './rating-view.js';
import {
  type ActionErrors,
  type ActionsModel,
  renderDecision,
} from './ticket-actions-view.js';
import type { StoredTicket } from './token-store.js';
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
  /**
   * With the reply form, what a reply does when it does more than add a
   * message; without, why there is no form. Null when nothing needs saying.
   */
  hint: string | null;
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

/** What the live region says once the server took a command. */
type Outcome = 'accepted' | 'reopened' | 'ratingSent';

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
  #sending: ActionsModel['sending'] = null;
  #policy: ClosedReplyPolicy | null = null;
  #policyOf: TicketApi | undefined;
  /** Redraws the open ticket when its reopen window ends. */
  #windowEnd: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #o: TicketActionsOptions;

  constructor(host: ReactiveControllerHost, options: TicketActionsOptions) {
    this.#host = host;
    this.#o = options;
  }

  /** Starts afresh for the ticket `id` (or none) and learns the policy. */
  open(id: string | null): void {
    if (id !== this.#ticketId) {
      clearTimeout(this.#windowEnd);
      this.#ticketId = id;
      this.#rejecting = false;
      this.#reason = '';
      this.#chosen = this.#comment = null;
      this.#errors = {};
    }
    if (id) void this.#loadPolicy();
  }

  /**
   * Reject and reply end with the reopen window, also while the ticket
   * is on screen: a timer redraws it then and says so.
   */
  #watchWindow({ status, reopenUntil }: PublicTicket): void {
    clearTimeout(this.#windowEnd);
    const left =
      status === 'resolved' && reopenUntil
        ? Date.parse(reopenUntil) - Date.now()
        : 0;
    // A timer holds at most about 24 days; a later end is met on a read.
    if (left <= 0 || left >= 2 ** 31) return;
    this.#windowEnd = setTimeout(() => {
      this.#host.requestUpdate();
      const { feedback, i18n } = this.#o;
      void feedback.announce(i18n.t.tracking.windowClosed);
    }, left + 1);
  }

  /** The sections and reply rules for `ticket`, opened with `entry`. */
  view(entry: StoredTicket, ticket: PublicTicket): TrackingView {
    const { i18n } = this.#o;
    const { t } = i18n;
    const tr = t.tracking;
    const { status } = ticket;
    const policy = this.#policy;
    const allowed = allowedActions(ticket, policy, Date.now());
    if (!allowed.windowClosed) this.#watchWindow(ticket);
    const m: ActionsModel = {
      i18n,
      allowed,
      ticket,
      rejecting: this.#rejecting && allowed.reject,
      reason: this.#reason,
      chosen: this.#chosen ?? ticket.satisfaction?.rating ?? null,
      comment: this.#comment ?? ticket.satisfaction?.comment ?? '',
      sending: this.#sending,
      errors: this.#errors,
      onAccept: () => void this.#accept(entry, ticket),
      onRejecting: (open) => this.#setRejecting(open),
      onReasonInput: (value) => this.#edit(() => (this.#reason = value)),
      onReject: (event) => void this.#reject(event, entry, ticket),
      onPick: (n) => this.#edit(() => (this.#chosen = n)),
      onCommentInput: (v) => this.#edit(() => (this.#comment = v)),
      onRate: (event) => void this.#rate(event, entry, ticket),
    };
    return {
      actions: [renderDecision(m), allowed.rate ? renderRating(m) : nothing],
      canReply: allowed.reply,
      hint:
        status === 'resolved'
          ? allowed.reply
            ? t.replyReopens
            : null
          : status !== 'closed'
            ? null
            : !allowed.reply
              ? tr.closedNoReply
              : policy === 'reopen'
                ? tr.replyReopensClosed
                : policy === 'new_ticket'
                  ? tr.replyOpensNew
                  : t.replyClosed,
    };
  }

  async #loadPolicy(): Promise<void> {
    const api = this.#o.api();
    if (this.#policyOf === api) return;
    this.#policyOf = api;
    // A server without /policy: the reply hint stays general.
    this.#policy = await api.policy().catch(() => null);
    this.#host.requestUpdate();
  }

  #edit(change: () => void): void {
    change();
    this.#errors = {};
    this.#host.requestUpdate();
  }

  /** Opens the reason of a reject, or cancels it and forgets the reason. */
  #setRejecting(open: boolean): void {
    this.#rejecting = open;
    if (!open) {
      this.#reason = '';
      this.#errors = {};
    }
    this.#host.requestUpdate();
    void this.#focus(open ? '#reject-reason' : '#reject-button');
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

  async #accept(entry: StoredTicket, ticket: PublicTicket): Promise<void> {
    if (!(await this.#send(entry, ticket, { type: 'accept' }, 'accepted'))) {
      return this.#o.feedback.regain('#accept-button');
    }
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
      const { t, format } = this.#o.i18n;
      const issue = checked.error.issues[0]!;
      const message =
        issue.code === 'too_big'
          ? describeIssue(issue, t, format)
          : t.tracking.rejectReasonRequired;
      return this.#invalid('reason', message, '#reject-reason');
    }
    const reason = checked.data.body;
    const command = { type: 'reject', reason } as const;
    const sent = await this.#send(entry, ticket, command, 'reopened');
    if (sent) {
      this.#rejecting = false;
      this.#reason = '';
    }
    await this.#focus(sent ? '#ticket-heading' : '#reject-reason');
  }

  async #rate(
    event: SubmitEvent,
    entry: StoredTicket,
    ticket: PublicTicket,
  ): Promise<void> {
    event.preventDefault();
    const { t, format } = this.#o.i18n;
    // Read now: the view may not have drawn the last change yet.
    const rating = this.#chosen ?? ticket.satisfaction?.rating;
    const comment = (
      this.#comment ??
      ticket.satisfaction?.comment ??
      ''
    ).trim();
    if (!rating) {
      return this.#invalid('rating', t.tracking.ratingRequired, '#rating-1');
    }
    if (comment.length > LIMITS.body) {
      const message = format(t.issues.tooLong, { max: LIMITS.body });
      return this.#invalid('comment', message, '#rating-comment');
    }
    // No comment is sent as none, not as an empty one.
    const command: RequesterCommandInput = {
      type: 'rate',
      rating,
      comment: comment || undefined,
    };
    if (!(await this.#send(entry, ticket, command, 'ratingSent'))) {
      return this.#o.feedback.regain('#rate-button');
    }
    this.#chosen = this.#comment = null;
    await this.#focus('#rating-current');
  }

  /**
   * Sends a command; once the server took it, shows the ticket, says
   * `outcome` and answers true.
   */
  async #send(
    entry: StoredTicket,
    ticket: PublicTicket,
    command: RequesterCommandInput,
    outcome: Outcome,
  ): Promise<boolean> {
    if (this.#sending) return false;
    const { i18n, feedback } = this.#o;
    this.#sending = command.type;
    this.#errors = {};
    this.#host.requestUpdate();
    try {
      this.#o.show(
        await this.#o
          .api()
          .command(entry.id, entry.token, ticket.version, command),
      );
      void feedback.announce(
        i18n.format(i18n.t.tracking[outcome], { ...command, ref: ticket.ref }),
      );
      return true;
    } catch (error) {
      const failure = toWidgetError(error);
      const shown = feedback.fail(failure);
      const conflict = failure.code === 'VERSION_CONFLICT';
      const message = conflict ? i18n.t.tracking.conflict : shown;
      this.#errors[command.type === 'rate' ? 'rate' : 'decision'] = message;
      if (conflict) this.#o.reload();
      return false;
    } finally {
      this.#sending = null;
      this.#host.requestUpdate();
    }
  }
}
