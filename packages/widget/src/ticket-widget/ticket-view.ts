import type { PublicTicket } from '@ticketry/core/public';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { type FileUrl, renderFiles } from './attachment-links.js';
import { expectationLines } from './expectation.js';
import type { Localizer } from './i18n/index.js';
import { describeStatus } from './labels.js';
import { linkText } from './link-text.js';

/**
 * A button of the tracking views, `id` and `part` named after `name`
 * (`reply` gives `reply-button`). Without `onClick` it submits its form
 * and is the primary one.
 */
export function button(
  name: string,
  label: string,
  disabled: boolean,
  onClick?: () => void,
  primary = !onClick,
): TemplateResult {
  return html`<button type=${onClick ? 'button' : 'submit'}
    id="${name}-button" class=${primary ? 'primary' : nothing}
    part="button ${name}-button" ?disabled=${disabled}
    @click=${onClick}>${label}</button>`;
}

/** A row of buttons. */
export const bar = (...buttons: unknown[]): TemplateResult =>
  html`<div class="actions">${buttons}</div>`;

/** A form the widget checks itself: `id` and `part` are `<name>-form`. */
export const form = (
  name: string,
  onSubmit: (event: SubmitEvent) => void,
  content: unknown[],
): TemplateResult =>
  html`<form id="${name}-form" part="${name}-form" novalidate
    @submit=${onSubmit}>${content}</form>`;

/** A line of advice, or nothing without `text`. */
export const hint = (text: string | null) =>
  text ? html`<p class="hint" part="hint">${text}</p>` : nothing;

/**
 * What a requester should hear when `ticket` replaces `before` on
 * screen: a new status (or pending reason), else a new reply from
 * support, else nothing ('').
 */
export function changeNotice(
  before: PublicTicket,
  ticket: PublicTicket,
  { t, format }: Localizer,
): string {
  const status = describeStatus(ticket.status, ticket.pendingReason, t);
  const said =
    status !== describeStatus(before.status, before.pendingReason, t)
      ? t.nowStatus
      : countAgent(ticket) > countAgent(before)
        ? t.newReply
        : '';
  return format(said, { ref: ticket.ref, status });
}

const countAgent = (ticket: PublicTicket) =>
  ticket.messages.filter((m) => m.author === 'agent').length;

/**
 * What is known of a ticket: status, pending reason, deadlines,
 * resolution, then `actions` (accept, reject, rate), then the
 * conversation with its files.
 */
export function renderDetails(
  ticket: PublicTicket,
  i18n: Localizer,
  actions: unknown,
  fileUrl: FileUrl,
): TemplateResult {
  const { t, date } = i18n;
  const reason = ticket.status === 'pending' && ticket.pendingReason;
  // Messages only append: reused by position, each keeps its own DOM.
  return html`
    <p part="status">
      ${t.statusLabel} <span class="status">${t.status[ticket.status]}</span>
    </p>
    ${reason ? html`<p part="pending-reason">${t.pending[reason]}</p>` : nothing}
    ${expectationLines(ticket.expectation, Date.now(), i18n).map(
      (line) => html`<p part="expectation expectation-${line.key}">
        <time datetime=${line.at}>${line.text}</time>
      </p>`,
    )}
    ${
      ticket.resolution
        ? html`<section part="resolution" aria-labelledby="resolution-heading">
          <h3 id="resolution-heading">${t.resolution}</h3>
          <p class="body" dir="auto">${linkText(ticket.resolution.note)}</p>
        </section>`
        : nothing
    }
    ${actions}
    <section aria-labelledby="conversation-heading">
      <h3 id="conversation-heading">${t.conversation}</h3>
      ${
        ticket.messages.length
          ? html`<ol part="conversation" class="conversation">
            ${ticket.messages.map((msg) => {
              const who = msg.author === 'agent' ? t.support : t.you;
              return html`<li part="message message-${msg.author}"
                class="message ${msg.author}">
                <span class="meta">
                  ${who} · <time datetime=${msg.at}>${date(msg.at)}</time>
                </span>
                <div class="body" dir="auto">${linkText(msg.body)}</div>
                ${renderFiles(msg, fileUrl, i18n)}
              </li>`;
            })}
          </ol>`
          : html`<p>${t.noMessages}</p>`
      }
    </section>
  `;
}
