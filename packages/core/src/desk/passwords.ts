import { nodeCrypto } from './secrets.js';

/** scrypt's cost: N = 2^ln (CPU and memory), block size r, parallelism p. */
export interface ScryptParams {
  ln: number;
  r: number;
  p: number;
}

/**
 * OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1. Each hash takes
 * 128 × N × r = 128 MiB of memory and a few hundred milliseconds.
 */
export const DEFAULT_SCRYPT: Readonly<ScryptParams> = Object.freeze({
  ln: 17,
  r: 8,
  p: 1,
});

/** Bounds of each parameter, in settings and in stored verifiers. */
const BOUNDS = { ln: [10, 20], r: [1, 32], p: [1, 16] } as const;

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** Shortest and longest password accepted, in characters. */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;

const VERIFIER =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/;

/** True when each parameter is a whole number within its bounds. */
export function validScryptParams(params: ScryptParams): boolean {
  return (Object.keys(BOUNDS) as (keyof ScryptParams)[]).every((name) => {
    const value = params[name];
    const [low, high] = BOUNDS[name];
    return Number.isSafeInteger(value) && value >= low && value <= high;
  });
}

const base64 = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/=+$/, '');

function derive(
  password: string,
  salt: Uint8Array,
  { ln, r, p }: ScryptParams,
): Promise<Buffer> {
  const N = 2 ** ln;
  const maxmem = 256 * N * r;
  return new Promise((resolve, reject) => {
    nodeCrypto().scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { N, r, p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * The stored form of a password: a PHC-style string
 * `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (standard base64, no padding)
 * with a random 16-byte salt of its own and a 32-byte key. The password
 * is NFC-normalised first, so the same characters typed on any keyboard
 * match.
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  if (!validScryptParams(params)) {
    throw new TypeError('scrypt parameters are out of bounds');
  }
  const salt = nodeCrypto().randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  const { ln, r, p } = params;
  return `$scrypt$ln=${ln},r=${r},p=${p}$${base64(salt)}$${base64(key)}`;
}

/** The parameters of a verifier, or null when it is not one of ours. */
export function verifierParams(verifier: string): ScryptParams | null {
  const match = VERIFIER.exec(verifier);
  if (!match) return null;
  const params = { ln: +match[1]!, r: +match[2]!, p: +match[3]! };
  return validScryptParams(params) ? params : null;
}

/**
 * Checks a password against a verifier from {@link hashPassword}: the
 * key is derived again with the verifier's salt and parameters and
 * compared in constant time. A malformed verifier never matches.
 */
export async function verifyPassword(
  password: string,
  verifier: string,
): Promise<boolean> {
  const params = verifierParams(verifier);
  if (!params) return false;
  const [, , , , salt, key] = VERIFIER.exec(verifier)!;
  const expected = Buffer.from(key!, 'base64');
  const actual = await derive(password, Buffer.from(salt!, 'base64'), params);
  return nodeCrypto().timingSafeEqual(actual, expected);
}
