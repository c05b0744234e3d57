/**
 * The knowledge base of a desk: versioned articles, an index over the
 * published ones and over resolved tickets' public resolutions kept
 * current from the desk's events, suggestions, drafts from tickets
 * and deflections.
 */
import type { DeskCore } from '../desk/desk-types.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import type { ArticleInput } from './article.js';
import { createArticleStore, type StoredArticle } from './articles.js';
import { createDeflections, type DeflectionInput } from './deflections.js';
import { draftArticle } from './drafts.js';
import { suggestionOf } from './offer.js';
import {
  checkOffered,
  checkOfferedIds,
  DEFAULT_CUT_OFF,
  meaningful,
  sameLanguage,
} from './relevance.js';
import { createResolutionSet, TEMPLATE_REPEATS } from './resolutions.js';
import { createLexicalRetriever, type Retriever } from './retriever.js';
import {
  articleDocId,
  articleDocument,
  isSuggestable,
  type KbSuggestion,
  type SuggestQuery,
  suggestQuerySchema,
  ticketDocId,
  ticketDocument,
} from './suggest.js';

/** Options of {@link createKnowledgeBase}. */
export interface KnowledgeBaseOptions {
  /** How suggestions are ranked. @default createLexicalRetriever() */
  retriever?: Retriever;
  /** Called when indexing a changed ticket fails. @default ignored */
  onError?: (error: unknown, ticketId: string) => void;
  /** Hits scoring below this are never offered (for a retriever's own scale, such as cosine). @default 0 */
  minScore?: number;
  /**
   * Hits matching less than this share of what the query could match
   * (`SearchHit.match` of the lexical index) are never offered. @default 0.15
   */
  minMatch?: number;
  /** Hits scoring below this share of the best hit are dropped. @default 0.35 */
  relativeScore?: number;
  /**
   * The language offered when nothing in the requester's matches; `null`:
   * other languages never. @default 'en'
   */
  fallbackLocale?: string | null;
  /** Resolved tickets sharing one note before it counts as a template. @default 5 */
  templateRepeats?: number;
}

/** Options of one suggestion request. */
export interface SuggestOptions {
  /** @default 3 */
  limit?: number;
  /** Agents also see which ticket a resolution came from. */
  forAgent?: boolean;
}

const RESOLVED = ['resolved', 'closed'] as const;

/**
 * Creates the knowledge base of a desk; call `ready()` once before
 * suggesting (it indexes the published articles and resolved tickets).
 * @example
 * const kb = createKnowledgeBase(desk.core);
 * await kb.ready();
 * await kb.suggest({ subject: 'VPN drops' }, { limit: 3 });
 */
