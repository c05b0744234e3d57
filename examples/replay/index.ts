/**
 * The history replay: drives real ticket logs through a Ticketry desk
 * and reports figures read back from the store.
 *
 * @example
 * import { createDesk, createMemoryStore } from '@ticketry/core';
 * import { createReplayClock, replayFile } from './replay/index.ts';
 *
 * const clock = createReplayClock();
 * const desk = createDesk({ store: createMemoryStore(), clock });
 * const report = await replayFile(
 *   desk,
 *   'data/servicenow-uci-incident-log/incident_event_log_sample_every25th.csv',
 * );
 *
 * @packageDocumentation
 */
export { createCsvParser, parseCsv } from './csv.ts';
export type { RefusalExample, RefusalGroup } from './drive.ts';
export {
  REPLAY_ERROR_CODES,
  ReplayError,
  type ReplayErrorCode,
} from './errors.ts';
export { formatReport } from './format.ts';
export { helpdeskMapping } from './helpdesk.ts';
export { detectMapping, MAPPINGS } from './mappings.ts';
export { MAPPING_NAMES, type MappingName, type ReplayMapping } from './plan.ts';
export { createProgressBar } from './progress.ts';
export { createReplayClock, type ReplayClock } from './replay-clock.ts';
export {
  type ReplayFileOptions,
  type ReplayProgress,
  type ReplayReport,
  replayFile,
} from './replay-file.ts';
export { type EventFigures, figuresFromEvents } from './report.ts';
export { serviceNowMapping } from './servicenow.ts';
export {
  type Attainment,
  formatSla,
  readSlaFile,
  type SlaFigures,
  slaFiguresFromEvents,
} from './sla-report.ts';
export { parseDayMonthYear, parseYearMonthDay } from './time.ts';
