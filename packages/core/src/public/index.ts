/**
 * Browser-safe shapes: the submission and the public view of a ticket,
 * written with `zod/mini`. The widget carries the same submission rules
 * without zod (its check/ folder, held to these by a test); the plain
 * lists (limits, vocabulary, form kinds) import no zod at all.
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
