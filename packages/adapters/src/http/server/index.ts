/**
 * The Ticketry HTTP API as a Web-standard handler, and a small adapter
 * to serve it with `node:http`.
 *
 * @packageDocumentation
 */

export {
  assistantAnswerSchema,
  assistantMessageSchema,
} from './assistant-routes.js';
export {
  type AssistantService,
  type AssistantServiceOptions,
  createAssistantService,
} from './assistant-service.js';
export { createFileAttachmentStore } from './attachments/file-store.js';
export { type Sniffed, sniff } from './attachments/sniff.js';
export {
  type AttachmentStore,
  createMemoryAttachmentStore,
  type StoredAttachment,
} from './attachments/store.js';
export {
  addressKey,
  clientAddressOf,
  type RequestInfo,
  type TrustProxy,
} from './client-address.js';
export { allowedOrigin, checkOrigins } from './cors.js';
export { type LoadedForm, loadForm } from './form-routes.js';
export type { GuardOptions } from './guard.js';
export {
  createHttpHandler,
  type HttpHandler,
  type HttpHandlerOptions,
  type HttpLogger,
} from './handler.js';
export { DEFAULT_HONEYPOT } from './honeypot.js';
export {
  createIdentityVerifier,
  IDENTITY_PREFIX,
  type Identity,
  type IdentityClaims,
  type IdentityInput,
  type IdentityOptions,
  type IdentityVerifier,
  identityClaimsSchema,
  signIdentity,
} from './identity.js';
export type { MailInboundService } from './mail-routes.js';
export { type NodeServer, type ServeNodeOptions, serveNode } from './node.js';
export { createOpenApiDocument, type OpenApiOptions } from './openapi.js';
export {
  type BucketEntry,
  type BucketState,
  createMemoryRateLimitStore,
  type MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
  type RateLimitStore,
  type RateRule,
  rateLimitHeaders,
  takeTokens,
} from './rate-limit.js';
export {
  DEFAULT_RATE_RULES,
  type LimitClass,
  type LimitScope,
  type RateLimitOptions,
  type RateRules,
} from './rate-rules.js';
export {
  redactFields,
  redactingLogger,
  redactText,
  redactValue,
} from './redact.js';
export type { RequestShapeLimits } from './request-shape.js';
export { type ErrorBody, HTTP_ERROR_CODES } from './respond.js';
export type { Access, Route, RouteContext } from './route.js';
export { ROUTES } from './routes.js';
export type { HttpServices } from './services.js';
export {
  createMultiSiteHandler,
  type MultiSiteOptions,
  SITE_HEADER,
  type SiteOptions,
} from './sites.js';
export {
  CAPTCHA_HEADER,
  type HumanVerdict,
  type VerifyHuman,
} from './submit-screen.js';
