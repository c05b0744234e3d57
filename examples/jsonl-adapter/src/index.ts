/**
 * A Ticketry storage adapter on an append-only JSON Lines file, for one
 * process. Written from docs/writing-an-adapter.md.
 *
 * @packageDocumentation
 */
export { FORMAT, FORMAT_VERSION } from './lines.js';
export {
  type FsyncMode,
  JSONL_CAPABILITIES,
  JSONL_CAPABILITY_REASONS,
  type JsonlStoreOptions,
} from './options.js';
export { jsonlProbe } from './probe.js';
export { jsonlStore } from './store.js';
