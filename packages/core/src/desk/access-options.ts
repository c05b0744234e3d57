import { type LockoutOptions, lockoutSettings } from './lockout.js';
import {
  DEFAULT_SCRYPT,
  type ScryptParams,
  validScryptParams,
} from './passwords.js';
import { hashSecret } from './secrets.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Lifetimes of requester tokens and console sessions, and sign-in rules. */
export interface AccessOptions {
  /**
   * How long a requester access token opens its ticket, from when it
   * was made. Not renewed by use. @default 90 days
   */
  accessTokenLifetimeMs?: number;
  /** A console session's longest life, from sign-in. @default 12 hours */
  sessionLifetimeMs?: number;
  /** A console session ends after this long unused. @default 2 hours */
  sessionIdleMs?: number;
  /** scrypt cost of new password hashes. @default DEFAULT_SCRYPT (N = 2^17, r = 8, p = 1) */
  passwordHashing?: ScryptParams;
  /** Slow-down after failed sign-ins. @default DEFAULT_LOCKOUT */
  lockout?: LockoutOptions;
}

/** The defaults of {@link AccessOptions}' lifetimes. */
export const DEFAULT_LIFETIMES = Object.freeze({
  accessTokenLifetimeMs: 90 * DAY,
  sessionLifetimeMs: 12 * HOUR,
  sessionIdleMs: 2 * HOUR,
});

/** Longest lifetime any option accepts: about 400 days. */
const LONGEST = 400 * DAY;

/** {@link AccessOptions} with every default filled in and checked. */
export interface AccessSettings {
  accessTokenLifetimeMs: number;
  sessionLifetimeMs: number;
  sessionIdleMs: number;
  passwordHashing: ScryptParams;
  lockout: LockoutOptions;
}

/** Checks {@link AccessOptions} and fills in the defaults. */
export function accessSettings(options: AccessOptions = {}): AccessSettings {
  const lifetimes = { ...DEFAULT_LIFETIMES };
  for (const name of Object.keys(lifetimes) as (keyof typeof lifetimes)[]) {
    const value = options[name] ?? lifetimes[name];
    if (!(Number.isSafeInteger(value) && value > 0 && value <= LONGEST)) {
      throw new TypeError(
        `createDesk: access.${name} must be a whole number of ms from 1 to ${LONGEST}`,
      );
    }
    lifetimes[name] = value;
  }
  const passwordHashing = options.passwordHashing ?? DEFAULT_SCRYPT;
  if (!validScryptParams(passwordHashing)) {
    throw new TypeError(
      'createDesk: access.passwordHashing wants ln 10–20, r 1–32, p 1–16',
    );
  }
  lockoutSettings(options.lockout);
  return { ...lifetimes, passwordHashing, lockout: options.lockout ?? {} };
}

/** An instant `ms` after the ISO instant `at`, as an ISO string. */
export const later = (at: string, ms: number) =>
  new Date(Date.parse(at) + ms).toISOString();

/** Who a revocation record is for: a ticket's tokens, an agent's sessions, one session. */
export type RevocationOwner = 'ticket' | 'agent' | 'session';

/**
 * The `hash` a record that is not a bearer secret is stored under: the
 * hash of a fixed text naming its purpose, site and owner. No bearer
 * secret (`tka_`, `tkr_`, `tks_` …) hashes to it, and the desk checks
 * the record's kind besides.
 */
export const recordKey = (purpose: string, siteId: string, id: string) =>
  hashSecret(`ticketry ${purpose}\n${siteId}\n${id}`);

/** The key of the revocation record of a ticket, agent or session. */
export const revocationKey = (
  owner: RevocationOwner,
  siteId: string,
  id: string,
) => recordKey(`revocation ${owner}`, siteId, id);

/** The generation a revocation record holds for `siteId`; 0 without one. */
export const generationOf = (
  record: { siteId: string; generation?: number; revokedAt?: string } | null,
  siteId: string,
): number =>
  record?.siteId === siteId && record.revokedAt ? (record.generation ?? 0) : 0;
