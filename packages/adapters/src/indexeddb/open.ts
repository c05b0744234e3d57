import { wrap } from 'idb';
import { isQuota, storageError, textOf } from './errors.js';
import { type Db, SCHEMA_VERSION, STORES, upgrade } from './schema.js';

/** What {@link openDatabase} needs. */
export interface OpenOptions {
  factory: IDBFactory | undefined;
  name: string;
  /** @default SCHEMA_VERSION */
  version?: number;
  /** How long an open may be blocked, or go unanswered, before it fails. */
  blockedTimeoutMs: number;
  /** Set when IndexedDB cannot be used here: every open fails with it. */
  unavailable?: { message: string; cause?: unknown };
}

function openFailure(name: string, error: unknown, version: number) {
  const text = textOf(error);
  if (isQuota(error)) {
    return storageError('quota', `could not open ${name}: ${text}`, error);
  }
  if ((error as { name?: unknown } | null)?.name === 'VersionError') {
    return storageError(
      'version',
      `database ${name} is newer than version ${version}, which this ` +
        'package writes; another tab runs a newer app, reload this one',
      error,
    );
  }
  return storageError(
    'unavailable',
    `IndexedDB refused to open ${name} (private mode or storage ` +
      `turned off?): ${text}`,
    error,
  );
}

/**
 * Opens (and if needed upgrades) the database, settling in bounded
 * time whatever the browser does: an open blocked by another tab
 * fails with reason `blocked` after `blockedTimeoutMs`; one that gets
 * no answer at all (a known Safari hang) fails with `unavailable`.
 * A connection that arrives after its caller gave up is closed at once,
 * so it never blocks anyone.
 */
export function openDatabase(options: OpenOptions): Promise<Db> {
  const { factory, name, blockedTimeoutMs } = options;
  const version = options.version ?? SCHEMA_VERSION;
  return new Promise<Db>((resolve, reject) => {
    if (options.unavailable || !factory) {
      const { message, cause } = options.unavailable ?? {
        message: 'IndexedDB is not available here',
      };
      reject(storageError('unavailable', message, cause));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (error) {
      reject(openFailure(name, error, version));
      return;
    }

    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let upgradeError: unknown;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    };
    const giveUpAfter = (make: () => Error) => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(make()), blockedTimeoutMs);
    };

    giveUpAfter(() =>
      storageError(
        'unavailable',
        `IndexedDB did not answer opening ${name} within ${blockedTimeoutMs} ms`,
      ),
    );
    request.addEventListener('blocked', () =>
      giveUpAfter(() =>
        storageError(
          'blocked',
          `opening ${name} at version ${version} was blocked for ` +
            `${blockedTimeoutMs} ms by another tab that keeps an older ` +
            'version open; close or reload the other tabs',
        ),
      ),
    );
    request.addEventListener('upgradeneeded', (event) => {
      // The upgrade transaction settles the open from here on.
      clearTimeout(timer);
      try {
        upgrade(
          wrap(request.result) as unknown as Db,
          event.oldVersion,
          wrap(request.transaction!) as never,
        );
      } catch (error) {
        upgradeError = error;
        request.transaction?.abort();
      }
    });
    request.addEventListener('error', (event) => {
      event.preventDefault();
      fail(openFailure(name, upgradeError ?? request.error, version));
    });
    request.addEventListener('success', () => {
      const db = request.result;
      if (settled) {
        db.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      const missing = STORES.filter((s) => !db.objectStoreNames.contains(s));
      if (missing.length > 0) {
        db.close();
        reject(
          storageError(
            'version',
            `database ${name} was not made by Ticketry: no ${missing.join(', ')}`,
          ),
        );
        return;
      }
      resolve(wrap(db) as unknown as Db);
    });
  });
}
