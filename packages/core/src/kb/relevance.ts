/**
 * What makes a suggestion worth offering: a score past the cut-off,
 * in the requester's language, and (for deflections) ids that were
 * really offered.
 */
import { validationError } from '../errors.js';
import type { SearchHit } from './bm25.js';
import type { DeflectionInput } from './deflections.js';
import { deflectionSchema } from './deflections.js';

/** The score cut-off of suggestions. */
export interface CutOff {
  /** Hits scoring below this are dropped. */
  minScore: number;
  /** Hits whose `match` (when the retriever gives one) is below this are dropped. */
  minMatch: number;
  /** Hits below this share of the best hit's score are dropped. */
  relativeScore: number;
}

/**
 * The default cut-off, set on the Stack Exchange task and the demo's
 * articles: a hit must reach 0.15 of what the query could match and
 * 0.35 of the best hit's score.
 */
export const DEFAULT_CUT_OFF: CutOff = {
  minScore: 0,
  minMatch: 0.15,
  relativeScore: 0.35,
};

/** The hits worth offering, in their order. */
export function meaningful(hits: SearchHit[], cut: CutOff): SearchHit[] {
  const best = hits[0]?.score ?? 0;
  const floor = Math.max(cut.minScore, cut.relativeScore * best);
  return hits.filter(
    (h) => h.score > 0 && h.score >= floor && (h.match ?? 1) >= cut.minMatch,
  );
}

/** The base language of a locale: `de` of `de-CH`, lower-cased. */
export const baseLanguage = (locale: string) =>
  locale.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Whether an article in `locale` suits a query in `query`: the same
 * base language, or any language when the query names none.
 */
export function sameLanguage(locale: string, query?: string): boolean {
  return query === undefined || baseLanguage(locale) === baseLanguage(query);
}

function issue(path: (string | number)[], message: string) {
  return { code: 'custom' as const, path, input: undefined, message };
}

/**
 * A requester's deflection, checked: `solvedBy` is one of `offered`,
 * and `offers` knows every offered id; throws VALIDATION_FAILED.
 */
export function checkOffered(
  input: DeflectionInput,
  offers: (id: string) => boolean,
) {
  const parsed = deflectionSchema.safeParse(input);
  if (!parsed.success) {
    throw validationError('deflection', parsed.error.issues);
  }
  const d = parsed.data;
  if (d.solvedBy === null || !d.offered.includes(d.solvedBy)) {
    const message = 'solvedBy must be one of the offered suggestions';
    throw validationError('deflection', [issue(['solvedBy'], message)]);
  }
  const unknown = d.offered.findIndex((id) => !offers(id));
  if (unknown >= 0) {
    const message =
      'names no published article or resolved ticket of this site';
    throw validationError('deflection', [issue(['offered', unknown], message)]);
  }
  return d;
}
