/** Handlers of the knowledge base routes (kb-routes.ts). */
import {
  type ArticleBlock,
  frontMatterKeys,
  idSchema,
  type KnowledgeBase,
  parseArticleMarkdown,
  type StoredArticle,
  TicketryError,
} from '@ticketry/core';
import {
  optionalCaller,
  requireAgent,
  requireCaller,
  requireTicketAccess,
} from './auth.js';
import { parseWith, readJson } from './body.js';
import {
  deflectionBodySchema,
  listQuerySchema,
  offeredBodySchema,
  readPostArticle,
  readPutArticle,
  suggestBodySchema,
} from './kb-schemas.js';
import { idempotencyKeyFrom } from './preconditions.js';
import { queryOf } from './query.js';
import { json } from './respond.js';
import type { RouteContext } from './route.js';

/**
 * The knowledge base behind the /kb routes: `createKnowledgeBase` from
 * `@ticketry/core` and a renderer such as `createArticleRenderer()`
 * from `@ticketry/adapters/kb` (kept apart so this handler never loads
 * markdown-it itself).
 */
export interface KbService {
  knowledgeBase: KnowledgeBase;
  render(markdown: string): string;
  /**
   * An article as text-only blocks, for `GET /kb/articles/:id/blocks`
   * (`createArticleRenderer().blocks`); without it that route answers 404.
   */
  blocks?(markdown: string): ArticleBlock[];
}

/** The knowledge base service, or NOT_FOUND when none is configured. */
export function kbOf(ctx: RouteContext): KbService {
  const kb = ctx.services.kb;
  if (!kb) {
    throw new TicketryError(
      'NOT_FOUND',
      'the knowledge base is not configured here',
    );
  }
  return kb;
}

function summary(s: StoredArticle) {
  const { id, title, category, tags, locale, status } = s.article;
  const { version, updatedAt } = s;
  return { id, title, category, tags, locale, status, version, updatedAt };
}

/** Whether the caller is an agent (a bad credential still fails). */
export async function isAgent(ctx: RouteContext): Promise<boolean> {
  const caller = await optionalCaller(ctx.desk, ctx.request, ctx.identity);
  return caller?.kind === 'agent';
}

/** NOT_FOUND for an article. */
export function missing(id: string) {
  return new TicketryError('NOT_FOUND', `no article ${id}`, {
    details: { articleId: id },
  });
}

/** GET /kb/articles: published ones, drafts too for agents. */
export async function listArticles(ctx: RouteContext): Promise<Response> {
  const { knowledgeBase } = kbOf(ctx);
  const query = queryOf(ctx.url);
  parseWith(listQuerySchema, query, 'query');
  const agent = await isAgent(ctx);
  const all = await knowledgeBase.listArticles();
  const items = all
    .filter((s) => agent || s.article.status === 'published')
    .map(summary);
  return json({ items });
}

/** GET /kb/articles/:id: safe HTML, Markdown for agents. */
export async function getArticle(ctx: RouteContext): Promise<Response> {
  const { knowledgeBase, render } = kbOf(ctx);
  // A malformed id names no article: 404, and no store read.
  const id = ctx.params.id ?? '';
  if (!idSchema.safeParse(id).success) throw missing(id.slice(0, 128));
  const agent = await isAgent(ctx);
  const s = await knowledgeBase.getArticle(id);
  if (!s || (!agent && s.article.status !== 'published')) {
    throw missing(ctx.params.id!);
  }
  const html = render(s.article.body);
  if (!agent) return json({ ...summary(s), html });
  const { body: markdown, sourceTicketId } = s.article;
  return json({ ...summary(s), html, markdown, sourceTicketId });
}

/** An article's fields from either a Markdown file or plain fields. */
function fieldsOf(b: ReturnType<typeof readPostArticle>) {
  const { id: _id, ...rest } = b;
  return 'markdown' in rest ? parseArticleMarkdown(rest.markdown) : rest;
}

const KEPT = ['status', 'locale', 'category', 'tags'] as const;

/**
 * A PUT body's fields; `status`, `locale`, `category` and `tags` left
 * out (of the fields or of the front matter) keep `current`'s.
 */
