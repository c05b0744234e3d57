import type { Desk } from '@ticketry/core';
import type { z } from 'zod';
import type { AttachmentStore } from './attachments/store.js';
import type { LoadedForm } from './form-routes.js';
import type { IdentityVerifier } from './identity.js';
import type { HttpServices } from './services.js';
import type { SubmitScreen } from './submit-screen.js';

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
  /** Checks identity tokens (`tki_…`); absent, they are refused. */
  identity?: IdentityVerifier;
  /** The OpenAPI document of this handler, built once. */
  openapi(): unknown;
  /** The desk's submission form; null when none was configured. */
  form: LoadedForm | null;
  /** Where uploads go; null when attachments are off. */
  attachments: AttachmentStore | null;
  /** Honeypot, CAPTCHA hook and requester budget for submissions. */
  screen?: SubmitScreen;
  /** Optional services (mail, routing, automation, metrics…). */
  services: HttpServices;
}

/** Who may call a route. */
export type Access =
  /** Anyone; no credential is read. */
  | 'none'
  /** Anyone; a credential, when sent, must be valid. */
  | 'public'
  /** An agent API key, or the ticket's own requester token. */
  | 'ticket'
  /** A host-signed identity token (`tki_…`). */
  | 'identity'
  /** A console session token (`tks_…`) only. */
  | 'session'
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
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under the base path, with `:name` parameters: `/tickets/:id`. */
  path: string;
  operationId: string;
  summary: string;
  access: Access;
  /** The route also takes a requester or identity token as `?access_token=`. */
  queryToken?: boolean;
  body?: z.core.$ZodType;
  /** The body is a file's raw bytes, not JSON. */
  rawBody?: { description: string; mediaTypes: string[] };
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
