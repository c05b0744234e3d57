import type { PublicTicket } from '@ticketry/core/public';
import type { ReactiveControllerHost } from 'lit';
import type { Localizer } from './i18n/index.js';
import { IdentityController, type IdentityOptions } from './identity.js';
import {
  createTokenStore,
  type StoredTicket,
  type TokenStore,
} from './token-store.js';
import type { Summary } from './views.js';

/** What {@link MyTickets} reads tickets with and reports failures to. */
export interface MyTicketsOptions extends IdentityOptions {
  i18n: Localizer;
}

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
  readonly #o: MyTicketsOptions;

  constructor(host: ReactiveControllerHost, options: MyTicketsOptions) {
    this.#host = host;
    this.#o = options;
    this.identity = new IdentityController(host, options);
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
    return this.identity.entries(
      this.#stored,
      // A summary that is a failure has no date.
      (id) => (this.summaries.get(id) as PublicTicket | undefined)?.createdAt,
    );
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
    this.#store.clear();
    this.#stored = [];
    this.identify(null);
  }

  /** Reads every listed ticket again: the identity's list, then the rest. */
  async refresh(): Promise<void> {
    const mine = await this.identity.refresh();
    const listed = new Set(mine.map((t) => t.id));
    const others = this.entries().filter((e) => !listed.has(e.id));
    const read = await Promise.all(others.map((e) => this.#read(e)));
    this.summaries = new Map([
      ...this.summaries,
      ...mine.map((t): [string, Summary] => [t.id, t]),
      ...read,
    ]);
    this.#host.requestUpdate();
  }

  async #read(entry: StoredTicket): Promise<[string, Summary]> {
    try {
      return [entry.id, await this.#o.api().get(entry.id, entry.token)];
    } catch (error) {
      const message = this.#o.feedback.fail(error);
      const { t, format } = this.#o.i18n;
      return [entry.id, { error: format(t.couldNotLoad, { message }) }];
    }
  }
}
