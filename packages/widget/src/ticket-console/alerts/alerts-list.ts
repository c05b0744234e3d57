/**
 * The list of the alerts view, a chunk of its own
 * (`ticket-console-alerts-list.js`) loaded when the view first opens:
 * each alert's count, group, times and tickets, and "Create parent
 * ticket". Lit's tags come in as `lit`; every string is set as text.
 */
import type {
  html as litHtml,
  nothing as litNothing,
  TemplateResult,
} from 'lit';
import type { Alert } from '../api-types.js';

type Html = typeof litHtml;

/** What the list reads from the console and calls on it. */
export interface AlertsListOptions {
  busy: boolean;
  /** A ticket's reference when the console knows it, else its id. */
  refOf(ticketId: string): string;
  open(ticketId: string): void;
  createParent(alert: Alert): void;
}

/** An instant (epoch ms or ISO 8601) as a `<time>`; text if unreadable. */
function when(html: Html, value: number | string) {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return String(value);
  const at = new Date(ms);
  return html`<time datetime=${at.toISOString()}>${at.toLocaleString()}</time>`;
}

function item(html: Html, a: Alert, index: number, o: AlertsListOptions) {
  const title = `alert-${index}`;
  return html`<li class="alert-item" data-id=${a.id} aria-labelledby=${title}>
    <h3 id=${title}>${a.observed} tickets: ${a.by} ${a.key}</h3>
    <p>
      Since ${when(html, a.since)}, about ${Math.round(a.expected * 10) / 10}
      expected; raised ${when(html, a.at)}.
    </p>
    <ul class="row" aria-label=${`Tickets of ${a.by} ${a.key}`}>
      ${a.ticketIds.map(
        (id) => html`<li><button type="button" class="open"
          @click=${() => o.open(id)}>${o.refOf(id)}</button></li>`,
      )}
    </ul>
    <button type="button" class="create-parent" aria-describedby=${title}
      ?disabled=${o.busy} @click=${() => o.createParent(a)}>
      Create parent ticket</button>
  </li>`;
}

/** The alerts, latest first, or why there are none. */
export function alertsList(
  lit: { html: Html; nothing: typeof litNothing },
  alerts: Alert[] | null,
  o: AlertsListOptions,
): TemplateResult {
  const { html } = lit;
  if (!alerts) {
    return html`<p>This server does not make predictions, so it raises no alerts.</p>`;
  }
  if (!alerts.length) {
    return html`<p>No possible incidents: no group of tickets is arriving faster than forecast.</p>`;
  }
  return html`<ol class="alerts">${alerts.map((a, i) => item(html, a, i, o))}</ol>`;
}
