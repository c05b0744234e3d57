import type {
  WebhookAttempt,
  WebhookDispatcher,
  WebhookRequest,
  WebhookResult,
} from '@ticketry/core';
import { TicketryError } from '@ticketry/core';
import { createAddressGuard, type LookupAll } from './guard.js';
import { backoffMs, isRetryable, retryAfterMs } from './retry.js';
import { SIGNATURE_HEADER, signWebhook } from './signature.js';
import { nodeTransport, type Transport } from './transport.js';

/** Options of {@link createWebhookSender}. */
export interface WebhookSenderOptions {
  /** The HMAC-SHA256 key receivers verify with; 16 characters or more. */
  secret: string;
  /** Hosts and networks allowed although private or local. @default none */
  allow?: readonly string[];
  /** Tries per delivery, the first included. @default 5 */
  maxAttempts?: number;
  /** The first backoff ceiling. @default 1000 */
  baseDelayMs?: number;
  /** The largest backoff ceiling. @default 60000 */
  maxDelayMs?: number;
  /** A longer `Retry-After` ends the delivery instead. @default 300000 */
  maxRetryAfterMs?: number;
  /** Per attempt. @default 10000 */
  timeoutMs?: number;
  /** Resolves host names. @default node:dns lookup */
  lookup?: LookupAll;
  /** Sends one request. @default Node's http/https, pinned to the checked address */
  transport?: Transport;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** @default Math.random */
  random?: () => number;
  /** @default Date.now */
  now?: () => number;
}

/** The header carrying a delivery's id, the same on every retry. */
export const WEBHOOK_ID_HEADER = 'X-Ticketry-Webhook-Id';

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function checkOptions(o: WebhookSenderOptions) {
  if (typeof o.secret !== 'string' || o.secret.length < 16) {
    throw new TypeError(
      'createWebhookSender: `secret` must be at least 16 characters',
    );
  }
  const attempts = o.maxAttempts ?? 5;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) {
    throw new TypeError('createWebhookSender: `maxAttempts` must be 1 to 20');
  }
}

/**
 * Sends automation webhooks: a JSON body signed with HMAC-SHA256 and a
 * timestamp (`X-Ticketry-Signature: t=…,v1=…`), an id receivers can
 * deduplicate on, retries with exponential backoff and full jitter
 * that honour `Retry-After`, and the address guard before every
 * attempt.
 *
 * @example
 * const webhook = createWebhookSender({ secret: process.env.WEBHOOK_SECRET! });
 * createAutomation(desk, { webhook, triggers });
 */
export function createWebhookSender(
  options: WebhookSenderOptions,
): WebhookDispatcher & {
  /** Throws DESTINATION_REFUSED when the guard refuses the URL. */
  check(url: string): Promise<void>;
} {
  checkOptions(options);
  const guard = createAddressGuard({
    allow: options.allow,
    lookup: options.lookup,
  });
  const transport = options.transport ?? nodeTransport;
  const sleep = options.sleep ?? wait;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxAttempts ?? 5;

  async function attempt(request: WebhookRequest, body: string, n: number) {
    const target = await guard(request.url);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Ticketry-Webhooks/1',
      [WEBHOOK_ID_HEADER]: request.id,
      'X-Ticketry-Event': request.event,
      'X-Ticketry-Attempt': String(n),
      [SIGNATURE_HEADER]: signWebhook(
        options.secret,
        body,
        Math.floor(now() / 1000),
      ),
    };
    return transport({
      target,
      headers,
      body,
      timeoutMs: options.timeoutMs ?? 10_000,
    });
  }

  /** How long to wait before try `n + 1`, or null to stop. */
  function delayAfter(n: number, retryAfter: string | null): number | null {
    if (n >= maxAttempts) return null;
    const jitter = backoffMs(
      n,
      options.baseDelayMs ?? 1000,
      options.maxDelayMs ?? 60_000,
      random,
    );
    const asked = retryAfterMs(retryAfter, now());
    if (asked === null) return jitter;
    return asked > (options.maxRetryAfterMs ?? 300_000)
      ? null
      : Math.max(asked, jitter);
  }

  async function send(request: WebhookRequest): Promise<WebhookResult> {
    const body = JSON.stringify(request.payload);
    const attempts: WebhookAttempt[] = [];
    for (let n = 1; ; n++) {
      const at = new Date(now()).toISOString();
      let retryAfter: string | null = null;
      try {
        const res = await attempt(request, body, n);
        attempts.push({ at, status: res.status, error: null });
        if (res.status >= 200 && res.status < 300) {
          return { ok: true, status: res.status, error: null, attempts };
        }
        if (!isRetryable(res.status)) {
          const error =
            res.status < 400
              ? 'redirects are not followed'
              : `answered ${res.status}`;
          return { ok: false, status: res.status, error, attempts };
        }
        retryAfter = res.retryAfter;
      } catch (error) {
        if (
          error instanceof TicketryError &&
          error.code === 'DESTINATION_REFUSED'
        ) {
          return {
            ok: false,
            status: null,
            error: error.message,
            refused: true,
            attempts,
          };
        }
        attempts.push({ at, status: null, error: (error as Error).message });
      }
      const delay = delayAfter(n, retryAfter);
      if (delay === null) {
        const last = attempts.at(-1)!;
        return {
          ok: false,
          status: last.status,
          error: last.error ?? `answered ${last.status}`,
          attempts,
        };
      }
      await sleep(delay);
    }
  }

  return {
    send,
    async check(url) {
      await guard(url);
    },
  };
}
