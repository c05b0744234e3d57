import { ReplayError } from './errors.ts';
import { helpdeskMapping } from './helpdesk.ts';
import { MAPPING_NAMES, type MappingName, type ReplayMapping } from './plan.ts';
import { serviceNowMapping } from './servicenow.ts';

/** Every mapping by name. */
export const MAPPINGS: Record<MappingName, ReplayMapping> = {
  servicenow: serviceNowMapping,
  helpdesk: helpdeskMapping,
};

/**
 * Picks the mapping whose columns the header has, or throws
 * `UNKNOWN_MAPPING` listing the names to pass explicitly.
 */
export function detectMapping(header: readonly string[]): ReplayMapping {
  const found = Object.values(MAPPINGS).find((m) => m.detect(header));
  if (!found) {
    throw new ReplayError(
      'UNKNOWN_MAPPING',
      `no mapping recognises the header (${header.slice(0, 4).join(', ')}, …); ` +
        `pass one of: ${MAPPING_NAMES.join(', ')}`,
      { header: header.slice(0, 40) },
    );
  }
  return found;
}
