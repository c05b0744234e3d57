import {
  LIMITS,
  requesterInputSchema,
  TicketryError,
  withoutControlCharacters,
} from '@ticketry/core';
import { z } from 'zod';

/**
 * Identity tokens: the host site signs who its signed-in user is, and
 * the widget hands the token to the API. Format:
 * `tki_<claims>.<signature>`, where `<claims>` is the base64url of a
 * JSON object and `<signature>` the base64url HMAC-SHA256, keyed with
 * the shared secret, of everything before the dot (`tki_<claims>`).
 */
export const IDENTITY_PREFIX = 'tki_';

/** Longest identity token read; longer ones are malformed. */
const MAX_TOKEN = 2048;

/** Seconds a clock may be ahead or behind before a token is refused. */
const SKEW_SECONDS = 60;

/** Default and largest lifetime (`exp - iat`) a server accepts. */
const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 60 * 60;
const LONGEST_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/** Shortest shared secret accepted: 32 characters. */
const MIN_SECRET = 32;

const seconds = z.number().int().nonnegative();

/** What an identity token says, as JSON inside it. */
export const identityClaimsSchema = z.strictObject({
  /** The site (the desk's `siteId`) the token is for. */
  site: z.string().min(1).max(64),
  /** The host's id for the user. */
  sub: z
    .string()
    .min(1)
    .max(128)
    .refine(withoutControlCharacters, 'must not contain control characters'),
  /** Checked as a submission's requester email is. */
  email: requesterInputSchema.shape.email,
  name: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.name)
    .refine(withoutControlCharacters, 'must not contain control characters')
    .optional(),
  /** Issued at, seconds since 1970 (UTC). */
  iat: seconds,
  /** Expires at, seconds since 1970 (UTC). */
  exp: seconds,
});

export type IdentityClaims = z.infer<typeof identityClaimsSchema>;

/** A verified identity: who the host says is signed in. */
export interface Identity {
  userId: string;
  email: string;
  name: string | null;
  /** When the token stops being accepted. */
  expiresAt: Date;
}

/** The `identity` option of `createHttpHandler`. */
export interface IdentityOptions {
  /**
   * The shared secret(s), at least 32 characters each. A token signed
   * with any of them is accepted, so a new secret can be rolled out
   * before the old one is retired.
   */
  secret: string | readonly string[];
  /**
   * Longest lifetime (`exp - iat`) accepted, in seconds, at most 30 days.
   * @default 86400 (one day)
   */
  maxLifetimeSeconds?: number;
}

/** Checks identity tokens for one site. */
export type IdentityVerifier = (token: string) => Promise<Identity>;

const encoder = new TextEncoder();

const refuse = (
  code: 'IDENTITY_MALFORMED' | 'IDENTITY_INVALID' | 'IDENTITY_EXPIRED',
  message: string,
) => new TicketryError(code, message);

function hmacKey(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function secretsOf(option: IdentityOptions['secret'], who: string): string[] {
  const secrets = typeof option === 'string' ? [option] : [...(option ?? [])];
  if (
    secrets.length === 0 ||
    secrets.some((s) => typeof s !== 'string' || s.length < MIN_SECRET)
  ) {
    throw new TypeError(
      `${who}: each identity secret must be a string of at least ${MIN_SECRET} characters`,
    );
  }
  return secrets;
}

function maxLifetimeOf(options: IdentityOptions): number {
  const max = options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  if (
    !(Number.isSafeInteger(max) && max > 0 && max <= LONGEST_LIFETIME_SECONDS)
  ) {
    throw new TypeError(
      `createHttpHandler: identity.maxLifetimeSeconds must be a whole number from 1 to ${LONGEST_LIFETIME_SECONDS}`,
    );
  }
  return max;
}

/** The two parts of a well-formed token, or IDENTITY_MALFORMED. */
function split(token: string): { signed: string; claims: string; mac: string } {
  const match =
    token.length <= MAX_TOKEN
      ? /^tki_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token)
      : null;
  if (!match) {
    throw refuse(
      'IDENTITY_MALFORMED',
      'an identity token looks like tki_<claims>.<signature>',
    );
  }
  const [, claims, mac] = match as unknown as [string, string, string];
  return { signed: `${IDENTITY_PREFIX}${claims}`, claims, mac };
}

