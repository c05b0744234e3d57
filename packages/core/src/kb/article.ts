/**
 * Knowledge base articles: Markdown with a small front matter block
 * (title, category, tags, locale, status), parsed and checked with zod.
 *
 * ```md
 * ---
 * title: Reset your password
 * category: access
 * tags: [password, sign-in]
 * locale: en
 * status: published
 * ---
 * Open **Settings** …
 * ```
 */
import { z } from 'zod';
import { validationError } from '../errors.js';
import {
  hasControlCharacters,
  stripDirectionControls,
  withoutControlCharacters,
  withoutDirectionControls,
} from '../public/text.js';
import { idSchema, labelSchema } from '../schemas/common.js';

/** The most characters an article's Markdown may have. */
export const MAX_ARTICLE_CHARS = 100_000;

/**
 * A title is one line of text, checked as a ticket's subject is: no
 * control characters, no direction overrides or isolates.
 */
const titleSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(withoutControlCharacters, 'title must not contain control characters')
  .refine(
    withoutDirectionControls,
    'title must not contain direction override characters',
  );

/** What the front matter says about an article. */
export const articleMetaSchema = z.object({
  title: titleSchema,
  category: labelSchema.nullable().default(null),
  tags: z.array(labelSchema).max(20).default([]),
  /** A BCP 47 tag such as `en`, `de-CH`. */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale such as en or de-CH')
    .default('en'),
  status: z.enum(['draft', 'published']).default('draft'),
});

/** An article as stored: its front matter, its Markdown body, its id. */
export const articleSchema = articleMetaSchema.extend({
  id: idSchema,
  /**
   * Multi-line text, checked as a ticket's description is: no control
   * characters; direction controls are kept as written.
   */
  body: z
    .string()
    .max(MAX_ARTICLE_CHARS)
    .refine(
      withoutControlCharacters,
      'body must not contain control characters',
    ),
  /** The ticket an agent drafted it from, if any. */
  sourceTicketId: idSchema.nullable().default(null),
});

export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type Article = z.infer<typeof articleSchema>;
export type ArticleInput = z.input<typeof articleSchema>;

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** One front matter value: `[a, b]` lists, quoted or bare strings. */
function readValue(raw: string): string | string[] {
  const v = raw.trim();
  if (v.startsWith('[') && v.endsWith(']')) {
    return v
      .slice(1, -1)
      .split(',')
      .map((s) => unquote(s.trim()))
      .filter(Boolean);
  }
  return unquote(v);
}

function unquote(v: string): string {
  const q = v[0];
  return (q === '"' || q === "'") && v.endsWith(q) ? v.slice(1, -1) : v;
}

/** The `key: value` lines of a front matter block, `- item` lists too. */
function readFrontMatter(block: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (out[listKey] as string[]).push(unquote((item[1] ?? '').trim()));
      continue;
    }
    const pair = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (!pair) throw validationError('front matter', [lineIssue(line)]);
    const [, key = '', value = ''] = pair;
    listKey = value.trim() === '' ? key : null;
    out[key] = listKey ? [] : readValue(value);
  }
  return out;
}

function lineIssue(line: string) {
  return {
    code: 'custom' as const,
    path: [],
    input: line,
    message: `cannot read "${line}"`,
  };
}

/**
 * Reads a Markdown file with front matter into an article's metadata
 * and body; throws VALIDATION_FAILED naming the field.
 * @example parseArticleMarkdown('---\ntitle: VPN\n---\nConnect…')
 */
export function parseArticleMarkdown(source: string): ArticleMeta & {
  body: string;
} {
  const match = FENCE.exec(source);
  const raw = match ? readFrontMatter(match[1] ?? '') : {};
  const parsed = articleMetaSchema.safeParse(raw);
  if (!parsed.success) throw validationError('article', parsed.error.issues);
  const body = match ? source.slice(match[0].length) : source;
  return { ...parsed.data, body: body.trim() };
}

/** The front matter keys a Markdown file names (defaults not included). */
export function frontMatterKeys(source: string): string[] {
  const match = FENCE.exec(source);
  return match ? Object.keys(readFrontMatter(match[1] ?? '')) : [];
}

/** Writes an article back as Markdown with front matter. */
export function toArticleMarkdown(a: ArticleMeta & { body: string }): string {
  const list = (xs: string[]) =>
    `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
  const lines = [
    '---',
    `title: ${JSON.stringify(a.title)}`,
    ...(a.category ? [`category: ${JSON.stringify(a.category)}`] : []),
    `tags: ${list(a.tags)}`,
    `locale: ${a.locale}`,
    `status: ${a.status}`,
    '---',
    a.body,
  ];
  return `${lines.join('\n')}\n`;
}

/** The text without what the checks added later refuse: control characters, lone surrogates. */
const cleaned = (text: unknown) =>
  typeof text === 'string'
    ? Array.from(text)
        .filter((c) => !hasControlCharacters(c))
        .join('')
    : text;

/**
 * An article as the store holds it. One written before its title and
 * body were checked is read with what they now refuse dropped (control
 * characters; direction controls in the title), so an old record never
 * breaks listing or indexing.
 */
export function readStoredArticle(value: unknown): Article {
  const parsed = articleSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const v = (value ?? {}) as { title?: unknown; body?: unknown };
  const title = cleaned(v.title);
  return parseArticle({
    ...v,
    title: typeof title === 'string' ? stripDirectionControls(title) : title,
    body: cleaned(v.body),
  });
}

/** Parses an article or throws VALIDATION_FAILED. */
export function parseArticle(input: unknown): Article {
  const parsed = articleSchema.safeParse(input);
  if (!parsed.success) throw validationError('article', parsed.error.issues);
  return parsed.data;
}
