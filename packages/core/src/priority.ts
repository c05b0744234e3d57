import type { Level, Priority } from './schemas/common.js';

/** Priority for each impact (rows) and urgency (columns). */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

/**
 * The ITIL default: high impact and high urgency is critical, low and
 * low is planning, and each step down either axis lowers priority.
 */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  high: { high: 'critical', medium: 'high', low: 'moderate' },
  medium: { high: 'high', medium: 'moderate', low: 'low' },
  low: { high: 'moderate', medium: 'low', low: 'planning' },
};

/** Looks up the priority of an impact and an urgency. */
export function priorityOf(
  impact: Level,
  urgency: Level,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): Priority {
  return matrix[impact][urgency];
}
