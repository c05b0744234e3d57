/**
 * The knowledge base of a desk: versioned articles, an index over the
 * published ones and over resolved tickets' public resolutions kept
 * current from the desk's events, suggestions, drafts from tickets
 * and deflections.
 */
import { sha256Hex } from '../audit/sha256.js';
import type { DeskCore } from '../desk/desk-types.js';
import { TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import type { ArticleInput } from './article.js';
import { createArticleStore, type StoredArticle } from './articles.js';
import { createDeflections, type DeflectionInput } from './deflections.js';
import { createLexicalRetriever, type Retriever } from './retriever.js';
import {
  articleDocId,
  articleDocument,
  excerptOf,
  isSuggestable,
  type KbSuggestion,
  maskPersonalData,
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
  const articles = createArticleStore(core);
  const deflections = createDeflections(core);
  const published = new Map<string, StoredArticle>();
  const resolutions = new Map<string, Ticket>();
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
    if (isSuggestable(t)) {
      resolutions.set(docId, t);
      await retriever.add(ticketDocument(t));
    } else if (resolutions.delete(docId)) {
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

  async function toSuggestion(id: string, score: number, agent: boolean) {
    const a = published.get(id)?.article;
    if (a) {
      const excerpt = excerptOf(a.body);
      const { title } = a;
      return {
        type: 'article',
        id,
        articleId: a.id,
        title,
        excerpt,
        score,
      } as const;
    }
    const t = resolutions.get(id);
    if (!t?.resolution) return null;
    const text = maskPersonalData(t.resolution.note);
    const { code } = t.resolution;
    if (agent) {
      return {
        type: 'resolution',
        id,
        ticketId: t.id,
        code,
        text,
        score,
      } as const;
    }
    // Requesters get an opaque id: no ticket id of someone else's ticket.
    const hash = await sha256Hex(`kb:${core.siteId}:${t.id}`);
    const opaque = `resolution:${hash.slice(0, 20)}`;
    return { type: 'resolution', id: opaque, code, text, score } as const;
  }

  /**
   * Up to `limit` suggestions for what a requester typed, articles and
   * resolutions ranked together, best first.
   */
  async function suggest(
    query: SuggestQuery,
    opts: SuggestOptions & { exclude?: string } = {},
  ): Promise<KbSuggestion[]> {
    await ready();
    const q = suggestQuerySchema.parse(query);
    const text = `${q.subject}\n${q.description}`.trim();
    if (!text) return [];
    const hits = await retriever.retrieve(text, {
      limit: opts.limit ?? 3,
      ...(q.locale && { locale: q.locale }),
      filter: (id) =>
        id !== opts.exclude && (published.has(id) || resolutions.has(id)),
    });
    const agent = opts.forAgent ?? false;
    const items = await Promise.all(
      hits.map((h) => toSuggestion(h.id, h.score, agent)),
    );
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

  /** Turns a resolved ticket into a draft article, in one action. */
  async function draftFromTicket(ticketId: string, by: Actor) {
    const t = await core.load(ticketId);
    if (!t.resolution) {
      throw new TicketryError(
        'KB_NO_RESOLUTION',
        `ticket ${t.ref} has no resolution to draft from`,
        { details: { ticketId } },
      );
    }
    const body = [t.description.trim(), '## Resolution', t.resolution.note];
    return putArticle(
      {
        title: t.subject,
        body: body.filter(Boolean).join('\n\n'),
        category: t.category,
        tags: t.tags,
        status: 'draft',
        sourceTicketId: t.id,
      },
      0,
      by,
    );
  }

  /** Notes on a ticket which suggestions its requester saw first. */
  async function recordOffered(ticketId: string, offered: string[], by: Actor) {
    const t = await core.load(ticketId);
    const at = core.clock.now().toISOString();
    const data = { offered: offered.slice(0, 20) };
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
    /** Deflections recorded so far, for the metrics. */
    deflectionCount: deflections.count,
    /** Stops following the desk's events. */
    close: unsubscribe,
  };
}

/** A desk's knowledge base; see {@link createKnowledgeBase}. */
export type KnowledgeBase = ReturnType<typeof createKnowledgeBase>;
