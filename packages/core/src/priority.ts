import { z } from 'zod';
import { validationError } from './errors.js';
import {
  type Level,
  PRIORITIES,
  type Priority,
  prioritySchema,
} from './schemas/common.js';

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

const matrixRow = z.object({
  high: prioritySchema,
  medium: prioritySchema,
  low: prioritySchema,
});

/** A priority matrix as configuration: every impact row, every urgency. */
export const priorityMatrixSchema = z.object({
  high: matrixRow,
  medium: matrixRow,
  low: matrixRow,
});

/**
 * Checks a priority matrix from configuration (a file, an admin form)
 * or throws VALIDATION_FAILED naming the missing cell.
 *
 * @example
 * createDesk({ store, priorityMatrix: parsePriorityMatrix(json) });
 */
export function parsePriorityMatrix(input: unknown): PriorityMatrix {
  const parsed = priorityMatrixSchema.safeParse(input);
  if (!parsed.success) {
    throw validationError('priority matrix', parsed.error.issues);
  }
  return parsed.data;
}

/**
 * The priority one step more pressing (`low` → `moderate`), never past
 * `ceiling`.
 */
export function raisePriority(
  p: Priority,
  ceiling: Priority = 'critical',
): Priority {
  const i = PRIORITIES.indexOf(p);
  const top = PRIORITIES.indexOf(ceiling);
  return i <= top ? p : PRIORITIES[i - 1]!;
}
