import type { PublicTicket } from '@ticketry/core/public';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { STATUS_LABELS } from './labels.js';
import type { StoredTicket } from './token-store.js';

/** The widget's screens. */
export type View = 'form' | 'submitted' | 'list' | 'ticket';

/** Switches between a new request and the requester's requests. */
export function renderNav(
  view: View,
  count: number,
  go: (view: 'form' | 'list') => void,
): TemplateResult {
  const current = (on: boolean) => (on ? 'page' : 'false');
  const creating = view === 'form' || view === 'submitted';
  return html`<nav part="nav" aria-label="Help desk">
    <button type="button" part="nav-button" aria-current=${current(creating)}
      @click=${() => go('form')}>New request</button>
    <button type="button" part="nav-button"
      aria-current=${current(!creating)}
      @click=${() => go('list')}>My requests (${count})</button>
  </nav>`;
}

/** What the confirmation after a submission shows. */
export interface ConfirmationModel {
  ref: string;
  /** False when the device refused to keep the access token. */
  saved: boolean;
  onOpen(): void;
  onNew(): void;
}

/** The reference of the ticket just submitted. */
export function renderConfirmation(m: ConfirmationModel): TemplateResult {
  return html`<section part="confirmation"
    aria-labelledby="confirmation-heading">
    <h2 id="confirmation-heading" tabindex="-1">Request received</h2>
    <p>
      Your reference is
      <strong class="reference" part="reference">${m.ref}</strong>.
      Quote it when you contact the help desk.
    </p>
    ${
      m.saved
        ? nothing
        : html`<p class="alert" part="alert" role="alert">
          This browser would not save the request, so it will not be listed
          under My requests after you leave the page. Note the reference.
        </p>`
    }
    <div class="actions">
      <button type="button" class="primary" part="button open-button"
        @click=${m.onOpen}>View this request</button>
      <button type="button" part="button new-button" @click=${m.onNew}>
        Submit another request
      </button>
    </div>
  </section>`;
}

/** A loaded ticket or the message of the failure to load it. */
export type Summary = PublicTicket | { error: string };

/** What the list of the requester's tickets shows. */
export interface ListModel {
  entries: readonly StoredTicket[];
  summaries: ReadonlyMap<string, Summary>;
  onOpen(entry: StoredTicket): void;
}

/** The tickets this device submitted, newest first. */
export function renderList(m: ListModel): TemplateResult {
  return html`<section part="list-view" aria-labelledby="list-heading">
    <h2 id="list-heading" tabindex="-1">My requests</h2>
    ${
      m.entries.length === 0
        ? html`<p>No requests from this browser yet.</p>`
        : html`<ul part="list" class="tickets">
          ${repeat(
            m.entries,
            (entry) => entry.id,
            (entry) => html`<li part="list-item">
              <button type="button" part="button ticket-button"
                data-id=${entry.id} @click=${() => m.onOpen(entry)}>
                <strong>${entry.ref}</strong>
                ${summary(m.summaries.get(entry.id))}
              </button>
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

function summary(s: Summary | undefined) {
  if (!s) return nothing;
  if ('error' in s) return html`<span class="meta">${s.error}</span>`;
  return html`<span class="meta">
    ${s.subject} · ${STATUS_LABELS[s.status]}
  </span>`;
}
