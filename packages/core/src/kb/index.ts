/** The knowledge base: articles, search, suggestions, deflections. */
export * from './article.js';
export {
  ARTICLE_KIND,
  ARTICLE_VERSION_KIND,
  type ArticleVersion,
  type StoredArticle,
} from './articles.js';
export * from './blocks.js';
export * from './bm25.js';
export {
  DEFLECTION_KIND,
  type Deflection,
  type DeflectionInput,
  deflectionSchema,
} from './deflections.js';
export type { DraftResult } from './drafts.js';
export * from './knowledge-base.js';
export {
  checkOfferedIds,
  offeredIdsSchema,
  suggestionIdSchema,
} from './relevance.js';
export {
  isRealResolution,
  MIN_RESOLUTION_WORDS,
  TEMPLATE_REPEATS,
} from './resolutions.js';
export * from './retriever.js';
export * from './stem.js';
export {
  type KbSuggestion,
  maskPersonalData,
  type SuggestQuery,
  suggestQuerySchema,
} from './suggest.js';
export {
  type TokenizeOptions,
  tokenize as tokenizeForSearch,
  words,
} from './tokenize.js';
