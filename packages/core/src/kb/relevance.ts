/**
 * What makes a suggestion worth offering: a score past the cut-off,
 * in the requester's language, and (for deflections) ids that were
 * really offered.
 */
import { z } from 'zod';
import { validationError } from '../errors.js';
import { ID_PATTERN } from '../public/text.js';
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

/**
 * A suggestion id as suggestions make them: `article:<article id>`,
 * `resolution:<ticket id>` (agents) or `resolution:<opaque hash>`.
 */
export const suggestionIdSchema = z
  .string()
  .max(200)
  .refine((id) => {
    const [, rest = ''] = /^(?:article|resolution):(.*)$/s.exec(id) ?? [];
    return ID_PATTERN.test(rest);
  }, 'must be a suggestion id (article:… or resolution:…)');

/** The suggestions a requester saw before submitting: 1 to 20 ids. */
export const offeredIdsSchema = z.array(suggestionIdSchema).min(1).max(20);

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
  checkKnown('deflection', d.offered, offers);
  return d;
}

/** VALIDATION_FAILED at `offered.<i>` for the first id `offers` does not know. */
function checkKnown(
  what: string,
  ids: readonly string[],
  offers: (id: string) => boolean,
) {
  const unknown = ids.findIndex((id) => !offers(id));
  if (unknown < 0) return;
  const message = 'names no published article or resolved ticket of this site';
  throw validationError(what, [issue(['offered', unknown], message)]);
}

/**
 * The ids a requester was offered, checked as a deflection's are: 1 to
 * 20 suggestion ids, each one `offers` knows; throws VALIDATION_FAILED.
 */
export function checkOfferedIds(
  ids: unknown,
  offers: (id: string) => boolean,
): string[] {
  const parsed = offeredIdsSchema.safeParse(ids);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      ...i,
      path: ['offered', ...i.path],
    }));
    throw validationError('offered suggestions', issues);
  }
  checkKnown('offered suggestions', parsed.data, offers);
  return parsed.data;
}
