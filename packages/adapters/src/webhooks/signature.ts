import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a delivery's signature travels in. */
export const SIGNATURE_HEADER = 'X-Ticketry-Signature';

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * The signature header value of a body: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">`.
 */
export function signWebhook(
  secret: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** What a receiver checks a delivery with. */
export interface VerifyOptions {
  /** The secret, or several while rotating it. */
  secret: string | readonly string[];
  /** The raw body exactly as received, before any JSON parsing. */
  body: string;
  /** The `X-Ticketry-Signature` header, or null when absent. */
  header: string | null | undefined;
  /** How old (or how far ahead) a timestamp may be. @default 300 */
  toleranceSeconds?: number;
  /** @default Date.now() */
  nowMs?: number;
}

/** Whether a delivery is genuine, and why not. */
export type Verification =
  | { ok: true; timestamp: number }
  | {
      ok: false;
      reason: 'missing' | 'malformed' | 'outside_tolerance' | 'mismatch';
    };

function parseHeader(header: string) {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return { timestamp, signatures };
}

/**
 * Checks a delivery's signature in constant time against each secret,
 * and that its timestamp lies within the tolerance, so a captured
 * delivery cannot be replayed later.
 *
 * @example
 * const check = verifyWebhookSignature({
 *   secret: process.env.TICKETRY_WEBHOOK_SECRET!,
 *   body: rawBody,
 *   header: request.headers.get('x-ticketry-signature'),
 * });
 * if (!check.ok) return new Response(null, { status: 400 });
 */
export function verifyWebhookSignature(options: VerifyOptions): Verification {
  if (!options.header) return { ok: false, reason: 'missing' };
  const { timestamp, signatures } = parseHeader(options.header);
  if (timestamp === null || signatures.length === 0) {
    return { ok: false, reason: 'malformed' };
  }
  const now = (options.nowMs ?? Date.now()) / 1000;
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) {
    return { ok: false, reason: 'outside_tolerance' };
  }
  const secrets =
    typeof options.secret === 'string' ? [options.secret] : options.secret;
  let match = false;
  for (const secret of secrets) {
    const expected = Buffer.from(hmac(secret, timestamp, options.body));
    for (const given of signatures) {
      // Same length by construction (64 hex digits), so no early exit.
      match = timingSafeEqual(expected, Buffer.from(given)) || match;
    }
  }
  return match ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
