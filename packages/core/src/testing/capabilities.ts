import type { StoreCapabilities, TicketStore } from '../store/types.js';
import { check } from './assert.js';
import type { CapabilityReasons, ConformanceCheck } from './harness.js';

// A Record over the keys, so adding a capability to core without
// listing it here fails to compile.
const LISTED: Record<keyof StoreCapabilities, true> = {
  transactions: true,
  changeNotifications: true,
  fullText: true,
  sharedAccess: true,
};

/** Every capability a store declares, in a fixed order. */
export const CAPABILITY_NAMES = Object.keys(
  LISTED,
) as (keyof StoreCapabilities)[];

/**
 * One check per capability. A capability with a reason must be off and
 * carries its reason in the check's name, so every opt-out is printed
 * with the test list; one without a reason must be on.
 */
export function capabilityChecks(
  reasons: CapabilityReasons = {},
): ConformanceCheck[] {
  return CAPABILITY_NAMES.map((name) => {
    const reason = reasons[name]?.trim();
    return {
      area: 'capabilities',
      name: reason
        ? `${name} is off: ${reason}`
        : `${name} is on, or off with a written reason`,
      async run({ store }) {
        const value = store.capabilities?.[name];
        check(
          typeof value === 'boolean',
          `capabilities.${name} must be true or false, is ${value}`,
        );
        if (reason) {
          check(
            !value,
            `${name} is on, but a reason for it being off is given`,
          );
        } else {
          check(
            value,
            `${name} is off with no reason: give one in capabilityReasons`,
          );
        }
      },
    };
  });
}

/**
 * The capabilities of a store as lines to print, each opt-out with its
 * reason, e.g. `fullText: off (the contract has no text query yet)`.
 */
export function capabilityReport(
  store: TicketStore,
  reasons: CapabilityReasons = {},
): string[] {
  return CAPABILITY_NAMES.map((name) =>
    store.capabilities[name]
      ? `${name}: on`
      : `${name}: off (${reasons[name] ?? 'NO REASON GIVEN'})`,
  );
}
