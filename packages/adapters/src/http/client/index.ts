/**
 * A typed client for the Ticketry HTTP API. It depends on the browser-
 * safe `@ticketry/core/public` schemas and the core's error classes
 * only, never on the server.
 *
 * @packageDocumentation
 */
export { errorFrom, HttpDeskError } from './errors.js';
export { createHttpDesk } from './http-desk.js';
export type * from './types.js';