function parseClaims(encoded: string): IdentityClaims {
  let json: unknown;
  try {
    json = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(encoded)),
    );
  } catch {
    json = undefined;
  }
  const parsed = identityClaimsSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join('.')})` : '';
    throw refuse(
      'IDENTITY_MALFORMED',
      `the identity token's claims are not valid${where}`,
    );
  }
  return parsed.data;
}

/**
 * A verifier of identity tokens for the site `siteId`: checks the
 * signature against each secret (Web Crypto's HMAC verify compares in
 * constant time), then the claims, the site, and the lifetime against
 * `now()`. Throws a 401 TicketryError: IDENTITY_MALFORMED,
 * IDENTITY_INVALID (signature, site, issued in the future, too long a
 * lifetime) or IDENTITY_EXPIRED.
 */
export function createIdentityVerifier(
  options: IdentityOptions,
  siteId: string,
  now: () => Date,
): IdentityVerifier {
  const secrets = secretsOf(options?.secret, 'createHttpHandler');
  const maxLifetime = maxLifetimeOf(options);
  let keys: Promise<CryptoKey[]> | undefined;

  async function signedByUs(signed: string, mac: string): Promise<boolean> {
    keys ??= Promise.all(secrets.map((s) => hmacKey(s, 'verify')));
    const data = encoder.encode(signed);
    const signature = fromBase64Url(mac);
    for (const key of await keys) {
      if (await crypto.subtle.verify('HMAC', key, signature, data)) return true;
    }
    return false;
  }

  return async (token) => {
    const { signed, claims: encoded, mac } = split(token);
    if (!(await signedByUs(signed, mac))) {
      throw refuse(
        'IDENTITY_INVALID',
        'the identity token signature does not verify',
      );
    }
    const claims = parseClaims(encoded);
    if (claims.site !== siteId) {
      throw refuse(
        'IDENTITY_INVALID',
        'the identity token is for another site',
      );
    }
    const at = Math.floor(now().getTime() / 1000);
    if (claims.exp <= at - SKEW_SECONDS) {
      throw refuse(
        'IDENTITY_EXPIRED',
        'the identity token has expired; sign a new one',
      );
    }
    if (claims.iat > at + SKEW_SECONDS) {
      throw refuse(
        'IDENTITY_INVALID',
        'the identity token was issued in the future',
      );
    }
    if (claims.exp - claims.iat > maxLifetime) {
      throw refuse(
        'IDENTITY_INVALID',
        `the identity token lives longer than the ${maxLifetime} seconds this server accepts`,
      );
    }
    return {
      userId: claims.sub,
      email: claims.email,
      name: claims.name ?? null,
      expiresAt: new Date(claims.exp * 1000),
    };
  };
}

/** What {@link signIdentity} signs. */
export interface IdentityInput {
  /** Your id for the signed-in user. */
  userId: string;
  /** The user's email address, verified by your site. */
  email: string;
  name?: string;
  /** When the token stops being accepted; keep it short (minutes to hours). */
  expiresAt: Date;
  /** The desk's `siteId`. @default 'default' */
  site?: string;
  /** The issue time. @default now */
  issuedAt?: Date;
}

/**
 * Signs an identity token for the widget's `identify()`, on the host
 * site's server (never in the browser: the secret must stay secret).
 * Runs wherever Web Crypto does: Node 20, Deno, Bun, edge runtimes.
 *
 * @example
 * const token = await signIdentity(
 *   {
 *     userId: 'u-42',
 *     email: 'ada@example.com',
 *     expiresAt: new Date(Date.now() + 60 * 60 * 1000),
 *   },
 *   process.env.TICKETRY_IDENTITY_SECRET,
 * );
 */
export async function signIdentity(
  input: IdentityInput,
  secret: string,
): Promise<string> {
  const [key] = secretsOf(secret, 'signIdentity');
  const parsed = identityClaimsSchema.safeParse({
    site: input.site ?? 'default',
    sub: input.userId,
    email: input.email,
    ...(input.name !== undefined && { name: input.name }),
    iat: Math.floor((input.issuedAt ?? new Date()).getTime() / 1000),
    exp: Math.floor(input.expiresAt.getTime() / 1000),
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TypeError(
      `signIdentity: ${first?.path.join('.') || 'input'}: ${first?.message}`,
    );
  }
  const claims = parsed.data;
  const signed = `${IDENTITY_PREFIX}${toBase64Url(encoder.encode(JSON.stringify(claims)))}`;
  const mac = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(key!, 'sign'),
    encoder.encode(signed),
  );
  return `${signed}.${toBase64Url(new Uint8Array(mac))}`;
}
