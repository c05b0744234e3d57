/**
 * `GET /kb/articles/:id/blocks`: a published article as text-only
 * blocks (`articleBlocksSchema` of `@ticketry/core`), for clients that
 * never inject markup, such as the widget's article view.
 */
import { articleBlocksSchema, idSchema, TicketryError } from '@ticketry/core';
import { isAgent, kbOf, missing } from './kb-handlers.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** GET /kb/articles/:id/blocks: published ones; drafts for agents too. */
export async function getArticleBlocks(ctx: RouteContext): Promise<Response> {
  const kb = kbOf(ctx);
  const id = ctx.params.id ?? '';
  if (!kb.blocks) {
    throw new TicketryError(
      'NOT_FOUND',
      'article blocks are not configured here',
    );
  }
  // A malformed id names no article: the same 404, and no store read.
  if (!idSchema.safeParse(id).success) throw missing(id.slice(0, 128));
  const agent = await isAgent(ctx);
  const s = await kb.knowledgeBase.getArticle(id);
  if (!s || (!agent && s.article.status !== 'published')) throw missing(id);
  const { title, locale, body } = s.article;
  const { version, updatedAt } = s;
  const blocks = kb.blocks(body);
  return json({ id, title, locale, version, updatedAt, blocks });
}

/** The blocks route, next to the other /kb routes. */
export const kbBlocksRoutes: Route[] = [
  {
    method: 'GET',
    path: '/kb/articles/:id/blocks',
    operationId: 'getKbArticleBlocks',
    summary:
      'One published article as text-only blocks (headings, paragraphs, lists, code, quotes, tables; inline text, strong, emphasis, code and http(s) links; raw HTML dropped), for clients that render no HTML. Drafts, unknown and malformed ids answer 404 NOT_FOUND to anyone but agents.',
    access: 'public',
    responses: {
      200: { description: 'The article', schema: articleBlocksSchema },
    },
    notFound:
      'No such published article, or the knowledge base is not configured',
    handle: getArticleBlocks,
  },
];
