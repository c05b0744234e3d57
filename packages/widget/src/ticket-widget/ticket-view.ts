import type { PublicMessage, PublicTicket } from '@ticketry/core/public';
import type { TemplateResult } from 'lit';
import { type FileUrl, renderFiles } from './attachment-links.js';
import { expectationLines } from './expectation.js';
import type { Localizer } from './i18n/index.js';
import { linkText } from './link-text.js';
import { textField } from './text-field.js';
import type { TrackingView } from './ticket-actions.js';
import type { StoredTicket } from './token-store.js';
import { html, nothing } from './tracking-kit.js';

/** What the tracking view of one ticket shows and whom it tells. */
export interface TicketViewModel {
  entry: StoredTicket;
  ticket: PublicTicket | null;
  /** The last failure to load, refresh or follow the ticket. */
  loadError: string | null;
  reply: string;
  replyError: string | null;
  replySending: boolean;
  i18n: Localizer;
  /** Accept, reject and rating, and whether and how a reply is offered. */
  tracking?: TrackingView;
  /** Download URLs of the ticket's files; without it none are linked. */
  fileUrl?: FileUrl;
  onBack(): void;
  onForget(): void;
  onReplyInput(value: string): void;
  onReply(event: SubmitEvent): void;
}

/** One ticket: status, pending reason, resolution, conversation, reply. */
export function renderTicket(m: TicketViewModel): TemplateResult {
  const { entry, ticket } = m;
  const { t } = m.i18n;
  // The requester's subject in <bdi>: its direction stays its own.
  const title = ticket
    ? html`${entry.ref}: <bdi>${ticket.subject}</bdi>`
    : entry.ref;
  return html`
    <section part="ticket" aria-labelledby="ticket-heading">
      <div class="actions">
        <button type="button" part="button back-button" @click=${m.onBack}>
          ${t.back}
        </button>
      </div>
      <h2 id="ticket-heading" tabindex="-1">${title}</h2>
      ${
        m.loadError
          ? html`<div class="alert" part="alert" role="alert">
            <p>${m.loadError}</p>
            <button type="button" part="button forget-button"
              @click=${m.onForget}>${t.forget}</button>
          </div>`
          : nothing
      }
      ${ticket ? details(ticket, m.i18n, m.tracking?.actions, m.fileUrl) : html`<p aria-busy="true">${t.loading}</p>`}
      ${
        !ticket
          ? nothing
          : m.tracking?.canReply === false
            ? m.tracking.note &&
              html`<p class="hint" part="hint">${m.tracking.note}</p>`
            : replyForm(m)
      }
    </section>
  `;
}

function details(
  ticket: PublicTicket,
  i18n: Localizer,
  actions: unknown,
  fileUrl?: FileUrl,
) {
  const { t } = i18n;
  const reason = ticket.status === 'pending' ? ticket.pendingReason : null;
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
    ${actions ?? nothing}
    <section aria-labelledby="conversation-heading">
      <h3 id="conversation-heading">${t.conversation}</h3>
      ${
        ticket.messages.length
          ? html`<ol part="conversation" class="conversation">
            ${ticket.messages.map((msg) => message(msg, i18n, fileUrl))}
          </ol>`
          : html`<p>${t.noMessages}</p>`
      }
    </section>
  `;
}

function message(msg: PublicMessage, i18n: Localizer, fileUrl?: FileUrl) {
  const { t, date } = i18n;
  const who = msg.author === 'agent' ? t.support : t.you;
  return html`<li part="message message-${msg.author}"
    class="message ${msg.author}">
    <span class="meta">
      ${who} · <time datetime=${msg.at}>${date(msg.at)}</time>
    </span>
    <div class="body" dir="auto">${linkText(msg.body)}</div>
    ${renderFiles(msg, fileUrl, i18n)}
  </li>`;
}

function replyForm(m: TicketViewModel) {
  const { t } = m.i18n;
  return html`
    <form part="reply-form" novalidate @submit=${m.onReply}>
      ${textField({
        id: 'reply',
        name: 'reply',
        label: t.yourReply,
        value: m.reply,
        required: true,
        hint: m.tracking?.replyHint,
        error: m.replyError,
        onInput: m.onReplyInput,
      })}
      <div class="actions">
        <button type="submit" class="primary" part="button reply-button"
          ?disabled=${m.replySending}>
          ${m.replySending ? t.sending : t.sendReply}
        </button>
      </div>
    </form>
  `;
}
