import type { Desk } from '@ticketry/core';
import type { z } from 'zod';

/** What a route handler receives. */
export interface RouteContext {
  desk: Desk;
  request: Request;
  url: URL;
  /** Decoded path parameters, e.g. `{ id }`. */
  params: Record<string, string>;
  basePath: string;
  maxBodyBytes: number;
  heartbeatMs: number;
  /** The OpenAPI document of this handler, built once. */
  openapi(): unknown;
}

/** Who may call a route. */
export type Access =
  /** Anyone; no credential is read. */
  | 'none'
  /** Anyone; a credential, when sent, must be valid. */
  | 'public'
  /** An agent API key, or the ticket's own requester token. */
  | 'ticket'
  | 'agent'
  | 'supervisor';

/** A header a route reads, for the OpenAPI document. */
export interface HeaderDoc {
  name: string;
  required: boolean;
  description: string;
}

/** One documented answer of a route. */
export interface ResponseDoc {
  description: string;
  schema?: z.core.$ZodType;
  /** @default 'application/json' */
  mediaType?: string;
  /** Response headers worth naming, e.g. `ETag`. */
  headers?: string[];
}

/** One entry of the route table: how it is served and documented. */
export interface Route {
  method: 'GET' | 'POST';
  /** Under the base path, with `:name` parameters: `/tickets/:id`. */
  path: string;
  operationId: string;
  summary: string;
  access: Access;
  /** The route also takes a requester token as `?access_token=`. */
  queryToken?: boolean;
  body?: z.core.$ZodType;
  query?: z.core.$ZodType;
  headers?: HeaderDoc[];
  /** Error statuses beyond the ones the access and body imply. */
  errors?: number[];
  /**
   * What the 404 of a route with path parameters means.
   * @default 'No such ticket'
   */
  notFound?: string;
  responses: Record<number, ResponseDoc>;
  handle(ctx: RouteContext): Promise<Response>;
}
