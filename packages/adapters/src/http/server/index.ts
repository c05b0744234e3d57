/**
 * The Ticketry HTTP API as a Web-standard handler, and a small adapter
 * to serve it with `node:http`.
 *
 * @packageDocumentation
 */
export {
  createHttpHandler,
  type HttpHandler,
  type HttpHandlerOptions,
  type HttpLogger,
} from './handler.js';
export { type NodeServer, type ServeNodeOptions, serveNode } from './node.js';
export { createOpenApiDocument, type OpenApiOptions } from './openapi.js';
export { type ErrorBody, HTTP_ERROR_CODES } from './respond.js';
export type { Access, Route, RouteContext } from './route.js';
export { ROUTES } from './routes.js';
