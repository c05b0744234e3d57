import type { PublicTicket } from '@ticketry/core/public';
import type { nothing, ReactiveControllerHost, TemplateResult } from 'lit';
import type { TicketApi } from './api.js';
import type { Feedback } from './feedback.js';
import type { Localizer } from './i18n/index.js';
import { IdentityController } from './identity.js';
import {
  createTokenStore,
  type StoredTicket,
  type TokenStore,
} from './token-store.js';
import type { Summary } from './views.js';

/**
 * My requests: the tickets this device keeps tokens for, merged with
 * the identified requester's, and what is known of each (the ticket, or
 * why it could not be read). The host re-renders on every change.
 */
export class MyTickets {
  /** Tickets whose tokens this device keeps, newest first. */
  #stored: StoredTicket[] = [];
  /** The last known state of each listed ticket, by id. */
  summaries = new Map<string, Summary>();
  readonly identity: IdentityController;
  #store: TokenStore = createTokenStore('', null);
  readonly #host: ReactiveControllerHost;
  readonly #api: () => TicketApi;
  readonly #feedback: Feedback;
  readonly #i18n: Localizer;

  constructor(
    host: ReactiveControllerHost,
    api: () => TicketApi,
    feedback: Feedback,
    i18n: Localizer,
  ) {
    this.#host = host;
    this.#api = api;
    this.#feedback = feedback;
    this.#i18n = i18n;
    this.identity = new IdentityController(host, {
      api,
      fail: (error) => feedback.fail(error),
    });
  }

  /** Reads the tokens kept for `endpoint`; forgets the last server's list. */
  connect(endpoint: string): void {
    this.#store = createTokenStore(endpoint);
    this.identity.clearListed();
    this.#reread();
  }

  /** Reads the store again and re-renders. */
  #reread(): void {
    this.#stored = this.#store.list();
    this.#host.requestUpdate();
  }

  /** My requests: stored on this device and the identity's, merged. */
  entries(): StoredTicket[] {
    return this.identity.entries(this.#stored, (id) => {
      const known = this.summaries.get(id);
      return known && 'createdAt' in known ? known.createdAt : undefined;
    });
  }

  /** Records what the server said of a ticket. */
  remember(ticket: PublicTicket): void {
    this.summaries = new Map(this.summaries).set(ticket.id, ticket);
    this.#host.requestUpdate();
  }

  /**
   * Keeps a new ticket's token: on this device, or for this page only
   * while identified (the identity opens it). False when storage refused.
   */
  keep(entry: StoredTicket): boolean {
    if (this.identity.token) {
      this.identity.keep(entry);
      return true;
    }
    const saved = this.#store.save(entry);
    this.#reread();
    return saved;
  }

  /** Forgets a ticket on this device. */
  remove(id: string): void {
    this.#store.remove(id);
    this.#reread();
  }

  /**
   * Takes a new identity token (see `identify()`); signing out also
   * drops what is known of the tickets only the identity listed.
   */
  identify(token: string | null): void {
    this.identity.set(token);
    if (token) return;
    const kept = new Set(this.#stored.map((e) => e.id));
    this.summaries = new Map(
      [...this.summaries].filter(([id]) => kept.has(id)),
    );
  }

  /** Forgets the identity and every ticket this device keeps. */
  signOut(): void {
    this.identity.set(null);
    this.#store.clear();
    this.#stored = [];
    this.summaries = new Map();
    this.#host.requestUpdate();
  }

  /** Reads every listed ticket again: the identity's list, then the rest. */
  async refresh(): Promise<void> {
    const mine = await this.identity.refresh();
    const listed = new Set(mine.map((t) => t.id));
    const entries = this.entries().filter((e) => !listed.has(e.id));
    const results: [string, Summary][] = mine.map((t) => [t.id, t]);
    results.push(...(await Promise.all(entries.map((e) => this.#read(e)))));
    this.summaries = new Map([...this.summaries, ...results]);
    this.#host.requestUpdate();
  }

  async #read(entry: StoredTicket): Promise<[string, Summary]> {
    try {
      return [entry.id, await this.#api().get(entry.id, entry.token)];
    } catch (error) {
      const message = this.#feedback.fail(error);
      const { t, format } = this.#i18n;
      return [entry.id, { error: format(t.couldNotLoad, { message }) }];
    }
  }

  /** The line under My requests about the identity, if any. */
  note(): TemplateResult | typeof nothing {
    return this.identity.note(this.#i18n);
  }
}
