/**
 * An article as structured blocks instead of HTML, for clients that
 * render text nodes only (the widget may not inject markup): headings,
 * paragraphs, lists, code, quotes, tables and rules, whose inline text
 * is plain text, strong, emphasis, code, line breaks and http(s) links.
 * `@ticketry/adapters/kb` derives them from an article's Markdown.
 */
import { z } from 'zod';

/** How deep lists, quotes and inline marks may nest. */
export const MAX_BLOCK_DEPTH = 8;

/** Whether `href` is an absolute http or https URL, the only links kept. */
export function isBlockLink(href: string): boolean {
  return /^https?:\/\/[^\s]/i.test(href) && !/[\s<>"`]/.test(href);
}

/** A run of inline content. */
export type ArticleInline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'em'; content: ArticleInline[] }
  | { type: 'link'; href: string; content: ArticleInline[] };

/** One block of an article. */
export type ArticleBlock =
  | { type: 'heading'; level: number; content: ArticleInline[] }
  | { type: 'paragraph'; content: ArticleInline[] }
  | {
      type: 'list';
      ordered: boolean;
      start: number | null;
      items: ArticleBlock[][];
    }
  | { type: 'code'; text: string; lang: string | null }
  | { type: 'quote'; blocks: ArticleBlock[] }
  | { type: 'table'; head: ArticleInline[][]; rows: ArticleInline[][][] }
  | { type: 'rule' };

/** Inline content, checked. */
export const articleInlineSchema: z.ZodType<ArticleInline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('text'), text: z.string() }),
    z.strictObject({ type: z.literal('code'), text: z.string() }),
    z.strictObject({ type: z.literal('break') }),
    z.strictObject({
      type: z.enum(['strong', 'em']),
      content: z.array(articleInlineSchema),
    }),
    z.strictObject({
      type: z.literal('link'),
      href: z.string().max(2048).refine(isBlockLink, 'an http or https URL'),
      content: z.array(articleInlineSchema),
    }),
  ]),
);

const cells = z.array(z.array(articleInlineSchema));

/** A block, checked. */
export const articleBlockSchema: z.ZodType<ArticleBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('heading'),
      level: z.number().int().min(1).max(6),
      content: z.array(articleInlineSchema),
    }),
    z.strictObject({
      type: z.literal('paragraph'),
      content: z.array(articleInlineSchema),
    }),
    z.strictObject({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int().min(0).nullable(),
      items: z.array(z.array(articleBlockSchema)),
    }),
    z.strictObject({
      type: z.literal('code'),
      text: z.string(),
      lang: z.string().max(40).nullable(),
    }),
    z.strictObject({
      type: z.literal('quote'),
      blocks: z.array(articleBlockSchema),
    }),
    z.strictObject({
      type: z.literal('table'),
      head: cells,
      rows: z.array(cells),
    }),
    z.strictObject({ type: z.literal('rule') }),
  ]),
);

/** A published article as blocks: `GET /kb/articles/:id/blocks`. */
export const articleBlocksSchema = z.object({
  id: z.string(),
  title: z.string(),
  locale: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  blocks: z.array(articleBlockSchema),
});

export type ArticleBlocks = z.infer<typeof articleBlocksSchema>;
