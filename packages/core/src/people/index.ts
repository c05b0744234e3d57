/**
 * People around a ticket: organizations, watchers and approvals.
 *
 * @packageDocumentation
 */

export * from './approval-rules.js';
export * from './approvals.js';
export * from './org-access.js';
export * from './org-schema.js';
export * from './organizations.js';
export * from './people-desk.js';
export * from './recipients.js';
export * from './watcher-guard.js';
export * from './watchers.js';
