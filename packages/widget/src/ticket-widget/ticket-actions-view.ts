import type { PublicTicket } from '@ticketry/core/public';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { Allowed } from './allowed-actions.js';
import type { Localizer } from './i18n/index.js';
import { textField } from './text-field.js';
import { bar, button, form, hint } from './ticket-view.js';

/** A failure to show, by where it shows. */
export interface ActionErrors {
  /** Under the reason of a reject. */
  reason?: string;
  /** Under the stars. */
  rating?: string;
  /** Under the rating's comment. */
  comment?: string;
  /** A failure of accept or reject no field owns. */
  decision?: string;
  /** A failure of the rating no field owns. */
  rate?: string;
}

/** What the decision and rating sections show and whom they tell. */
export interface ActionsModel {
  i18n: Localizer;
  /** What the requester may do now. */
  allowed: Allowed;
  /** The ticket on screen. */
  ticket: PublicTicket;
  rejecting: boolean;
  reason: string;
  /** The stars chosen on screen (the current rating until changed). */
  chosen: number | null;
  comment: string;
  sending: 'accept' | 'reject' | 'rate' | null;
  errors: ActionErrors;
  onAccept(): void;
  /** Opens (true) or cancels (false) the form that asks why. */
  onRejecting(open: boolean): void;
  onReasonInput(value: string): void;
  onReject(event: SubmitEvent): void;
  onPick(rating: number): void;
  onCommentInput(value: string): void;
  onRate(event: SubmitEvent): void;
}

/**
 * A section of the actions: `part`, class and heading (which takes
 * focus) named after `name`.
 */
export const box = (name: string, heading: string, content: unknown[]) =>
  html`<section part=${name} class=${name} aria-labelledby="${name}-heading">
    <h3 id="${name}-heading" tabindex="-1">${heading}</h3>
    ${content}
  </section>`;

/** A failure no field owns, said at once, or nothing. */
export const alert = (message: string | undefined, id: string) =>
  message
    ? html`<p class="alert" part="alert" role="alert" id=${id}>${message}</p>`
    : nothing;

/**
 * "Did this solve your problem?": accept closes the ticket, reject
 * reopens it with a reason. Shown only when the machine allows either.
 */
export function renderDecision(
  m: ActionsModel,
): TemplateResult | typeof nothing {
  const { accept, reject, windowClosed } = m.allowed;
  if (!accept && !reject) return nothing;
  const { t, format, date } = m.i18n;
  const tr = t.tracking;
  const busy = !!m.sending;
  const until = m.ticket.reopenUntil;
  return box('decision', tr.decisionHeading, [
    hint(
      windowClosed
        ? tr.windowClosed
        : until && format(tr.reopenUntil, { date: date(until) }),
    ),
    alert(m.errors.decision, 'decision-error'),
    m.rejecting
      ? form('reject', m.onReject, [
          textField({
            id: 'reject-reason',
            name: 'reason',
            label: tr.rejectReason,
            value: m.reason,
            required: true,
            hint: tr.rejectReasonHint,
            error: m.errors.reason,
            onInput: m.onReasonInput,
          }),
          bar(
            button(
              'reopen',
              m.sending === 'reject' ? tr.working : tr.reopen,
              busy,
            ),
            button('cancel', tr.cancel, busy, () => m.onRejecting(false)),
          ),
        ])
      : bar(
          accept
            ? button(
                'accept',
                m.sending === 'accept' ? tr.working : tr.accept,
                busy,
                m.onAccept,
                true,
              )
            : nothing,
          reject
            ? button('reject', tr.reject, busy, () => m.onRejecting(true))
            : nothing,
        ),
  ]);
}
