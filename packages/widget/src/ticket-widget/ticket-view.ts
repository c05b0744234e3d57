import type { PublicMessage, PublicTicket } from '@ticketry/core/public';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { expectationLines } from './expectation.js';
import { PENDING_LABELS, STATUS_LABELS } from './labels.js';
import type { StoredTicket } from './token-store.js';

/** What the tracking view of one ticket shows and whom it tells. */
export interface TicketViewModel {
  entry: StoredTicket;
  ticket: PublicTicket | null;
  /** The last failure to load, refresh or follow the ticket. */
  loadError: string | null;
  reply: string;
  replyError: string | null;
  replySending: boolean;
  onBack(): void;
  onForget(): void;
  onReplyInput(value: string): void;
  onReply(event: SubmitEvent): void;
}

/** One ticket: status, pending reason, resolution, conversation, reply. */
export function renderTicket(m: TicketViewModel): TemplateResult {
  const { entry, ticket } = m;
  const title = ticket ? `${entry.ref}: ${ticket.subject}` : entry.ref;
  return html`
    <section part="ticket" aria-labelledby="ticket-heading">
      <div class="actions">
        <button type="button" part="button back-button" @click=${m.onBack}>
          Back to my requests
        </button>
      </div>
      <h2 id="ticket-heading" tabindex="-1">${title}</h2>
      ${
        m.loadError
          ? html`<div class="alert" part="alert" role="alert">
            <p>${m.loadError}</p>
            <button type="button" part="button forget-button"
              @click=${m.onForget}>Remove from this device</button>
          </div>`
          : nothing
      }
      ${ticket ? details(ticket) : html`<p aria-busy="true">Loading…</p>`}
      ${ticket ? replyForm(m) : nothing}
    </section>
  `;
}

function details(ticket: PublicTicket) {
  const reason = ticket.status === 'pending' ? ticket.pendingReason : null;
  return html`
    <p part="status">
      Status: <span class="status">${STATUS_LABELS[ticket.status]}</span>
    </p>
    ${
      reason
        ? html`<p part="pending-reason">${PENDING_LABELS[reason]}</p>`
        : nothing
    }
    ${expectationLines(ticket.expectation, Date.now()).map(
      (line) => html`<p part="expectation expectation-${line.key}">
        <time datetime=${line.at}>${line.text}</time>
      </p>`,
    )}
    ${
      ticket.resolution
        ? html`<section part="resolution" aria-labelledby="resolution-heading">
          <h3 id="resolution-heading">Resolution</h3>
          <p class="body">${ticket.resolution.note}</p>
        </section>`
        : nothing
    }
    <section aria-labelledby="conversation-heading">
      <h3 id="conversation-heading">Conversation</h3>
      ${
        ticket.messages.length
          ? html`<ol part="conversation" class="conversation">
            ${repeat(ticket.messages, (msg) => msg.id, message)}
          </ol>`
          : html`<p>No messages yet.</p>`
      }
    </section>
  `;
}

const when = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

function message(msg: PublicMessage) {
  const who = msg.author === 'agent' ? 'Support' : 'You';
  return html`<li part="message message-${msg.author}"
    class="message ${msg.author}">
    <span class="meta">
      ${who} · <time datetime=${msg.at}>${when.format(new Date(msg.at))}</time>
    </span>
    <div class="body">${msg.body}</div>
  </li>`;
}

/** What sending a reply will do to a finished ticket, said up front. */
const REPLY_HINTS: Partial<Record<PublicTicket['status'], string>> = {
  resolved: 'Replying reopens this request.',
  closed: 'This request is closed; a reply may open a new one.',
};

function replyForm(m: TicketViewModel) {
  const hint = m.ticket ? REPLY_HINTS[m.ticket.status] : undefined;
  const describedBy =
    [m.replyError && 'reply-error', hint && 'reply-hint']
      .filter(Boolean)
      .join(' ') || undefined;
  return html`
    <form part="reply-form" novalidate @submit=${m.onReply}>
      <div class="field" part="field">
        <label for="reply" part="label">Your reply</label>
        <textarea id="reply" name="reply" part="textarea" required
          .value=${live(m.reply)}
          aria-invalid=${m.replyError ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy)}
          @input=${(e: Event) =>
            m.onReplyInput((e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${hint ? html`<p class="hint" part="hint" id="reply-hint">${hint}</p>` : nothing}
        ${
          m.replyError
            ? html`<p class="error" part="error" id="reply-error">
              ${m.replyError}
            </p>`
            : nothing
        }
      </div>
      <div class="actions">
        <button type="submit" class="primary" part="button reply-button"
          ?disabled=${m.replySending}>
          ${m.replySending ? 'Sending…' : 'Send reply'}
        </button>
      </div>
    </form>
  `;
}
