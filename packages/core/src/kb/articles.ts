/**
 * Articles kept as versioned store records: `kb.article` holds the
 * current one, `kb.article.version` every version written, so edits
 * never overwrite history and two editors never both win.
 */
import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError, TicketryError } from '../errors.js';
import { createId } from '../ids.js';
import type { Actor } from '../schemas/common.js';
import { missingRecord } from '../store/records.js';
import {
  type Article,
  type ArticleInput,
  parseArticle,
  readStoredArticle,
} from './article.js';

export const ARTICLE_KIND = 'kb.article';
export const ARTICLE_VERSION_KIND = 'kb.article.version';

/** An article with its record version and last change. */
export interface StoredArticle {
  article: Article;
  version: number;
  updatedAt: string;
}

/** One entry of an article's history. */
export interface ArticleVersion extends StoredArticle {
  by: Actor;
}

const versionKey = (id: string, v: number) =>
  `${id}@${String(v).padStart(8, '0')}`;

/** Reads and writes articles through the desk's store. */
export function createArticleStore(core: DeskCore) {
  const { store, siteId } = core;

  async function get(id: string): Promise<StoredArticle | null> {
    const r = await store.getRecord(siteId, ARTICLE_KIND, id);
    if (!r) return null;
    const article = readStoredArticle(r.value);
    return { article, version: r.version, updatedAt: r.updatedAt };
  }

  /** A new article's record; ALREADY_EXISTS when its id is taken. */
  async function create(article: Article, at: string) {
    try {
      return await store.putRecord({
        siteId,
        kind: ARTICLE_KIND,
        key: article.id,
        value: article,
        expectedVersion: 0,
        at,
      });
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      const message = `article ${article.id} already exists`;
      const details = { articleId: article.id };
      throw new TicketryError('ALREADY_EXISTS', message, { cause: e, details });
    }
  }

  /**
   * Writes an article against the version read (0: a new one, whose id
   * must be free: ALREADY_EXISTS otherwise), and keeps the written
   * version in its history.
   */
  async function put(
    input: Omit<ArticleInput, 'id'> & { id?: string },
    expectedVersion: number,
    by: Actor,
  ): Promise<StoredArticle> {
    const article = parseArticle({ ...input, id: input.id ?? createId() });
    const at = core.clock.now().toISOString();
    const r =
      expectedVersion === 0
        ? await create(article, at)
        : await store.putRecord({
            siteId,
            kind: ARTICLE_KIND,
            key: article.id,
            value: article,
            expectedVersion,
            at,
          });
    const stored = { article, version: r.version, updatedAt: at };
    await store.putRecord({
      siteId,
      kind: ARTICLE_VERSION_KIND,
      key: versionKey(article.id, r.version),
      value: { ...stored, by },
      expectedVersion: 0,
      at,
    });
    return stored;
  }

  async function list(): Promise<StoredArticle[]> {
    const out: StoredArticle[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await store.listRecords(siteId, ARTICLE_KIND, {
        limit: 1000,
        ...(after !== undefined && { after }),
      });
      for (const r of page) {
        const article = readStoredArticle(r.value);
        out.push({ article, version: r.version, updatedAt: r.updatedAt });
      }
      if (page.length < 1000) return out;
      after = page.at(-1)?.key;
    }
  }

  /** Every version of an article, oldest first. */
  async function history(id: string): Promise<ArticleVersion[]> {
    if (!(await get(id))) throw missingRecord(ARTICLE_KIND, id);
    const page = await store.listRecords(siteId, ARTICLE_VERSION_KIND, {
      prefix: `${id}@`,
      limit: 1000,
    });
    return page.map((r) => r.value as ArticleVersion);
  }

  return { get, put, list, history };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