function updateOf(
  b: ReturnType<typeof readPutArticle>,
  current: StoredArticle,
) {
  const { expectedVersion: _v, ...rest } = b;
  const fields =
    'markdown' in rest ? parseArticleMarkdown(rest.markdown) : rest;
  // zod leaves out the optional fields a body does not send.
  const given =
    'markdown' in rest ? frontMatterKeys(rest.markdown) : Object.keys(rest);
  const kept = KEPT.filter((k) => !given.includes(k));
  const now = Object.fromEntries(kept.map((k) => [k, current.article[k]]));
  return { ...fields, ...now };
}

/** POST /kb/articles (agents). */
export async function postArticle(ctx: RouteContext): Promise<Response> {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const b = readPostArticle(raw);
  const fields = { ...fieldsOf(b), ...(b.id && { id: b.id }) };
  const s = await kbOf(ctx).knowledgeBase.putArticle(fields, 0, actor);
  return json(summary(s), 201);
}

/** PUT /kb/articles/:id (agents), against `expectedVersion`. */
export async function putArticle(ctx: RouteContext): Promise<Response> {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const b = readPutArticle(raw);
  const { knowledgeBase } = kbOf(ctx);
  const id = ctx.params.id!;
  if (!idSchema.safeParse(id).success) throw missing(id.slice(0, 128));
  const current = await knowledgeBase.getArticle(id);
  if (!current) throw missing(id);
  const fields = { ...updateOf(b, current), id };
  const merged = { sourceTicketId: current.article.sourceTicketId, ...fields };
  const s = await knowledgeBase.putArticle(merged, b.expectedVersion, actor);
  return json(summary(s));
}

/** POST /kb/suggest (anyone). */
export async function suggest(ctx: RouteContext): Promise<Response> {
  const { knowledgeBase } = kbOf(ctx);
  await optionalCaller(ctx.desk, ctx.request, ctx.identity);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const { limit, ...query } = parseWith(
    suggestBodySchema,
    raw,
    'suggest request',
  );
  return json({ items: await knowledgeBase.suggest(query, { limit }) });
}

/**
 * POST /kb/deflections (anyone): "this solved it", checked against what
 * the knowledge base offers; a repeated Idempotency-Key counts once.
 */
export async function deflect(ctx: RouteContext): Promise<Response> {
  const { knowledgeBase } = kbOf(ctx);
  await optionalCaller(ctx.desk, ctx.request, ctx.identity);
  const key = idempotencyKeyFrom(ctx.request);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const body = parseWith(deflectionBodySchema, raw, 'deflection');
  await knowledgeBase.recordRequesterDeflection(body, key);
  return json({ recorded: true }, 201);
}

/** GET /kb/deflections/count (agents). */
export async function deflectionCount(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  return json({ deflections: await kbOf(ctx).knowledgeBase.deflectionCount() });
}

/** POST /tickets/:id/kb-draft (agents). */
export async function draft(ctx: RouteContext): Promise<Response> {
  const { actor } = await requireAgent(ctx.desk, ctx.request);
  const s = await kbOf(ctx).knowledgeBase.draftFromTicket(
    ctx.params.id!,
    actor,
  );
  // Asked again: the article already drafted from this ticket, 200.
  return json(summary(s), s.created ? 201 : 200);
}

/** GET /tickets/:id/suggestions (agents). */
export async function ticketSuggestions(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const items = await kbOf(ctx).knowledgeBase.suggestForTicket(ctx.params.id!);
  return json({ items });
}

/** POST /tickets/:id/kb-offered (the ticket's requester or agents). */
export async function offered(ctx: RouteContext): Promise<Response> {
  const caller = await requireCaller(ctx.desk, ctx.request, ctx.identity);
  const id = ctx.params.id!;
  await requireTicketAccess(ctx.desk, caller, id);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const b = parseWith(offeredBodySchema, raw, 'offered suggestions');
  const actor =
    caller.kind === 'agent'
      ? caller.actor
      : {
          role: 'requester' as const,
          id: (await ctx.desk.get(id))?.requesterId ?? null,
        };
  await kbOf(ctx).knowledgeBase.recordOffered(id, b.offered, actor);
  return json({ recorded: true }, 201);
}
