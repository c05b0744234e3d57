import type { PublicTicket } from '@ticketry/core/public';
import { html, nothing, type TemplateResult } from 'lit';
import type { Submitted } from './form-controller.js';
import type { Localizer } from './i18n/index.js';
import type { MyTickets } from './my-tickets.js';
import type { StoredTicket } from './token-store.js';

/** The widget's screens. */
export type View = 'form' | 'submitted' | 'list' | 'ticket' | 'assistant';

/** A message about a failure no field owns, read out at once. */
export const alertLine = (text: string): TemplateResult =>
  html`<p class="alert" part="alert" role="alert">${text}</p>`;

/** Where the switch between the screens goes. */
type Target = 'form' | 'list' | 'assistant';

/**
 * Switches between a new request, the requester's requests and, when
 * `assistant`, the assistant.
 */
export function renderNav(
  view: View,
  count: number,
  go: (view: Target) => void,
  { t, format }: Localizer,
  assistant: boolean,
): TemplateResult {
  const button = (to: Target, label: string, on: boolean) =>
    html`<button type="button" part="nav-button"
      aria-current=${on ? 'page' : 'false'}
      @click=${() => go(to)}>${label}</button>`;
  const creating = view === 'form' || view === 'submitted';
  const asking = view === 'assistant';
  return html`<nav part="nav" aria-label=${t.helpDesk}>
    ${button('form', t.newRequest, creating)}
    ${button('list', format(t.myRequestsCount, { count }), !creating && !asking)}
    ${assistant ? button('assistant', t.assistant.open, asking) : nothing}
  </nav>`;
}

/**
 * The reference of the ticket just submitted, and whether the device
 * kept its access token.
 */
export function renderConfirmation(
  submitted: Submitted | null,
  { t }: Localizer,
  onOpen: () => void,
  onNew: () => void,
): TemplateResult {
  const [before, after] = t.yourReference.split('{ref}');
  return html`<section part="confirmation"
    aria-labelledby="confirmation-heading">
    <h2 id="confirmation-heading" tabindex="-1">${t.received}</h2>
    <p>${before}<strong class="reference" part="reference">${submitted?.ref}</strong
      >${after}</p>
    ${submitted?.saved === false ? alertLine(t.notSaved) : nothing}
    <div class="actions">
      <button type="button" class="primary" part="button open-button"
        @click=${onOpen}>${t.viewRequest}</button>
      <button type="button" part="button new-button" @click=${onNew}>
        ${t.submitAnother}
      </button>
    </div>
  </section>`;
}

/** A loaded ticket or the message of the failure to load it. */
export type Summary = PublicTicket | { error: string };

/**
 * My requests, newest first. Items are reused by position: the caller
 * keeps focus on a ticket the list moves.
 */
export function renderList(
  tickets: MyTickets,
  { t }: Localizer,
  onOpen: (entry: StoredTicket) => void,
): TemplateResult {
  const entries = tickets.entries();
  return html`<section part="list-view" aria-labelledby="list-heading">
    <h2 id="list-heading" tabindex="-1">${t.myRequests}</h2>
    ${
      entries.length === 0
        ? html`<p>${tickets.identity.token ? t.noRequestsYet : t.noRequests}</p>`
        : html`<ul part="list" class="tickets">
          ${entries.map(
            (entry) => html`<li part="list-item">
              <button type="button" part="button ticket-button"
                data-id=${entry.id} @click=${() => onOpen(entry)}>
                <strong>${entry.ref}</strong>
                ${summary(tickets.summaries.get(entry.id), t)}
              </button>
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

function summary(s: Summary | undefined, t: Localizer['t']) {
  if (!s) return nothing;
  if ('error' in s) return html`<span class="meta">${s.error}</span>`;
  // <bdi>: a subject in another direction (or with a stray override
  // character) cannot reorder the status after it.
  return html`<span class="meta">
    <bdi>${s.subject}</bdi> · ${t.status[s.status]}
  </span>`;
}
