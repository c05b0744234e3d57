/**
 * Browser-safe shapes: the submission and the public view of a ticket,
 * written with `zod/mini` so the widget validates exactly as the server
 * does for a few kilobytes.
 *
 * @packageDocumentation
 */
export * from './form.js';
export * from './form-kinds.js';
export * from './limits.js';
export * from './requester-actions.js';
export * from './submission.js';
export * from './text.js';
export * from './ticket-view.js';
export * from './vocabulary.js';
