const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random bits kept per half of the random part: 5 characters each. */
const HALF = 2 ** 25;

let lastTime = -1;
let timeText = '';
let high = 0;
let low = 0;

/** Random draws come from a pool: one getRandomValues call per 1,024 new milliseconds. */
const pool = new Uint32Array(2048);
let drawn = pool.length;

function random25(): number {
  if (drawn === pool.length) {
    crypto.getRandomValues(pool);
    drawn = 0;
  }
  return (pool[drawn++] as number) & (HALF - 1);
}

/** Every pair of characters, so 25 bits take three look-ups. */
const PAIRS = Array.from(
  { length: 1024 },
  (_, i) => (ALPHABET[i >> 5] as string) + ALPHABET[i & 31],
);

function encode25(value: number): string {
  return (
    (ALPHABET[value >>> 20] as string) +
    PAIRS[(value >>> 10) & 1023] +
    PAIRS[value & 1023]
  );
}

function encode(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
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
  if (now > lastTime) {
    lastTime = now;
    timeText = encode(now, 10);
    high = random25();
    low = random25();
  } else {
    // Same (or an earlier) millisecond: count up from the last id so
    // that order holds without waiting for the clock.
    low++;
    if (low === HALF) {
      low = 0;
      high = (high + 1) % HALF;
    }
  }
  return timeText + encode25(high) + encode25(low);
}
