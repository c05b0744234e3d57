export {
  DUPLICATE_DEFAULTS,
  type DuplicateOptions,
  type DuplicateSuggestion,
  findDuplicates,
} from './duplicates.js';
export {
  EDITABLE_LINK_TYPES,
  INVERSE_LINK,
  type LinkInput,
  type LinkType,
  linkInputSchema,
} from './kinds.js';
export type { LinkResult } from './links.js';
export type { MergeResult } from './merge.js';
export {
  createRelations,
  DUPLICATES_KIND,
  type DuplicateOffer,
  type Relations,
  type RelationsOptions,
} from './relations.js';
export { ROLL_UP_CODE, type RollUpPolicy } from './roll-up.js';
export { shapeOf, similarity, subjectTokens } from './similarity.js';
export {
  type SplitOptions,
  type SplitResult,
  splitOptionsSchema,
} from './split.js';
export type { MergeReceivedData, ThreadMessage } from './thread.js';
