const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastTime = 0;
let lastRandom: Uint8Array = new Uint8Array(10);

function encode(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

function timePart(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function increment(bytes: Uint8Array): Uint8Array {
  const next = bytes.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    next[i] = ((next[i] ?? 0) + 1) & 31;
    if (next[i] !== 0) break;
  }
  return next;
}

/**
 * A sortable id: 10 characters of milliseconds and 10 of randomness
 * (50 bits), Crockford base32, lower case. Ids made in one process sort
 * in the order they were made, even within one millisecond.
 *
 * @example
 * createId(); // '01jd5x3v8q4m2r7k9t1b'
 */
export function createId(now: number = Date.now()): string {
  if (now <= lastTime) {
    lastRandom = increment(lastRandom);
    return timePart(lastTime) + encode(lastRandom);
  }
  lastTime = now;
  lastRandom = crypto.getRandomValues(new Uint8Array(10)).map((b) => b & 31);
  return timePart(now) + encode(lastRandom);
}
