/**
 * The possible incidents (`GET /alerts`): groups of tickets arriving
 * faster than forecast, each with its tickets and "Create parent
 * ticket" (`POST /alerts/:id/parent`). The list itself is a chunk of
 * its own, loaded with the first answer.
 */
import { html, nothing } from 'lit';
import type { Alert } from './api-types.js';
import type { ConsoleApi } from './console-api.js';
import { queueTabs } from './queue-view.js';
import { ticketCount } from './queues.js';
import type { TicketConsole } from './ticket-console.js';

type ListModule = typeof import('./alerts/alerts-list.js');

let list: ListModule | null = null;
let loading: Promise<ListModule> | null = null;

/** Loads the list's chunk (`ticket-console-alerts-list.js`) once. */
function loadList(): Promise<ListModule> {
  loading ??= import('./alerts/alerts-list.js').then((m) => {
    list = m;
    return m;
  });
  return loading;
}

/** "1 possible incident", "3 possible incidents". */
export const alertCount = (n: number) =>
  `${n} possible incident${n === 1 ? '' : 's'}`;

/** The alerts (null when predictions are off), the list's code loaded. */
export async function loadAlerts(api: ConsoleApi): Promise<Alert[] | null> {
  const [alerts] = await Promise.all([api.alerts(), loadList()]);
  return alerts;
}

/**
 * "Create parent ticket": asks the server for the alert's parent (a
 * second ask answers the same one), opens it and says which it was.
 */
export async function createParent(host: TicketConsole, alert: Alert) {
  const parent = await host.run(() => host.api.alertParent(alert.id));
  if (!parent) return;
  await host.openTicket(parent.parentId);
  const open = host.open?.ticket;
  const ref = open?.id === parent.parentId ? open.ref : parent.parentId;
  const linked = ticketCount(parent.children.length);
  host.announce(
    parent.created
      ? `Parent ticket ${ref} created, linking ${linked}`
      : `Parent ticket ${ref} already existed, linking ${linked}`,
  );
}

/** The alerts view: the queue tabs, then each alert, latest first. */
export function renderAlerts(host: TicketConsole) {
  const count = host.alerts?.length;
  if (!list) void loadList().then(() => host.requestUpdate());
  return html`<section aria-labelledby="alerts-heading">
    <h2 id="alerts-heading" tabindex="-1">Possible incidents</h2>
    ${queueTabs(host)}
    ${count ? html`<p class="muted">${alertCount(count)}, latest first.</p>` : nothing}
    ${
      list
        ? list.alertsList({ html, nothing }, host.alerts, {
            busy: host.busy,
            refOf: (id) => host.tickets.find((t) => t.id === id)?.ref ?? id,
            open: (id) => void host.openTicket(id),
            createParent: (a) => void createParent(host, a),
          })
        : html`<p role="status">Loading…</p>`
    }
  </section>`;
}
