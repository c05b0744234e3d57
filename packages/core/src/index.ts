/**
 * Ticketry core: the ticket lifecycle as an XState machine, zod
 * schemas, the desk, and the memory store.
 *
 * @packageDocumentation
 */
export * from './clock.js';
export * from './config.js';
export * from './desk/changes.js';
export * from './desk/desk.js';
export * from './desk/public-view.js';
export * from './desk/rebuild.js';
export { createSecret, fingerprint, hashSecret } from './desk/secrets.js';
export type { SlaMigration } from './desk/sla-methods.js';
export type {
  EscalationContext,
  SlaHooks,
} from './desk/sla-timers.js';
export type { SubmitOptions, SubmitResult } from './desk/submit.js';
export * from './errors.js';
export * from './ids.js';
export * from './machine/diagram.js';
export * from './machine/lifecycle.js';
export * from './machine/table.js';
export * from './priority.js';
export * from './public/index.js';
export * from './schemas/commands.js';
export * from './schemas/common.js';
export * from './schemas/event.js';
export * from './schemas/people.js';
export * from './schemas/ticket.js';
export * from './sla/index.js';
export * from './store/cursor.js';
export * from './store/memory-store.js';
export * from './store/query.js';
export * from './store/types.js';
