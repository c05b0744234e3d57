import type { TemplateResult } from 'lit';
import type { Allowed } from './allowed-actions.js';
import type { Messages } from './i18n/index.js';
import { textField } from './text-field.js';
import { html, nothing } from './tracking-kit.js';

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
  t: Messages;
  format(message: string, values: Record<string, string | number>): string;
  /** What the requester may do now. */
  allowed: Allowed;
  /** The reopen deadline as the requester reads it, or null. */
  reopenUntil: string | null;
  rejecting: boolean;
  reason: string;
  /** The rating the server has, or null before the first one. */
  current: number | null;
  /** The stars chosen on screen (the current rating until changed). */
  chosen: number | null;
  comment: string;
  sending: 'accept' | 'reject' | 'rate' | null;
  errors: ActionErrors;
  onAccept(): void;
  onStartReject(): void;
  onCancelReject(): void;
  onReasonInput(value: string): void;
  onReject(event: SubmitEvent): void;
  onPick(rating: number): void;
  onCommentInput(value: string): void;
  onRate(event: SubmitEvent): void;
}

/**
 * "Did this solve your problem?": accept closes the ticket, reject
 * reopens it with a reason. Shown only when the machine allows either.
 */
export function renderDecision(
  m: ActionsModel,
): TemplateResult | typeof nothing {
  const { accept, reject, windowClosed } = m.allowed;
  if (!accept && !reject) return nothing;
  const tr = m.t.tracking;
  const busy = m.sending !== null;
  return html`<section part="decision" class="decision"
    aria-labelledby="decision-heading">
    <h3 id="decision-heading" tabindex="-1">${tr.decisionHeading}</h3>
    ${
      windowClosed
        ? html`<p class="hint" part="hint">${tr.windowClosed}</p>`
        : m.reopenUntil
          ? html`<p class="hint" part="hint">
              ${m.format(tr.reopenUntil, { date: m.reopenUntil })}
            </p>`
          : nothing
    }
    ${
      m.errors.decision
        ? html`<p class="alert" part="alert" role="alert" id="decision-error">
            ${m.errors.decision}
          </p>`
        : nothing
    }
    ${
      m.rejecting
        ? rejectForm(m, busy)
        : html`<div class="actions">
            ${
              accept
                ? html`<button type="button" id="accept-button"
                    class="primary" part="button accept-button"
                    ?disabled=${busy} @click=${m.onAccept}>
                    ${m.sending === 'accept' ? tr.working : tr.accept}
                  </button>`
                : nothing
            }
            ${
              reject
                ? html`<button type="button" id="reject-button"
                    part="button reject-button"
                    ?disabled=${busy} @click=${m.onStartReject}>
                    ${tr.reject}
                  </button>`
                : nothing
            }
          </div>`
    }
  </section>`;
}

function rejectForm(m: ActionsModel, busy: boolean): TemplateResult {
  const tr = m.t.tracking;
  return html`<form id="reject-form" part="reject-form" novalidate
    @submit=${m.onReject}>
    ${textField({
      id: 'reject-reason',
      name: 'reason',
      label: tr.rejectReason,
      value: m.reason,
      required: true,
      hint: tr.rejectReasonHint,
      error: m.errors.reason,
      onInput: m.onReasonInput,
    })}
    <div class="actions">
      <button type="submit" class="primary" part="button reopen-button"
        ?disabled=${busy}>
        ${m.sending === 'reject' ? tr.working : tr.reopen}
      </button>
      <button type="button" part="button cancel-button" ?disabled=${busy}
        @click=${m.onCancelReject}>${tr.cancel}</button>
    </div>
  </form>`;
}
