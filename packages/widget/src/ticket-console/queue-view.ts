import { html, nothing } from 'lit';
import { bulkAssign, bulkClose } from './bulk.js';
import type { Ticket } from './console-types.js';
import { QUEUES, ticketCount } from './queues.js';
import type { TicketConsole } from './ticket-console.js';

const PRIORITIES = ['critical', 'high', 'moderate', 'low', 'planning'];
const STATUSES = [
  'new',
  'open',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
];

function setFilter(host: TicketConsole, name: string, value: string | boolean) {
  host.filters = { ...host.filters, [name]: value };
  if (name === 'text') host.searchSoon();
  else void host.showQueue();
}

function filters(host: TicketConsole) {
  const f = host.filters;
  const options = (values: string[], current: string) =>
    values.map(
      (v) =>
        html`<option value=${v} ?selected=${v === current}>${v.replace('_', ' ')}</option>`,
    );
  return html`<form class="row" role="search" @submit=${(e: Event) => e.preventDefault()}>
    <div class="field">
      <label for="q">Search this queue</label>
      <input
        id="q"
        type="search"
        .value=${f.text}
        @input=${(e: Event) => setFilter(host, 'text', (e.target as HTMLInputElement).value)}
      />
    </div>
    <div class="field">
      <label for="priority">Priority</label>
      <select id="priority" @change=${(e: Event) => setFilter(host, 'priority', (e.target as HTMLSelectElement).value)}>
        <option value="">Any</option>
        ${options(PRIORITIES, f.priority)}
      </select>
    </div>
    <div class="field">
      <label for="status">Status</label>
      <select id="status" @change=${(e: Event) => setFilter(host, 'status', (e.target as HTMLSelectElement).value)}>
        <option value="">${host.queue === 'all' ? 'Any' : 'Active'}</option>
        ${options(STATUSES, f.status)}
      </select>
    </div>
    <button
      type="button"
      aria-pressed=${f.sortByDue ? 'true' : 'false'}
      @click=${() => setFilter(host, 'sortByDue', !f.sortByDue)}
    >
      Sort by SLA due
    </button>
  </form>`;
}

function toggle(host: TicketConsole, id: string) {
  const next = new Set(host.selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  host.selected = next;
}

function due(ticket: Ticket) {
  if (!ticket.dueAt) return html`<span class="muted">none</span>`;
  const at = new Date(ticket.dueAt);
  const late = at.getTime() < Date.now();
  return html`<time datetime=${ticket.dueAt}>${at.toLocaleString()}</time>${late ? html` <strong>(overdue)</strong>` : nothing}`;
}

/** Breach risk from this share up is flagged high. */
export const HIGH_RISK = 0.5;

/** A row's risk badge: the probability of missing its SLA, as a percent. */
function riskBadge(host: TicketConsole, ticket: Ticket) {
  if (!host.risks) return nothing;
  const risk = host.risks.get(ticket.id);
  if (risk === undefined) return html`<td><span class="muted">–</span></td>`;
  const high = risk >= HIGH_RISK;
  return html`<td>
    <span class=${high ? 'risk high' : 'risk'}>
      ${Math.round(risk * 100)}%${high ? ' high' : ''}
    </span>
  </td>`;
}

function row(host: TicketConsole, ticket: Ticket, index: number) {
  const current = index === host.cursor;
  return html`<tr aria-selected=${current ? 'true' : 'false'} data-id=${ticket.id}>
    <td>
      <input
        type="checkbox"
        aria-label=${`Select ${ticket.ref}`}
        .checked=${host.selected.has(ticket.id)}
        @change=${() => toggle(host, ticket.id)}
      />
    </td>
    <td>
      <button type="button" class="open" @click=${() => host.openTicket(ticket.id)}>
        ${ticket.ref}
      </button>
    </td>
    <td>${ticket.subject}</td>
    <td>${ticket.status.replace('_', ' ')}</td>
    <td>${ticket.priority ?? '–'}</td>
    <td>${ticket.assigneeId ?? html`<span class="muted">nobody</span>`}</td>
    <td>${due(ticket)}</td>
    ${riskBadge(host, ticket)}
  </tr>`;
}

function bulkBar(host: TicketConsole) {
  const count = host.selected.size;
  return html`<div class="row" role="group" aria-label="Bulk actions">
    <span>${count} selected</span>
    <button type="button" ?disabled=${!count || host.busy} @click=${() => bulkAssign(host)}>
      Assign selected to me
    </button>
    <button type="button" ?disabled=${!count || host.busy} @click=${() => bulkClose(host)}>
      Close selected
    </button>
  </div>`;
}

/**
 * The queue tabs; with predictions, "At risk" and "Possible incidents"
 * (the alerts view) too.
 */
export function queueTabs(host: TicketConsole) {
  const current = (on: boolean) => (on ? 'page' : 'false');
  const inQueue = host.view === 'queue';
  return html`<nav aria-label="Queues" class="row">
    ${QUEUES.filter((q) => q.name !== 'risk' || host.risks).map(
      (q) => html`<button
        type="button"
        aria-current=${current(inQueue && q.name === host.queue)}
        @click=${() => host.showQueue(q.name)}
      >
        ${q.label}
      </button>`,
    )}
    ${
      host.risks
        ? html`<button type="button" class="alerts-tab"
            aria-current=${current(host.view === 'alerts')}
            @click=${() => host.showAlerts()}>Possible incidents</button>`
        : nothing
    }
  </nav>`;
}

/** A queue: its tabs, filters, bulk actions and the table of tickets. */
export function renderQueue(host: TicketConsole) {
  const tickets = host.shown;
  const label = QUEUES.find((q) => q.name === host.queue)?.label ?? host.queue;
  return html`<section aria-labelledby="queue-heading">
    <h2 id="queue-heading" tabindex="-1">Queue: ${label}</h2>
    ${queueTabs(host)}
    ${filters(host)} ${bulkBar(host)}
    ${
      tickets.length
        ? html`<div class="scroll" tabindex="0" role="region" aria-label=${`${label}: ${ticketCount(tickets.length)}`}>
          <table>
            <caption class="visually-hidden">
              ${label}: ${ticketCount(tickets.length)}; j and k move, Enter opens
            </caption>
            <thead>
              <tr>
                <th scope="col"><span class="visually-hidden">Selected</span></th>
                <th scope="col">Ticket</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Assignee</th>
                <th scope="col">SLA due</th>
                ${host.risks ? html`<th scope="col">Breach risk</th>` : nothing}
              </tr>
            </thead>
            <tbody>
              ${tickets.map((t, i) => row(host, t, i))}
            </tbody>
          </table></div>`
        : html`<p>No tickets in this queue.</p>`
    }
  </section>`;
}
