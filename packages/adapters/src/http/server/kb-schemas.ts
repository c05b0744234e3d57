/** Request and answer shapes of the knowledge base routes (kb-routes.ts). */
import {
  articleMetaSchema,
  articleSchema,
  deflectionSchema,
  offeredIdsSchema,
  suggestQuerySchema,
} from '@ticketry/core';
import { z } from 'zod';
import { parseWith } from './body.js';

const markdown = z.string().min(1).max(110_000);
const body = articleSchema.shape.body;
const newId = z.string().max(128).optional();
const expectedVersion = z.number().int().min(1);

/** A new article as a Markdown file with front matter. */
const postMarkdownSchema = z.strictObject({ markdown, id: newId });
/** A new article as fields. */
const postFieldsSchema = z.strictObject({
  ...articleMetaSchema.shape,
  body,
  id: newId,
});
/** A new article: a Markdown file or its fields, and an optional id. */
export const postArticleSchema = z.union([
  postMarkdownSchema,
  postFieldsSchema,
]);

/** A new version as a Markdown file with front matter. */
const putMarkdownSchema = z.strictObject({ markdown, expectedVersion });
/** A new version as fields; those left out keep the current ones. */
const putFieldsSchema = z.strictObject({
  ...articleMetaSchema.shape,
  category: articleMetaSchema.shape.category.unwrap().optional(),
  tags: articleMetaSchema.shape.tags.unwrap().optional(),
  status: articleMetaSchema.shape.status.unwrap().optional(),
  locale: articleMetaSchema.shape.locale.unwrap().optional(),
  body,
  expectedVersion,
});
/**
 * A new version of an article, against the version read. A missing
 * `status`, `locale`, `category` or `tags` keeps the current one (never
 * a silent unpublish, never a silent loss of labels).
 */
export const putArticleSchema = z.union([putMarkdownSchema, putFieldsSchema]);

const sendsMarkdown = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && 'markdown' in raw;

/**
 * A POST body, checked against the one form it takes (`markdown`, or
 * fields), so an error names the field at fault and not every branch.
 */
export const readPostArticle = (raw: unknown) =>
  sendsMarkdown(raw)
    ? parseWith(postMarkdownSchema, raw, 'article')
    : parseWith(postFieldsSchema, raw, 'article');

/** A PUT body, checked as {@link readPostArticle} checks a POST. */
export const readPutArticle = (raw: unknown) =>
  sendsMarkdown(raw)
    ? parseWith(putMarkdownSchema, raw, 'article')
    : parseWith(putFieldsSchema, raw, 'article');

/** `GET /kb/articles` takes no query: an unknown key is refused (422). */
export const listQuerySchema = z.strictObject({});

/** The most characters of a description `POST /kb/suggest` reads. */
export const MAX_SUGGEST_DESCRIPTION = 20_000;
/** What a requester typed, for `POST /kb/suggest`. */
export const suggestBodySchema = z.strictObject({
  subject: z.string().max(500).default(''),
  description: z.string().max(MAX_SUGGEST_DESCRIPTION).default(''),
  locale: suggestQuerySchema.shape.locale,
  limit: z.number().int().min(1).max(3).default(3),
});
/**
 * A requester's "this solved it": the ids offered (`article:…`,
 * `resolution:…`) and the one among them that solved it.
 */
export const deflectionBodySchema = z.object({
  offered: z.array(z.string().max(200)).min(1).max(20),
  solvedBy: z.string().max(200),
  locale: deflectionSchema.shape.locale,
});
/**
 * The suggestion ids a requester saw before submitting: 1 to 20, as
 * suggestions make them (`article:…`, `resolution:…`).
 */
export const offeredBodySchema = z.strictObject({ offered: offeredIdsSchema });

/** An article as lists show it. */
export const summarySchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  locale: z.string(),
  status: z.enum(['draft', 'published']),
  version: z.number(),
  updatedAt: z.string(),
});
/** One article, rendered; agents also get its Markdown. */
export const articleAnswer = summarySchema.extend({
  html: z.string(),
  /** Agents only: the Markdown source with its front matter fields. */
  markdown: z.string().optional(),
  sourceTicketId: z.string().nullable().optional(),
});
/** Suggestions, best first. */
export const suggestionAnswer = z.object({
  items: z.array(z.record(z.string(), z.unknown())),
});
