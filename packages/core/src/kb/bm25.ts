/**
 * A ranked full-text index: BM25F over weighted fields (title, tags,
 * body), with documents added and removed one at a time. Each field's
 * term frequency is normalised by that field's length against its
 * average, weighted, summed, and saturated once per term.
 */
import { tokenize } from './tokenize.js';

/** The fields a document is indexed by. */
export const INDEX_FIELDS = ['title', 'tags', 'body'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** A document to index: text per field, in its locale. */
export interface IndexDocument {
  id: string;
  locale?: string;
  title?: string;
  tags?: readonly string[];
  body?: string;
}

/** Tuning of {@link createSearchIndex}. */
export interface SearchIndexOptions {
  /** Field weights. @default { title: 3, tags: 2, body: 1 } */
  weights?: Partial<Record<IndexField, number>>;
  /** Term frequency saturation. @default 1.2 */
  k1?: number;
  /** Length normalisation per field, 0 to 1. @default title/tags 0.5, body 0.75 */
  b?: Partial<Record<IndexField, number>>;
  /** Query expansion from the first hits; `null` turns it off. @default null (off: it did not help on the Stack Exchange measure) */
  feedback?: Feedback | null;
}

/**
 * Pseudo-relevance feedback: the query is widened with the most
 * telling terms of its first `docs` hits, each weighing at most
 * `weight` of a query term, and run again.
 */
export interface Feedback {
  docs: number;
  terms: number;
  weight: number;
}

/** Options of one search. */
export interface SearchOptions {
  /** @default 10 */
  limit?: number;
  /** The query's locale, for stemming. @default 'en' */
  locale?: string;
  /** Only ids this accepts are ranked. */
  filter?: (id: string) => boolean;
  /** Overrides the index's feedback; `null` turns it off. */
  feedback?: Feedback | null;
}

/** One ranked hit. */
export interface SearchHit {
  id: string;
  score: number;
  /**
   * The share, 0 to 1, of the best score the query could reach (a word
   * the index lacks counts as a rare word not matched): comparable
   * across queries and corpora, unlike `score`.
   */
  match?: number;
}

/** Per document: term → frequency in each field, and field lengths. */
interface Entry {
  id: string;
  tf: Map<string, number[]>;
  length: number[];
  /** Field weights over length norms, valid while `stamp` matches. */
  factors: number[];
  stamp: number;
}

/** The index's working interface. */
export interface SearchIndex {
  /** Adds or replaces a document. */
  add(doc: IndexDocument): void;
  /** Removes a document; false when it was not there. */
  remove(id: string): boolean;
  has(id: string): boolean;
  readonly size: number;
  /** Ranked hits for a query, best first; `filter` skips ids. */
  search(query: string, options?: SearchOptions): SearchHit[];
}

const DEFAULT_WEIGHTS = { title: 3, tags: 2, body: 1 };

const DEFAULT_B = { title: 0.5, tags: 0.5, body: 0.75 };

function termsOf(doc: IndexDocument): string[][] {
  return [
    tokenize(doc.title ?? '', doc.locale),
    tokenize((doc.tags ?? []).join(' '), doc.locale, { keepStopWords: true }),
    tokenize(doc.body ?? '', doc.locale),
  ];
}

/**
 * Creates an empty BM25F index.
 * @example
 * const index = createSearchIndex();
 * index.add({ id: 'a1', title: 'Reset your password', body: '…' });
 * index.search('forgot password'); // [{ id: 'a1', score: … }]
 */
export function createSearchIndex(
  options: SearchIndexOptions = {},
): SearchIndex {
  const weights = INDEX_FIELDS.map(
    (f) => options.weights?.[f] ?? DEFAULT_WEIGHTS[f],
  );
  const bs = INDEX_FIELDS.map((f) => options.b?.[f] ?? DEFAULT_B[f]);
  const k1 = options.k1 ?? 1.2;
  const feedback = options.feedback ?? null;
  const docs = new Map<string, Entry>();
  const postings = new Map<string, Map<Entry, number[]>>();
  const totals = INDEX_FIELDS.map(() => 0);
  /** Bumped by every change, since averages move with each. */
  let stamp = 0;

  function remove(id: string): boolean {
    const entry = docs.get(id);
    if (!entry) return false;
    for (const term of entry.tf.keys()) {
      const list = postings.get(term);
      list?.delete(entry);
      if (list?.size === 0) postings.delete(term);
    }
    entry.length.forEach((n, i) => {
      totals[i] = (totals[i] ?? 0) - n;
    });
    docs.delete(id);
    stamp++;
    return true;
  }

  function add(doc: IndexDocument) {
    remove(doc.id);
    const fields = termsOf(doc);
    const tf = new Map<string, number[]>();
    fields.forEach((terms, f) => {
      for (const t of terms) {
        const counts = tf.get(t) ?? INDEX_FIELDS.map(() => 0);
        counts[f] = (counts[f] ?? 0) + 1;
        tf.set(t, counts);
      }
    });
    const length = fields.map((terms) => terms.length);
    length.forEach((n, i) => {
      totals[i] = (totals[i] ?? 0) + n;
    });
    const entry: Entry = { id: doc.id, tf, length, factors: [], stamp: -1 };
    docs.set(doc.id, entry);
    for (const [term, counts] of tf) {
      const list = postings.get(term) ?? new Map<Entry, number[]>();
      list.set(entry, counts);
      postings.set(term, list);
    }
    stamp++;
  }

  /** Each field's weight over its length norm, for one document. */
  function factorsOf(entry: Entry): number[] {
    if (entry.stamp === stamp) return entry.factors;
    entry.factors = entry.length.map((len, f) => {
      const avg = (totals[f] ?? 0) / (docs.size || 1);
      const b = bs[f] ?? 0.75;
      return (weights[f] ?? 1) / (1 - b + (b * len) / (avg || 1));
    });
    entry.stamp = stamp;
    return entry.factors;
  }

  function idfOf(term: string): number {
    const df = postings.get(term)?.size ?? 0;
    return Math.log(1 + (docs.size - df + 0.5) / (df + 0.5));
  }

  function rank(query: Map<string, number>, filter?: (id: string) => boolean) {
    const scores = new Map<Entry, number>();
    for (const [term, qw] of query) {
      const list = postings.get(term);
      if (!list) continue;
      const idf = idfOf(term);
      for (const [entry, counts] of list) {
        if (filter && !filter(entry.id)) continue;
        const f = factorsOf(entry);
        let t = 0;
        for (let i = 0; i < counts.length; i++) {
          t += (counts[i] ?? 0) * (f[i] ?? 0);
        }
        const s = (qw * idf * t * (k1 + 1)) / (k1 + t);
        scores.set(entry, (scores.get(entry) ?? 0) + s);
      }
    }
    // Each term adds at most qw·idf·(k1 + 1): the query's best score. A
    // word no document has counts as a rare one that nothing matched.
    const unseen = Math.log(1 + (docs.size - 0.5) / 1.5);
    let best = 0;
    for (const [term, qw] of query) {
      best += qw * (postings.has(term) ? idfOf(term) : unseen) * (k1 + 1);
    }
    const hits: SearchHit[] = [];
    for (const [entry, score] of scores) {
      hits.push({ id: entry.id, score, match: score / (best || 1) });
    }
    return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  }

  /** Pseudo-relevance feedback: the top documents' telling terms. */
  function expand(query: Map<string, number>, top: SearchHit[], fb: Feedback) {
    const pool = new Map<string, number>();
    for (const hit of top.slice(0, fb.docs)) {
      const entry = docs.get(hit.id) as Entry;
      const len = entry.length.reduce((a, b) => a + b, 0) || 1;
      for (const [term, counts] of entry.tf) {
        const tf = counts.reduce((a, b) => a + b, 0) / len;
        pool.set(term, (pool.get(term) ?? 0) + tf * idfOf(term));
      }
    }
    const best = [...pool].sort((a, b) => b[1] - a[1]).slice(0, fb.terms);
    const max = best[0]?.[1] ?? 1;
    const out = new Map(query);
    for (const [term, w] of best) {
      out.set(term, (out.get(term) ?? 0) + (fb.weight * w) / max);
    }
    return out;
  }

  function search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const terms = new Map<string, number>();
    // A term said twice weighs twice: long queries (a whole ticket) rank better.
    for (const t of tokenize(query, opts.locale)) {
      terms.set(t, (terms.get(t) ?? 0) + 1);
    }
    let hits = rank(terms, opts.filter);
    const fb = opts.feedback === undefined ? feedback : opts.feedback;
    if (fb && hits.length > 0) {
      hits = rank(expand(terms, hits, fb), opts.filter);
    }
    return hits.slice(0, opts.limit ?? 10);
  }

  return {
    add,
    remove,
    has: (id) => docs.has(id),
    get size() {
      return docs.size;
    },
    search,
  };
}
