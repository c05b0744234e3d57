import type { StoreCapabilities, TicketStore } from '../store/types.js';

/**
 * Reads what a store actually persisted, bypassing its read methods:
 * raw SQL for a database, the object store for IndexedDB.
 */
export interface StoreProbe {
  /** The persisted ticket as a plain object, or null. */
  readTicket(
    siteId: string,
    id: string,
  ): Promise<Record<string, unknown> | null>;
  /** How many events are persisted for a ticket. */
  countEvents(siteId: string, ticketId: string): Promise<number>;
}

/** A store under test with its probe. */
export interface StoreUnderTest {
  store: TicketStore;
  probe: StoreProbe;
  /**
   * Opens the same data again: after `store.close()` in the reopen
   * check, and while `store` is still open in the shared access check
   * (only for stores whose `sharedAccess` is on). A harness without it
   * must say why in `capabilityReasons.reopen`.
   */
  reopen?: () => Promise<{ store: TicketStore; probe: StoreProbe }>;
}

/**
 * Why a capability is off, for each one a store reports `false`, and
 * `reopen`: why the harness cannot open the same data again.
 */
export type CapabilityReasons = Partial<
  Record<keyof StoreCapabilities | 'reopen', string>
>;

/** Options of `runConformance`. */
export interface ConformanceOptions {
  /**
   * How long one check may take, its store's creation included, before
   * it fails as hanging. @default 120_000
   */
  timeoutMs?: number;
}

/** How the suite makes a fresh, empty store for each check. */
export interface StoreHarness {
  create(): Promise<StoreUnderTest>;
  /**
   * A written reason for every capability the store reports `false`,
   * and for a harness without `reopen`. The suite fails a store that
   * opts out without one, and shows each reason in the test's title.
   */
  capabilityReasons?: CapabilityReasons;
}

/** One named check of the storage contract. */
export interface ConformanceCheck {
  /** A behaviour sentence, used as the test title. */
  name: string;
  /** The contract bullet it covers. */
  area: string;
  /**
   * For checks that do a lot of work: the test runner's timeout under
   * `describeStoreConformance`.
   */
  timeoutMs?: number;
  run(subject: StoreUnderTest): Promise<void>;
}
