import { html, nothing } from 'lit';
import { renderCommands } from './commands-view.js';
import type { AuditEvent } from './console-types.js';
import { renderKb, suggestionTitle } from './kb-panel.js';
import { renderSla } from './sla-view.js';
import type { OpenTicket, TicketConsole } from './ticket-console.js';
import { authorOf, facts } from './ticket-facts.js';

const when = (iso: string) =>
  html`<time datetime=${iso}>${new Date(iso).toLocaleString()}</time>`;

interface Message {
  id: string;
  at: string;
  who: string;
  body: string;
  internal: boolean;
}

/** Replies, internal notes and the first description, oldest first. */
function messagesOf(open: OpenTicket): Message[] {
  const out: Message[] = [];
  for (const e of open.events) {
    const data = (e.data ?? {}) as { body?: string; visibility?: string };
    const who = authorOf(open, e.actor);
    if (e.type === 'ticket.submitted') {
      const body = String(e.changes.description ?? '');
      out.push({ id: e.id, at: e.at, who, body, internal: false });
    } else if (e.type === 'ticket.replied' || e.type === 'ticket.noted') {
      const internal =
        e.type === 'ticket.noted' || data.visibility === 'internal';
      out.push({
        id: e.id,
        at: e.at,
        who,
        body: String(data.body ?? ''),
        internal,
      });
    }
  }
  return out;
}

function conversation(open: OpenTicket) {
  const messages = messagesOf(open);
  return html`<section aria-labelledby="conversation-heading">
    <h3 id="conversation-heading">Conversation</h3>
    <ol class="conversation">
      ${messages.map(
        (m) => html`<li class=${m.internal ? 'internal' : 'public'}>
          <strong>${m.internal ? 'Internal note' : 'Message'}</strong>
          <span class="muted">· ${m.who} · ${when(m.at)}</span>
          <div class="body">${m.body}</div>
        </li>`,
      )}
    </ol>
  </section>`;
}

function changesOf(event: AuditEvent): string {
  // A submission sets every field: the conversation shows what matters.
  if (event.type === 'ticket.submitted') return '';
  return Object.entries(event.changes)
    .filter(([name]) => name !== 'description' && name !== 'sla')
    .map(
      ([name, value]) =>
        `${name}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    )
    .join(', ');
}

/**
 * What a `kb_offered` event offered the requester: each item's title
 * (from the event, or the suggestions the panel loaded) and id.
 */
function offeredOf(host: TicketConsole, open: OpenTicket, e: AuditEvent) {
  const data = (e.data ?? {}) as { offered?: unknown };
  const items: unknown[] = Array.isArray(data.offered) ? data.offered : [];
  const named = items.map((item) => {
    const o = (item && typeof item === 'object' ? item : { id: item }) as {
      id?: unknown;
      title?: unknown;
    };
    const id = String(o.id ?? '');
    const title =
      typeof o.title === 'string'
        ? o.title
        : suggestionTitle(host, open.ticket.id, id);
    return title ? `${title} (${id})` : id;
  });
  return `offered: ${named.join(', ') || 'nothing'}`;
}

function timeline(host: TicketConsole, open: OpenTicket) {
  const what = (e: AuditEvent) =>
    e.type === 'ticket.kb_offered' ? offeredOf(host, open, e) : changesOf(e);
  return html`<section aria-labelledby="timeline-heading">
    <h3 id="timeline-heading">Audit timeline (${open.events.length} events)</h3>
    <ol class="timeline">
      ${open.events.map(
        (e) => html`<li>
          ${when(e.at)} · <strong>${e.type.replace('ticket.', '')}</strong>
          by ${authorOf(open, e.actor)}
          ${what(e) ? html`<span class="muted"> — ${what(e)}</span>` : nothing}
        </li>`,
      )}
    </ol>
  </section>`;
}

function links(open: OpenTicket, host: TicketConsole) {
  const list = open.ticket.links;
  if (!list.length) return nothing;
  return html`<section aria-labelledby="links-heading">
    <h3 id="links-heading">Links</h3>
    <ul>
      ${list.map(
        (l) => html`<li>
          ${l.type.replace(/_/g, ' ')}
          <button type="button" @click=${() => host.openTicket(l.ticketId)}>${l.ticketId}</button>
        </li>`,
      )}
    </ul>
  </section>`;
}

/** One ticket: who else is on it, commands, conversation, SLA, timeline. */
export function renderTicket(host: TicketConsole) {
  const open = host.open;
  if (!open) return nothing;
  const t = open.ticket;
  return html`<article aria-labelledby="ticket-heading">
    <button type="button" @click=${() => host.showQueue()}>Back to the queue</button>
    <h2 id="ticket-heading" tabindex="-1">${t.ref}: ${t.subject}</h2>
    ${
      open.viewers.length
        ? html`<p class="notice" role="status">
            Also working on this ticket: ${open.viewers.join(', ')}
          </p>`
        : nothing
    }
    ${renderCommands(host, open)}
    <div class="columns">
      <div>${conversation(open)} ${timeline(host, open)}</div>
      <div>
        <section aria-labelledby="facts-heading">
          <h3 id="facts-heading">Details</h3>
          ${facts(open)}
        </section>
        ${renderSla(open.sla)} ${links(open, host)} ${renderKb(host, open)}
      </div>
    </div>
  </article>`;
}
