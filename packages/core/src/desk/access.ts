import type { Clock } from '../clock.js';
import type { TicketStore } from '../store/types.js';
import {
  type AccessOptions,
  type AccessSettings,
  accessSettings,
} from './access-options.js';
import { createAccessTokenMethods } from './access-tokens.js';
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
}) {
  const settings: AccessSettings = accessSettings(options.access);
  const ctx = { ...options, settings };
  return {
    ...createAccessTokenMethods(ctx),
    ...createSessionMethods(ctx),
    /** The lifetimes and sign-in rules in force, defaults filled in. */
    accessSettings: settings,
  };
}
