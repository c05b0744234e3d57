import { z } from 'zod';
import {
  deflect,
  deflectionCount,
  draft,
  getArticle,
  listArticles,
  offered,
  postArticle,
  putArticle,
  suggest,
  ticketSuggestions,
} from './kb-handlers.js';
import {
  articleAnswer,
  deflectionBodySchema,
  listQuerySchema,
  offeredBodySchema,
  postArticleSchema,
  putArticleSchema,
  suggestBodySchema,
  suggestionAnswer,
  summarySchema,
} from './kb-schemas.js';
import type { Route } from './route.js';

export type { KbService } from './kb-handlers.js';

const listAnswer = z.object({ items: z.array(summarySchema) });
const recorded = z.object({ recorded: z.literal(true) });
const off = 'No such article, or the knowledge base is not configured';

/** The knowledge base: articles, suggestions, deflections and drafts. */
export const kbRoutes: Route[] = [
  {
    method: 'GET',
    path: '/kb/articles',
    operationId: 'listKbArticles',
    summary:
      'Knowledge base articles: the published ones for anyone, drafts too for agents. Takes no query parameters: any answers 422 VALIDATION_FAILED.',
    access: 'public',
    query: listQuerySchema,
    responses: { 200: { description: 'Articles', schema: listAnswer } },
    errors: [404],
    handle: listArticles,
  },
  {
    method: 'POST',
    path: '/kb/articles',
    operationId: 'createKbArticle',
    summary:
      'Writes a new article, from a Markdown file with front matter (`markdown`) or from its fields (agents only). The title is one line: control characters and direction overrides (U+202A to U+202E, U+2066 to U+2069) answer 422 VALIDATION_FAILED, as a ticket subject does; the body keeps direction controls, as a ticket description does. An `id` that is taken answers 409 ALREADY_EXISTS.',
    access: 'agent',
    body: postArticleSchema,
    responses: {
      201: { description: 'The new article', schema: summarySchema },
    },
    errors: [404, 409],
    handle: postArticle,
  },
  {
    method: 'GET',
    path: '/kb/articles/:id',
    operationId: 'getKbArticle',
    summary:
      'One article rendered to safe HTML (no raw HTML, links only http, https or mailto); agents also get its Markdown. Drafts answer 404 to anyone else; unknown and malformed ids answer 404 NOT_FOUND.',
    access: 'public',
    responses: { 200: { description: 'The article', schema: articleAnswer } },
    notFound: off,
    handle: getArticle,
  },
  {
    method: 'PUT',
    path: '/kb/articles/:id',
    operationId: 'updateKbArticle',
    summary:
      'Writes a new version of an article against `expectedVersion`; every version is kept (agents only). A `status`, `locale`, `category` or `tags` left out (of the fields or of the front matter) keeps the current one: a published article stays published until a version says `status: draft`.',
    access: 'agent',
    body: putArticleSchema,
    responses: { 200: { description: 'The article', schema: summarySchema } },
    notFound: off,
    errors: [412],
    handle: putArticle,
  },
  {
    method: 'POST',
    path: '/kb/suggest',
    operationId: 'suggestKbAnswers',
    summary:
      'Up to three suggestions for what a requester is typing: published articles and the public resolutions of similar resolved tickets. `subject` takes at most 500 characters and `description` at most 20,000 (more answers 422: clients cut the text first). With a `locale`, articles in its language first, those in the `fallbackLocale` of the knowledge base (en) only when nothing in it matches, no other language; resolutions only with real text; hits below the relevance cut-off are not offered at all.',
    access: 'public',
    body: suggestBodySchema,
    responses: {
      200: { description: 'Suggestions', schema: suggestionAnswer },
    },
    errors: [404],
    handle: suggest,
  },
  {
    method: 'POST',
    path: '/kb/deflections',
    operationId: 'recordKbDeflection',
    summary:
      '"This solved it": records a deflection (no ticket is opened) with what was offered. `solvedBy` must be one of `offered`, and every offered id must be a suggestion this site offers now (a published article, a resolved ticket\'s public resolution); otherwise 422 VALIDATION_FAILED and nothing is counted. A repeated Idempotency-Key with another body answers 422 IDEMPOTENCY_KEY_REUSED.',
    access: 'public',
    body: deflectionBodySchema,
    headers: [
      {
        name: 'Idempotency-Key',
        required: false,
        description:
          '8 to 255 visible ASCII characters; a repeat of a key with the same body is answered 201 again but counted once, with another body 422 IDEMPOTENCY_KEY_REUSED',
      },
    ],
    responses: { 201: { description: 'Recorded', schema: recorded } },
    errors: [404, 429],
    handle: deflect,
  },
  {
    method: 'GET',
    path: '/kb/deflections/count',
    operationId: 'countKbDeflections',
    summary: 'How many deflections were recorded (agents only).',
    access: 'agent',
    responses: {
      200: {
        description: 'The count',
        schema: z.object({ deflections: z.number().int() }),
      },
    },
    errors: [404],
    handle: deflectionCount,
  },
  {
    method: 'POST',
    path: '/tickets/:id/kb-draft',
    operationId: 'draftKbArticleFromTicket',
    summary:
      'Turns a resolved ticket into a draft article: subject as title, description and resolution note as body, the ticket\'s category and tags (agents only). One article per ticket: asked again, answers 200 with the article already drafted from it. E-mail addresses and phone numbers are masked as in suggestions. A ticket without a resolution answers 409 KB_NO_RESOLUTION; one whose note says nothing ("Imported", "Fixed": what suggestions never offer) 409 KB_NO_RESOLUTION_TEXT.',
    access: 'agent',
    responses: {
      200: { description: 'The article drafted before', schema: summarySchema },
      201: { description: 'The draft', schema: summarySchema },
    },
    errors: [409],
    handle: draft,
  },
  {
    method: 'GET',
    path: '/tickets/:id/suggestions',
    operationId: 'getTicketKbSuggestions',
    summary:
      'The knowledge base suggestions for a ticket, with the tickets resolutions came from (agents only).',
    access: 'agent',
    responses: {
      200: { description: 'Suggestions', schema: suggestionAnswer },
    },
    handle: ticketSuggestions,
  },
  {
    method: 'POST',
    path: '/tickets/:id/kb-offered',
    operationId: 'recordKbOffered',
    summary:
      'Records on the ticket (as a `ticket.kb_offered` event) which suggestions its requester saw before submitting: 1 to 20 suggestion ids (`article:…`, `resolution:…`) as suggestions make them, each one this site offers now (as deflections check them); otherwise 422 VALIDATION_FAILED and nothing is recorded.',
    access: 'ticket',
    body: offeredBodySchema,
    responses: { 201: { description: 'Recorded', schema: recorded } },
    handle: offered,
  },
];
