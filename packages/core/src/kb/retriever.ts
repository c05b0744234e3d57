/**
 * Retrieval behind an interface: the default ranks with the lexical
 * BM25F index; a site can plug in embeddings from any model it runs.
 */
import {
  createSearchIndex,
  type IndexDocument,
  type SearchHit,
  type SearchIndexOptions,
} from './bm25.js';

/** Options of one retrieval. */
export interface RetrieveOptions {
  limit: number;
  /** The query's locale. @default 'en' */
  locale?: string;
  /** Only ids this accepts are returned. */
  filter?: (id: string) => boolean;
}

/** What the knowledge base needs from a ranking method. */
export interface Retriever {
  add(doc: IndexDocument): void | Promise<void>;
  remove(id: string): void | Promise<void>;
  retrieve(query: string, options: RetrieveOptions): Promise<SearchHit[]>;
}

/**
 * The default retriever: the BM25F index of this folder.
 * @example createLexicalRetriever({ weights: { title: 4 } })
 */
export function createLexicalRetriever(
  options: SearchIndexOptions = {},
): Retriever {
  const index = createSearchIndex(options);
  return {
    add: (doc) => index.add(doc),
    remove: (id) => {
      index.remove(id);
    },
    retrieve: async (query, o) => index.search(query, o),
  };
}

/** A text embedding model: texts in, one vector per text out. */
export interface Embedder {
  embed(texts: string[]): Promise<number[][]>;
}

function unit(v: number[]): number[] {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/**
 * A retriever over embeddings: cosine similarity between the query's
 * vector and each document's (title, tags and body embedded together).
 * Scans every document: fine for thousands, not millions.
 */
export function createEmbeddingRetriever(embedder: Embedder): Retriever {
  const vectors = new Map<string, number[]>();
  return {
    async add(doc) {
      const text = [doc.title, ...(doc.tags ?? []), doc.body].join('\n');
      const [v] = await embedder.embed([text]);
      if (v) vectors.set(doc.id, unit(v));
    },
    remove(id) {
      vectors.delete(id);
    },
    async retrieve(query, o) {
      const [q] = await embedder.embed([query]);
      if (!q) return [];
      const qv = unit(q);
      const hits: SearchHit[] = [];
      for (const [id, v] of vectors) {
        if (o.filter && !o.filter(id)) continue;
        hits.push({ id, score: dot(qv, v) });
      }
      hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      return hits.slice(0, o.limit);
    },
  };
}
