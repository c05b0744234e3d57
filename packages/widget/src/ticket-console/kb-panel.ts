/**
 * The knowledge base on a ticket: the suggestions an agent sees
 * (`GET /tickets/:id/suggestions`: articles and similar resolved
 * tickets) and, on a resolved or closed ticket, "Draft article"
 * (`POST /tickets/:id/kb-draft`). Loaded when the ticket view first
 * shows a ticket; every string is rendered as text.
 */
import { html, nothing } from 'lit';
import {
  ConsoleError,
  type KbDraftAnswer,
  type KbSuggestion,
} from './console-api.js';
import type { OpenTicket, TicketConsole } from './ticket-console.js';

/** The article a draft became; `existed` when it was drafted before. */
export type KbDraft = KbDraftAnswer;

/** What the panel holds for the ticket it was loaded for. */
interface KbState {
  ticketId: string;
  /** null while loading; [] when there are none. */
  items: KbSuggestion[] | null;
  /** No knowledge base on this server (404): the panel stays hidden. */
  off: boolean;
  error: string;
  drafting: boolean;
  draft: KbDraft | null;
  draftError: string;
}

const states = new WeakMap<TicketConsole, KbState>();

const messageOf = (error: unknown) =>
  error instanceof ConsoleError
    ? `${error.message} (${error.code})`
    : String(error);

async function load(host: TicketConsole, state: KbState): Promise<void> {
  try {
    const items = await host.api.suggestions(state.ticketId);
    state.off = items === null;
    state.items = items ?? [];
  } catch (error) {
    state.items = [];
    state.error = messageOf(error);
  }
  host.requestUpdate();
}

/** The panel's state for `ticketId`, loading it the first time. */
function stateFor(host: TicketConsole, ticketId: string): KbState {
  const known = states.get(host);
  if (known?.ticketId === ticketId) return known;
  const state: KbState = {
    ticketId,
    items: null,
    off: false,
    error: '',
    drafting: false,
    draft: null,
    draftError: '',
  };
  states.set(host, state);
  void load(host, state);
  return state;
}

/** "Draft article": turns the resolved ticket into a draft article. */
export async function draftArticle(host: TicketConsole): Promise<void> {
  const ticketId = host.open?.ticket.id;
  if (!ticketId) return;
  const state = stateFor(host, ticketId);
  if (state.drafting) return;
  state.drafting = true;
  state.draftError = '';
  host.requestUpdate();
  try {
    const d = await host.api.kbDraft(ticketId);
    state.draft = d;
    host.announce(
      d.existed
        ? `Opened the existing draft article ${d.id}`
        : `Draft article ${d.id} created`,
    );
  } catch (error) {
    state.draftError = messageOf(error);
  } finally {
    state.drafting = false;
    host.requestUpdate();
  }
}

function item(host: TicketConsole, s: KbSuggestion) {
  if (s.type === 'article') {
    return html`<li>
      <strong>Article: ${s.title}</strong>
      <span class="muted">(${s.articleId})</span>
      <div class="body">${s.excerpt}</div>
    </li>`;
  }
  const from = s.ticketId;
  return html`<li>
    <strong>Resolved ticket</strong>
    ${
      from
        ? html`<button type="button" @click=${() => host.openTicket(from)}>
            Open ticket ${from}</button>`
        : nothing
    }
    <span class="muted">${s.code}</span>
    <div class="body">${s.text}</div>
  </li>`;
}

function suggestions(host: TicketConsole, state: KbState) {
  if (state.items === null) return html`<p class="muted">Loading…</p>`;
  if (state.error) {
    return html`<p class="alert" role="alert">
      Suggestions could not be loaded: ${state.error}</p>`;
  }
  if (!state.items.length) {
    return html`<p class="muted">No article or resolved ticket matches.</p>`;
  }
  return html`<ul class="kb-suggestions">
    ${state.items.map((s) => item(host, s))}
  </ul>`;
}

function drafting(host: TicketConsole, state: KbState, open: OpenTicket) {
  if (!['resolved', 'closed'].includes(open.ticket.status)) return nothing;
  const d = state.draft;
  return html`<button type="button" class="draft-article"
      ?disabled=${state.drafting} @click=${() => draftArticle(host)}>
      Draft article</button>
    ${
      d
        ? html`<p class="notice" role="status">
            ${d.existed ? 'Opened the existing draft article' : 'Draft article created'}:
            <strong>${d.title}</strong>
            (id ${d.id}, version ${d.version}, ${d.status}).
          </p>`
        : nothing
    }
    ${
      state.draftError
        ? html`<p class="alert" role="alert">
            The draft was not created: ${state.draftError}</p>`
        : nothing
    }`;
}

/**
 * The title of a suggestion the panel loaded for `ticketId` (an
 * article's title, a resolution's code), by its id; null when unknown.
 */
export function suggestionTitle(
  host: TicketConsole,
  ticketId: string,
  id: string,
): string | null {
  const state = states.get(host);
  if (state?.ticketId !== ticketId) return null;
  const s = state.items?.find((i) => i.id === id);
  if (!s) return null;
  return s.type === 'article' ? s.title : `Resolved ticket: ${s.code}`;
}

/** The knowledge base section of a ticket, or nothing without one. */
export function renderKb(host: TicketConsole, open: OpenTicket) {
  const state = stateFor(host, open.ticket.id);
  if (state.off) return nothing;
  return html`<section aria-labelledby="kb-heading" class="kb">
    <h3 id="kb-heading">Knowledge base</h3>
    ${suggestions(host, state)} ${drafting(host, state, open)}
  </section>`;
}
