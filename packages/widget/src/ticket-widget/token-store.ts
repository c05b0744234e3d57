/** What the widget keeps on the device for each submitted ticket. */
export interface StoredTicket {
  id: string;
  ref: string;
  /** The requester's access token for this one ticket. */
  token: string;
}

/** The requester's tickets for one endpoint, newest first. */
export interface TokenStore {
  list(): StoredTicket[];
  /**
   * Adds or refreshes a ticket. Returns false when the device refused to
   * keep it (storage full or disabled): it is then kept for this page only.
   */
  save(entry: StoredTicket): boolean;
  /** Forgets a ticket on this device. */
  remove(id: string): void;
  /** Forgets every ticket of this endpoint on this device (sign-out). */
  clear(): void;
}

const PREFIX = 'ticketry:tickets:';

/**
 * A token store in `localStorage` (or the given storage) under one key
 * per endpoint, so two help desks on one page never mix their tickets.
 * Entries that are not well formed are ignored, not trusted.
 *
 * @example
 * const store = createTokenStore('https://help.example.com/api/v1');
 * store.save({ id, ref: 'T-1042', token });
 */
export function createTokenStore(
  endpoint: string,
  storage: Storage | null = defaultStorage(),
): TokenStore {
  const key = PREFIX + endpoint.trim().replace(/\/+$/, '');
  let memory: StoredTicket[] | null = null;

  function read(): StoredTicket[] {
    if (memory) return memory;
    try {
      const raw = storage?.getItem(key);
      return raw ? wellFormed(JSON.parse(raw)) : [];
    } catch {
      // Unreadable storage is treated as empty: the tickets still exist
      // on the server and the requester keeps the reference.
      return [];
    }
  }

  function write(entries: StoredTicket[]): boolean {
    try {
      // No storage at all throws here too: this page keeps them.
      (storage as Storage).setItem(key, JSON.stringify(entries));
      memory = null;
      return true;
    } catch {
      memory = entries;
      return false;
    }
  }

  return {
    list: () => [...read()],
    save(entry) {
      const others = read().filter((e) => e.id !== entry.id);
      const { id, ref, token } = entry;
      return write([{ id, ref, token }, ...others]);
    },
    remove(id) {
      write(read().filter((e) => e.id !== id));
    },
    clear() {
      memory = null;
      try {
        storage?.removeItem(key);
      } catch {
        // Storage that cannot be written holds nothing of ours either.
      }
    },
  };
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Some browsers throw on access when storage is blocked.
    return null;
  }
}

function wellFormed(value: unknown): StoredTicket[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is StoredTicket =>
      typeof e?.id === 'string' &&
      typeof e.ref === 'string' &&
      typeof e.token === 'string',
  );
}
