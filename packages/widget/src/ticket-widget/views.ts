import type { PublicTicket } from '@ticketry/core/public';
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from './i18n/index.js';
import type { StoredTicket } from './token-store.js';

/** The widget's screens. */
export type View = 'form' | 'submitted' | 'list' | 'ticket' | 'assistant';

/** Switches between a new request and the requester's requests. */
export function renderNav(
  view: View,
  count: number,
  go: (view: 'form' | 'list' | 'assistant') => void,
  { t, format }: Localizer,
  options: { assistant?: boolean } = {},
): TemplateResult {
  const current = (on: boolean) => (on ? 'page' : 'false');
  const creating = view === 'form' || view === 'submitted';
  const asking = view === 'assistant';
  return html`<nav part="nav" aria-label=${t.helpDesk}>
    <button type="button" part="nav-button" aria-current=${current(creating)}
      @click=${() => go('form')}>${t.newRequest}</button>
    <button type="button" part="nav-button"
      aria-current=${current(!creating && !asking)}
      @click=${() => go('list')}>${format(t.myRequestsCount, { count })}</button>
    ${
      options.assistant
        ? html`<button type="button" part="nav-button"
          aria-current=${current(asking)}
          @click=${() => go('assistant')}>${t.assistant.open}</button>`
        : nothing
    }
  </nav>`;
}

/** What the confirmation after a submission shows. */
export interface ConfirmationModel {
  ref: string;
  /** False when the device refused to keep the access token. */
  saved: boolean;
  i18n: Localizer;
  onOpen(): void;
  onNew(): void;
}

/** The reference of the ticket just submitted. */
export function renderConfirmation(m: ConfirmationModel): TemplateResult {
  const { t } = m.i18n;
  const [before, after] = t.yourReference.split('{ref}');
  return html`<section part="confirmation"
    aria-labelledby="confirmation-heading">
    <h2 id="confirmation-heading" tabindex="-1">${t.received}</h2>
    <p>${before}<strong class="reference" part="reference">${m.ref}</strong
      >${after}</p>
    ${
      m.saved
        ? nothing
        : html`<p class="alert" part="alert" role="alert">${t.notSaved}</p>`
    }
    <div class="actions">
      <button type="button" class="primary" part="button open-button"
        @click=${m.onOpen}>${t.viewRequest}</button>
      <button type="button" part="button new-button" @click=${m.onNew}>
        ${t.submitAnother}
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
  i18n: Localizer;
  /** Signed in through `identify()`: the list is not this browser's alone. */
  identified?: boolean;
  onOpen(entry: StoredTicket): void;
}

/**
 * The tickets this device submitted, newest first. Items are reused by
 * position: the caller keeps focus on a ticket the list moves.
 */
export function renderList(m: ListModel): TemplateResult {
  const { t } = m.i18n;
  return html`<section part="list-view" aria-labelledby="list-heading">
    <h2 id="list-heading" tabindex="-1">${t.myRequests}</h2>
    ${
      m.entries.length === 0
        ? html`<p>${m.identified ? t.noRequestsYet : t.noRequests}</p>`
        : html`<ul part="list" class="tickets">
          ${m.entries.map(
            (entry) => html`<li part="list-item">
              <button type="button" part="button ticket-button"
                data-id=${entry.id} @click=${() => m.onOpen(entry)}>
                <strong>${entry.ref}</strong>
                ${summary(m.summaries.get(entry.id), m.i18n)}
              </button>
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

function summary(s: Summary | undefined, { t }: Localizer) {
  if (!s) return nothing;
  if ('error' in s) return html`<span class="meta">${s.error}</span>`;
  // <bdi>: a subject in another direction (or with a stray override
  // character) cannot reorder the status after it.
  return html`<span class="meta">
    <bdi>${s.subject}</bdi> · ${t.status[s.status]}
  </span>`;
}