export function createKnowledgeBase(
  core: DeskCore,
  options: KnowledgeBaseOptions = {},
) {
  const retriever = options.retriever ?? createLexicalRetriever();
  const cutOff = {
    minScore: options.minScore ?? DEFAULT_CUT_OFF.minScore,
    minMatch: options.minMatch ?? DEFAULT_CUT_OFF.minMatch,
    relativeScore: options.relativeScore ?? DEFAULT_CUT_OFF.relativeScore,
  };
  const articles = createArticleStore(core);
  const deflections = createDeflections(core);
  const published = new Map<string, StoredArticle>();
  const resolutions = createResolutionSet(
    core.siteId,
    options.templateRepeats ?? TEMPLATE_REPEATS,
  );
  let loading: Promise<void> | null = null;

  async function indexArticle(s: StoredArticle) {
    const docId = articleDocId(s.article.id);
    if (s.article.status === 'published') {
      published.set(docId, s);
      await retriever.add(articleDocument(s.article));
    } else if (published.delete(docId)) {
      await retriever.remove(docId);
    }
  }

  async function indexTicket(t: Ticket) {
    const docId = ticketDocId(t.id);
    const was = resolutions.remove(docId);
    if (isSuggestable(t) && (await resolutions.add(t))) {
      await retriever.add(ticketDocument(t));
    } else if (was) {
      await retriever.remove(docId);
    }
  }

  async function load() {
    for (const s of await articles.list()) await indexArticle(s);
    let cursor: string | null = null;
    do {
      const page = await core.store.listTickets(core.siteId, {
        status: [...RESOLVED],
        limit: 200,
        cursor,
      });
      for (const t of page.items) await indexTicket(t);
      cursor = page.nextCursor;
    } while (cursor);
  }

  const unsubscribe = core.subscribe((_event, ticket) => {
    indexTicket(ticket).catch((error) => options.onError?.(error, ticket.id));
  });

  /** Indexes what the store holds; later changes follow by themselves. */
  function ready(): Promise<void> {
    loading ??= load();
    return loading;
  }

  /** Writes an article (a new one with `expectedVersion` 0). */
  async function putArticle(
    input: Omit<ArticleInput, 'id'> & { id?: string },
    expectedVersion: number,
    by: Actor,
  ): Promise<StoredArticle> {
    const stored = await articles.put(input, expectedVersion, by);
    await indexArticle(stored);
    return stored;
  }

  /** Whether an article may be offered in the query's language. */
  function articleFits(id: string, locale: string | undefined) {
    const s = published.get(id);
    return s !== undefined && sameLanguage(s.article.locale, locale);
  }

  /** Ranked hits past the cut-off, articles in `language` only. */
  async function ranked(
    text: string,
    locale: string | undefined,
    language: string | undefined,
    opts: SuggestOptions & { exclude?: string },
  ) {
    const hits = await retriever.retrieve(text, {
      limit: opts.limit ?? 3,
      ...(locale && { locale }),
      filter: (id) =>
        id !== opts.exclude &&
        (articleFits(id, language) || resolutions.offerable(id) !== null),
    });
    return meaningful(hits, cutOff);
  }

  /**
   * Up to `limit` suggestions for what a requester typed, articles and
   * resolutions ranked together, best first. With a `locale`, articles
   * in its base language only; when none of those (nor a resolution)
   * matches, articles in `fallbackLocale`. Hits below the cut-off
   * (`minScore`, `minMatch`, `relativeScore`) are not offered at all.
   */
  async function suggest(
    query: SuggestQuery,
    opts: SuggestOptions & { exclude?: string } = {},
  ): Promise<KbSuggestion[]> {
    await ready();
    const q = suggestQuerySchema.parse(query);
    const text = `${q.subject}\n${q.description}`.trim();
    if (!text) return [];
    let hits = await ranked(text, q.locale, q.locale, opts);
    const fallback =
      options.fallbackLocale === undefined ? 'en' : options.fallbackLocale;
    if (hits.length === 0 && q.locale && fallback) {
      if (!sameLanguage(fallback, q.locale)) {
        hits = await ranked(text, fallback, fallback, opts);
      }
    }
    const agent = opts.forAgent ?? false;
    const items = hits.map((h) => {
      const article = published.get(h.id)?.article;
      const resolution = resolutions.offerable(h.id);
      return suggestionOf(h.id, h.score, agent, article, resolution);
    });
    return items.filter((s): s is KbSuggestion => s !== null);
  }

  /** The suggestions an agent sees on a ticket (never the ticket itself). */
  async function suggestForTicket(ticketId: string, limit = 3) {
    const t = await core.load(ticketId);
    return suggest(
      { subject: t.subject, description: t.description },
      { limit, forAgent: true, exclude: ticketDocId(t.id) },
    );
  }

  /**
   * Turns a resolved ticket into a draft article, in one action; asked
   * again, answers the article drafted from it before (`created` false).
   */
  async function draftFromTicket(ticketId: string, by: Actor) {
    const t = await core.load(ticketId);
    const { list, get } = articles;
    return draftArticle(t, by, { list, get, put: putArticle });
  }

  /** Whether an id names a suggestion this site offers now. */
  function offers(id: string) {
    const docId = resolutions.resolve(id);
    return published.has(id) || (!!docId && !!resolutions.offerable(docId));
  }

  /**
   * Notes on a ticket which suggestions its requester saw first: 1 to
   * 20 ids, each one this site offers (VALIDATION_FAILED otherwise, and
   * nothing is written).
   */
  async function recordOffered(ticketId: string, offered: string[], by: Actor) {
    await ready();
    const data = { offered: checkOfferedIds(offered, offers) };
    const t = await core.load(ticketId);
    const at = core.clock.now().toISOString();
    return core.record(t, EXTRA_EVENT_TYPES.kb_offered, {}, data, at, by);
  }

  return {
    ready,
    putArticle,
    getArticle: articles.get,
    listArticles: articles.list,
    articleHistory: articles.history,
    suggest,
    suggestForTicket,
    draftFromTicket,
    recordOffered,
    /** "This solved it": no ticket; answers the new total. */
    recordDeflection: (d: DeflectionInput) => deflections.record(d),
    /**
     * A requester's "this solved it", checked: `solvedBy` must be one of
     * `offered`, and every offered id must name a published article or
     * an offerable resolution of this site (VALIDATION_FAILED
     * otherwise). A repeated `key` is recorded once; answers the total.
     */
    async recordRequesterDeflection(d: DeflectionInput, key?: string) {
      await ready();
      return deflections.record(checkOffered(d, offers), key);
    },
    /** Deflections recorded so far, for the metrics. */
    deflectionCount: deflections.count,
    /** Stops following the desk's events. */
    close: unsubscribe,
  };
}

/** A desk's knowledge base; see {@link createKnowledgeBase}. */
export type KnowledgeBase = ReturnType<typeof createKnowledgeBase>;
