/**
 * Ticketry core: the ticket lifecycle as an XState machine, zod
 * schemas, the desk, and the memory store.
 *
 * @packageDocumentation
 */

export * from './assistant/index.js';
export {
  type ChainedEvent,
  chainEvent,
  eventHash,
  GENESIS_HASH,
} from './audit/chain.js';
export * from './audit/report.js';
export * from './audit/requester-data.js';
export * from './audit/verify.js';
export * from './automation/index.js';
export * from './classify/index.js';
export * from './clock.js';
export * from './config.js';
export {
  type AccessOptions,
  type AccessSettings,
  DEFAULT_LIFETIMES,
} from './desk/access-options.js';
export {
  ACCESS_TOKEN_PREFIX,
  type AccessRevocation,
  type AccessTokenCheck,
  type IssuedAccessToken,
  type RefusedBecause,
} from './desk/access-tokens.js';
export * from './desk/changes.js';
export * from './desk/desk.js';
export { DEFAULT_LOCKOUT, type LockoutOptions } from './desk/lockout.js';
export {
  DEFAULT_SCRYPT,
  hashPassword,
  PASSWORD_LENGTH,
  type ScryptParams,
  verifyPassword,
} from './desk/passwords.js';
export * from './desk/public-view.js';
export * from './desk/rebuild.js';
export * from './desk/retry.js';
export { createSecret, fingerprint, hashSecret } from './desk/secrets.js';
export {
  listSecurityLog,
  SECURITY_LOG_KIND,
  type SecurityLogEntry,
} from './desk/security-log.js';
export {
  API_KEY_PREFIX,
  SESSION_PREFIX,
  type SessionCheck,
  type SignedIn,
} from './desk/sessions.js';
export type { SlaMigration } from './desk/sla-methods.js';
export type {
  EscalationContext,
  SlaHooks,
} from './desk/sla-timers.js';
export type { SubmitOptions, SubmitResult } from './desk/submit.js';
export * from './errors.js';
export * from './ids.js';
export * from './kb/index.js';
export * from './machine/diagram.js';
export * from './machine/lifecycle.js';
export * from './machine/table.js';
export * from './metrics/index.js';
export * from './people/index.js';
export * from './predict/index.js';
export * from './priority.js';
export * from './public/index.js';
export * from './relations/index.js';
export * from './routing/index.js';
export * from './schemas/commands.js';
export * from './schemas/common.js';
export * from './schemas/event.js';
export * from './schemas/people.js';
export * from './schemas/routing.js';
export * from './schemas/ticket.js';
export * from './sla/index.js';
export * from './store/cursor.js';
export * from './store/memory-store.js';
export * from './store/query.js';
export * from './store/records.js';
export * from './store/types.js';
