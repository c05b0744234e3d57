/**
 * Desk metrics folded from the audit log: volume, backlog, response and
 * resolution times, SLA attainment, reopens, reassignments,
 * satisfaction and workload, with CSV export.
 *
 * @packageDocumentation
 */
export { type Bucket, type BucketSize, bucketsBetween } from './buckets.js';
export { csvCell, toCsv } from './csv.js';
export {
  type FollowedMetrics,
  type FollowOptions,
  followDesk,
} from './follow.js';
export {
  computeMetrics,
  createMetrics,
  type Metrics,
  type MetricsOptions,
} from './metrics.js';
export {
  MAX_PERIOD_MS,
  type MetricsQuery,
  metricsQuerySchema,
  parseMetricsQuery,
} from './query.js';
export * from './report-types.js';
export type { Spread } from './summary.js';
