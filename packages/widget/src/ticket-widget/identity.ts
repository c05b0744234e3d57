import {
  EMAIL_PATTERN,
  LIMITS,
  type PublicTicket,
} from '@ticketry/core/public';
import {
  html,
  nothing,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { TicketApi } from './api.js';
import type { Feedback } from './feedback.js';
import type { Localizer } from './i18n/index.js';
import type { StoredTicket } from './token-store.js';

/** The shape of an identity token the host site signs: `tki_<claims>.<mac>`. */
const TOKEN = /^tki_[\w-]{1,2000}\.[\w-]{43}$/;

/** Whom an identity files requests for: its address, and its name if any. */
export interface Requester {
  email: string;
  name: string | null;
}

/** The claims' address and name as the form shows them, if they read. */
function requesterOf(email: unknown, name: unknown): Requester | null {
  if (typeof email !== 'string' || email.length > LIMITS.email) return null;
  if (!EMAIL_PATTERN.test(email)) return null;
  const named = typeof name === 'string' && name.trim();
  return { email, name: named && named.length <= LIMITS.name ? named : null };
}

/** What an identity token says, as the widget reads it. */
interface Claimed {
  requester: Requester | null;
  /** The host's id of the user (`sub`): the same across fresh tokens. */
  owner: string | null;
}

/** What a token says when its claims do not read, or without a token. */
const NOBODY: Claimed = { requester: null, owner: null };

/**
 * Reads an identity token's claims without checking the signature: only
 * to show whom the form files for before the server answers. The server
 * verifies the token on every call and refuses a bad one, so nothing
 * here is trusted. Nulls where the claims do not read.
 */
function claimsOf(token: string): Claimed {
  try {
    const encoded = token.slice(4, token.indexOf('.'));
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    const { email, name, sub } = claims ?? {};
    return {
      requester: requesterOf(email, name),
      owner: typeof sub === 'string' ? sub : null,
    };
  } catch {
    return NOBODY;
  }
}

/** What {@link IdentityController} needs from its element. */
export interface IdentityOptions {
  api(): TicketApi;
  /** Reports failures as `ticket-error` and gives the words to show. */
  feedback: Pick<Feedback, 'fail'>;
}

/**
 * The signed-in requester, as the host site vouches with `identify()`.
 * Holds the token in memory only (never in storage), lists the
 * requester's tickets from `GET /me/tickets`, and keeps the tickets filed
 * while identified for this page only: the identity opens them, so no
 * access token of theirs is left on a shared device after sign-out.
 */
export class IdentityController {
  /** The identity token, or null when nobody is identified. */
  token: string | null = null;
  /** The address the server verified, once it answered. */
  email: string | null = null;
  /** Why the requester's tickets could not be listed. */
  error: string | null = null;
  /** What the token claims, read at once; the server's answer wins. */
  #claimed = NOBODY;
  #verified: Requester | null = null;
  #tickets: PublicTicket[] = [];
  #session: StoredTicket[] = [];
  readonly #host: ReactiveControllerHost;
  readonly #o: IdentityOptions;

  constructor(host: ReactiveControllerHost, options: IdentityOptions) {
    this.#host = host;
    this.#o = options;
  }

  /**
   * Takes a new token, or `null` to sign out (which forgets every ticket
   * the identity listed or filed). Throws a TypeError on anything that
   * is not an identity token: that is a mistake of the host page.
   */
  set(token: string | null): void {
    if (token !== null && (typeof token !== 'string' || !TOKEN.test(token))) {
      throw new TypeError(
        'identify() takes an identity token (tki_<claims>.<signature>) signed by your server, or null',
      );
    }
    if (token === null) {
      this.#tickets = [];
      this.#session = [];
      this.email = null;
    }
    if (token !== this.token) this.#verified = null;
    this.#claimed = token ? claimsOf(token) : NOBODY;
    this.token = token;
    this.error = null;
    this.#host.requestUpdate();
  }

  /** Forgets what one server listed, when the widget changes server. */
  clearListed(): void {
    this.#tickets = [];
    this.email = null;
    this.#verified = null;
  }

  /**
   * Whom submissions are filed for while identified: the address (and
   * name) the server verified once it answered, until then what the
   * token claims. Null when nobody is identified or the claims do not
   * read; the form then asks for an address as usual.
   */
  requester(): Requester | null {
    if (!this.token) return null;
    return this.#verified ?? this.#claimed.requester;
  }

  /**
   * Who is identified, the same across fresh tokens of one user (their
   * `sub`, else the token): what the server keys their conversations by.
   * Null when nobody is.
   */
  owner(): string | null {
    if (!this.token) return null;
    return this.#claimed.owner ?? this.token;
  }

  /** Keeps a ticket filed while identified, for this page only. */
  keep(entry: StoredTicket): void {
    this.#session = [entry, ...this.#session.filter((e) => e.id !== entry.id)];
    this.#host.requestUpdate();
  }

  /**
   * The requester's tickets from the server (none when nobody is
   * identified or the call failed; `error` then says why).
   */
  async refresh(): Promise<PublicTicket[]> {
    const token = this.token;
    if (!token) return [];
    try {
      const page = await this.#o.api().myTickets(token);
      if (this.token !== token) return [];
      this.#tickets = page.items;
      this.email = page.identity.email;
      this.#verified = requesterOf(page.identity.email, page.identity.name);
      this.error = null;
    } catch (error) {
      if (this.token !== token) return [];
      this.error = this.#o.feedback.fail(error);
    }
    this.#host.requestUpdate();
    return this.#tickets;
  }

  /**
   * Every ticket to list, each once: those filed on this page while
   * identified, those stored on this device, and the rest of the
   * identity's. Newest first by `createdAt(id)` where it is known
   * (the server's list, or the host's loaded summaries), the rest after.
   */
  entries(
    stored: readonly StoredTicket[],
    createdAt: (id: string) => string | undefined,
  ): StoredTicket[] {
    const token = this.token;
    const listed = token
      ? this.#tickets.map((t) => ({ id: t.id, ref: t.ref, token }))
      : [];
    const made = new Map(this.#tickets.map((t) => [t.id, t.createdAt]));
    const at = (e: StoredTicket) => made.get(e.id) ?? createdAt(e.id) ?? '';
    const seen = new Set<string>();
    // Each once, the first found kept; the sort is stable, so equal dates
    // (and unknown ones, after the rest) keep that order.
    return [...this.#session, ...stored, ...listed]
      .filter((e) => !seen.has(e.id) && !!seen.add(e.id))
      .sort((a, b) => +(at(a) < at(b)) - +(at(a) > at(b)));
  }

  /** A line under My requests: whose requests these are, or the failure. */
  note(i18n: Localizer): TemplateResult | typeof nothing {
    const tr = i18n.t.tracking;
    if (this.error) {
      return html`<p class="alert" part="alert identity-note" role="alert">
        ${i18n.format(tr.identityFailed, { message: this.error })}
      </p>`;
    }
    if (!this.token || !this.email) return nothing;
    return html`<p class="hint" part="hint identity-note">
      ${i18n.format(tr.identifiedAs, { email: this.email })}
    </p>`;
  }
}
