import type { nothing as litNothing, TemplateResult } from 'lit';
import type { Messages } from './i18n/index.js';
import { kit } from './tracking-kit.js';

/** What the answer to a resolution shows and whom it tells. */
export interface DecisionModel {
  tr: Messages['tracking'];
  format(message: string, values: Record<string, string | number>): string;
  canAccept: boolean;
  canReject: boolean;
  /** The reopen deadline as the requester reads it, or null. */
  reopenUntil: string | null;
  /** The reopen window has passed: say so instead of offering reject. */
  windowClosed: boolean;
  rejecting: boolean;
  reason: string;
  reasonError: string | null;
  sending: 'accept' | 'reject' | 'rate' | null;
  /** A failure of accept or reject no field owns. */
  error: string | null;
  onAccept(): void;
  onStartReject(): void;
  onCancelReject(): void;
  onReasonInput(value: string): void;
  onReject(event: SubmitEvent): void;
}

/**
 * "Did this solve your problem?": accept closes the ticket, reject
 * reopens it with a reason. Shown only when the machine allows either.
 */
export function renderDecision(
  m: DecisionModel,
): TemplateResult | typeof litNothing {
  const { html } = kit();
  const nothing: typeof litNothing = kit().nothing;
  if (!m.canAccept && !m.canReject) return nothing;
  const { tr } = m;
  const busy = m.sending !== null;
  return html`<section part="decision" class="decision"
    aria-labelledby="decision-heading">
    <h3 id="decision-heading" tabindex="-1">${tr.decisionHeading}</h3>
    ${
      m.windowClosed
        ? html`<p class="hint" part="hint">${tr.windowClosed}</p>`
        : m.reopenUntil
          ? html`<p class="hint" part="hint">
              ${m.format(tr.reopenUntil, { date: m.reopenUntil })}
            </p>`
          : nothing
    }
    ${
      m.error
        ? html`<p class="alert" part="alert" role="alert" id="decision-error">
            ${m.error}
          </p>`
        : nothing
    }
    ${
      m.rejecting
        ? rejectForm(m, busy)
        : html`<div class="actions">
            ${
              m.canAccept
                ? html`<button type="button" id="accept-button"
                    class="primary" part="button accept-button"
                    ?disabled=${busy} @click=${m.onAccept}>
                    ${m.sending === 'accept' ? tr.working : tr.accept}
                  </button>`
                : nothing
            }
            ${
              m.canReject
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

function rejectForm(m: DecisionModel, busy: boolean): TemplateResult {
  const { html, ifDefined, live, nothing } = kit();
  const { tr } = m;
  const describedBy = m.reasonError
    ? 'reject-reason-error reject-reason-hint'
    : 'reject-reason-hint';
  return html`<form id="reject-form" part="reject-form" novalidate
    @submit=${m.onReject}>
    <div class="field" part="field">
      <label for="reject-reason" part="label">${tr.rejectReason}</label>
      <textarea id="reject-reason" name="reason" part="textarea" required
        .value=${live(m.reason)}
        aria-invalid=${m.reasonError ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @input=${(e: Event) =>
          m.onReasonInput((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="hint" part="hint" id="reject-reason-hint">
        ${tr.rejectReasonHint}
      </p>
      ${
        m.reasonError
          ? html`<p class="error" part="error" id="reject-reason-error">
              ${m.reasonError}
            </p>`
          : nothing
      }
    </div>
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
