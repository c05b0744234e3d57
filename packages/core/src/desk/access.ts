import type { Clock } from '../clock.js';
import type { Actor } from '../schemas/common.js';
import type { TicketStore } from '../store/types.js';
import {
  type AccessOptions,
  type AccessSettings,
  accessSettings,
} from './access-options.js';
import { createAccessTokenMethods } from './access-tokens.js';
import type { DeskCore } from './desk-types.js';
import { auditAccessRevoke } from './security-log.js';
import { createSessionMethods } from './sessions.js';

/**
 * Every credential method of a desk: requester access tokens, agents'
 * API keys, passwords and console sessions (see docs/security.md).
 */
export function createAccessMethods(options: {
  store: TicketStore;
  siteId: string;
  clock: Clock;
  access?: AccessOptions;
  /** Records `ticket.access_revoked` on each revocation when given. */
  record?: DeskCore['record'];
}) {
  const settings: AccessSettings = accessSettings(options.access);
  const { store, siteId, clock, record } = options;
  const ctx = { store, siteId, clock, settings };
  const tokens = createAccessTokenMethods(ctx);
  return {
    ...tokens,
    /**
     * Refuses every access token of a ticket made until now, and records
     * it on the ticket as `ticket.access_revoked` by `actor` (the system
     * when none is named).
     */
    async revokeAccessTokens(ticketId: string, actor?: Actor) {
      const revocation = await tokens.revokeAccessTokens(ticketId);
      if (record) {
        await auditAccessRevoke({ store, siteId, record }, revocation, actor);
      }
      return revocation;
    },
    ...createSessionMethods(ctx),
    /** The lifetimes and sign-in rules in force, defaults filled in. */
    accessSettings: settings,
  };
}
