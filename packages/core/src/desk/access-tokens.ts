import type { Clock } from '../clock.js';
import { shown, TicketryError } from '../errors.js';
import type { TicketStore } from '../store/types.js';
import {
  type AccessSettings,
  generationOf,
  later,
  revocationKey,
} from './access-options.js';
import { createSecret, hashSecret } from './secrets.js';

/** The prefix of requester access tokens. */
export const ACCESS_TOKEN_PREFIX = 'tkr_';

/** Longest secret read; longer ones are unknown without a look-up. */
const MAX_SECRET = 256;

/** Why a secret was refused. */
export type RefusedBecause = 'unknown' | 'expired' | 'revoked';

/** What {@link AccessTokenMethods.checkAccessToken} finds. */
export type AccessTokenCheck =
  | { ok: true; ticketId: string; expiresAt: string }
  | { ok: false; reason: RefusedBecause };

/** A token just made, and when it stops opening its ticket. */
export interface IssuedAccessToken {
  token: string;
  ticketId: string;
  expiresAt: string;
}

/** A ticket's tokens revoked: every token made before now is refused. */
export interface AccessRevocation {
  ticketId: string;
  revokedAt: string;
  /** How many times this ticket's tokens have been revoked. */
  generation: number;
}

/** What the access methods of a desk need. */
export interface AccessContext {
  store: TicketStore;
  siteId: string;
  clock: Clock;
  settings: AccessSettings;
}

/**
 * Requester access tokens: `tkr_` and 256 random bits, stored as their
 * SHA-256 with the ticket, an expiry and the ticket's revocation
 * generation. Revoking writes one record per ticket that raises the
 * generation, so every older token is refused at once, whatever store.
 */
export function createAccessTokenMethods(ctx: AccessContext) {
  const { store, siteId, clock, settings } = ctx;
  const now = () => clock.now().toISOString();
  const recordOf = (ticketId: string) =>
    store.findAccessToken(revocationKey('ticket', siteId, ticketId));

  async function issueAccessToken(
    ticketId: string,
    options: { lifetimeMs?: number } = {},
  ): Promise<IssuedAccessToken> {
    const lifetime = options.lifetimeMs ?? settings.accessTokenLifetimeMs;
    if (!(Number.isSafeInteger(lifetime) && lifetime > 0)) {
      throw new TypeError('lifetimeMs must be a positive whole number');
    }
    const token = createSecret(ACCESS_TOKEN_PREFIX);
    const at = now();
    const generation = generationOf(await recordOf(ticketId), siteId);
    const expiresAt = later(at, lifetime);
    await store.putAccessToken({
      siteId,
      ticketId,
      hash: hashSecret(token),
      createdAt: at,
      expiresAt,
      ...(generation > 0 && { generation }),
    });
    return { token, ticketId, expiresAt };
  }

  async function checkAccessToken(token: string): Promise<AccessTokenCheck> {
    const refused = (reason: RefusedBecause) =>
      ({ ok: false, reason }) as const;
    if (!token.startsWith(ACCESS_TOKEN_PREFIX) || token.length > MAX_SECRET) {
      return refused('unknown');
    }
    const found = await store.findAccessToken(hashSecret(token));
    if (!found || found.siteId !== siteId) return refused('unknown');
    if (found.revokedAt) return refused('revoked');
    // Tokens made before expiry was stored live the desk's lifetime.
    const expiresAt =
      found.expiresAt ?? later(found.createdAt, settings.accessTokenLifetimeMs);
    if (now() >= expiresAt) return refused('expired');
    const current = generationOf(await recordOf(found.ticketId), siteId);
    if ((found.generation ?? 0) < current) return refused('revoked');
    return { ok: true, ticketId: found.ticketId, expiresAt };
  }

  return {
    /**
     * Makes a requester access token for one ticket; only its hash is
     * stored. It expires `access.accessTokenLifetimeMs` after now.
     */
    async createAccessToken(ticketId: string): Promise<string> {
      return (await issueAccessToken(ticketId)).token;
    },
    /** {@link createAccessToken} with its expiry, and a lifetime of its own. */
    issueAccessToken,
    /** Whether a token opens a ticket, and if not, why. */
    checkAccessToken,
    /** The ticket id a live access token opens, or null. */
    async verifyAccessToken(token: string): Promise<string | null> {
      const check = await checkAccessToken(token);
      return check.ok ? check.ticketId : null;
    },
    /**
     * Refuses every access token of a ticket made until now; tokens
     * made later work. Throws NOT_FOUND for a ticket the desk lacks.
     */
    async revokeAccessTokens(ticketId: string): Promise<AccessRevocation> {
      if (!(await store.getTicket(siteId, ticketId))) {
        throw new TicketryError('NOT_FOUND', `no ticket ${shown(ticketId)}`, {
          details: { ticketId },
        });
      }
      const key = revocationKey('ticket', siteId, ticketId);
      const previous = await store.findAccessToken(key);
      const generation = generationOf(previous, siteId) + 1;
      const revokedAt = now();
      await store.putAccessToken({
        siteId,
        ticketId,
        hash: key,
        createdAt: previous?.createdAt ?? revokedAt,
        revokedAt,
        generation,
      });
      return { ticketId, revokedAt, generation };
    },
  };
}
