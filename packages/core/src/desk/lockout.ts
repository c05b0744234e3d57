/** How failed sign-ins slow an account down. */
export interface LockoutOptions {
  /** Failures in a row before the first lock. @default 5 */
  freeAttempts?: number;
  /** The first lock; each further failure doubles it. @default 60_000 (1 min) */
  lockMs?: number;
  /** The longest lock, and how long failures are remembered. @default 900_000 (15 min) */
  maxLockMs?: number;
  /** Accounts tracked at once; the oldest are forgotten first. @default 10_000 */
  maxEntries?: number;
}

/** The defaults of {@link LockoutOptions}. */
export const DEFAULT_LOCKOUT: Readonly<Required<LockoutOptions>> =
  Object.freeze({
    freeAttempts: 5,
    lockMs: 60_000,
    maxLockMs: 900_000,
    maxEntries: 10_000,
  });

interface Entry {
  failures: number;
  lastFailure: number;
  lockedUntil: number;
}

/** The settings of a lockout, each checked. */
export function lockoutSettings(
  options: LockoutOptions = {},
): Required<LockoutOptions> {
  const settings = { ...DEFAULT_LOCKOUT, ...options };
  for (const [name, value] of Object.entries(settings)) {
    if (!(Number.isSafeInteger(value) && value > 0)) {
      throw new TypeError(`lockout.${name} must be a positive whole number`);
    }
  }
  if (settings.lockMs > settings.maxLockMs) {
    throw new TypeError('lockout.lockMs must not exceed lockout.maxLockMs');
  }
  return settings;
}

/**
 * Failed sign-ins per account key, in memory. After `freeAttempts`
 * failures in a row the key is locked for `lockMs`, doubled with each
 * further failure up to `maxLockMs`; a success clears it, and failures
 * older than `maxLockMs` are forgotten. At most `maxEntries` keys are
 * held, so the table's memory is bounded.
 */
export function createLockout(
  options: LockoutOptions | undefined,
  now: () => number,
) {
  const settings = lockoutSettings(options);
  const entries = new Map<string, Entry>();

  const current = (key: string, at: number): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    const stale =
      at >= entry.lockedUntil && at - entry.lastFailure >= settings.maxLockMs;
    if (stale) entries.delete(key);
    return stale ? undefined : entry;
  };

  return {
    /** Milliseconds until `key` may try again; 0 when it may now. */
    waitFor(key: string): number {
      const at = now();
      const entry = current(key, at);
      return entry ? Math.max(0, entry.lockedUntil - at) : 0;
    },
    /** Counts a failure; answers the lock it leads to, in ms (0: none). */
    fail(key: string): number {
      const at = now();
      const entry = current(key, at) ?? {
        failures: 0,
        lastFailure: at,
        lockedUntil: 0,
      };
      entry.failures += 1;
      entry.lastFailure = at;
      const over = entry.failures - settings.freeAttempts;
      if (over >= 0) {
        const lock = settings.lockMs * 2 ** Math.min(over, 30);
        entry.lockedUntil = at + Math.min(settings.maxLockMs, lock);
      }
      // Re-inserted last, so the oldest activity is forgotten first.
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > settings.maxEntries) {
        entries.delete(entries.keys().next().value as string);
      }
      return Math.max(0, entry.lockedUntil - at);
    },
    /** Clears `key` after a successful sign-in. */
    succeed(key: string): void {
      entries.delete(key);
    },
    /** Keys held now, for tests of the bound. */
    get size(): number {
      return entries.size;
    },
  };
}

/** The lockout of a desk, made by {@link createLockout}. */
export type Lockout = ReturnType<typeof createLockout>;
