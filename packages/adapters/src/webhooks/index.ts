/**
 * Outgoing webhooks for Ticketry automation: signed, retried, and sent
 * only to addresses the guard allows.
 *
 * @packageDocumentation
 */
export { deniedBecause, parseCidr, parseIp } from './address.js';
export {
  type AddressGuardOptions,
  createAddressGuard,
  type LookupAll,
  type Target,
} from './guard.js';
export { backoffMs, isRetryable, retryAfterMs } from './retry.js';
export {
  createWebhookSender,
  WEBHOOK_ID_HEADER,
  type WebhookSenderOptions,
} from './sender.js';
export {
  SIGNATURE_HEADER,
  signWebhook,
  type Verification,
  type VerifyOptions,
  verifyWebhookSignature,
} from './signature.js';
export type {
  Transport,
  TransportRequest,
  TransportResponse,
} from './transport.js';
