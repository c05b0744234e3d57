/**
 * The widget's own check of `GET /kb/articles/:id/blocks` answers (no
 * zod in the widget; `articleBlocksSchema` of `@ticketry/core` is the
 * contract, and article-blocks.test.ts compares the two): a block or
 * run that does not fit is dropped, a link must be http or https, and
 * depth and size are bounded so a hostile answer cannot hang the page.
 */

/** A run of inline text. */
export type Inline =
  | { type: 'text' | 'code'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'em'; content: Inline[] }
  | { type: 'link'; href: string; content: Inline[] };

/** One block of an article. */
export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; start: number | null; items: Block[][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { type: 'rule' };

/** An article as the view shows it. */
export interface ArticleView {
  title: string;
  locale: string;
  blocks: Block[];
}

/** Nesting beyond this is dropped (the server flattens at 8). */
const MAX_DEPTH = 10;
/** The most blocks and runs read from one answer. */
const MAX_NODES = 50_000;
const LINK = /^https?:\/\/[^\s<>"`]+$/i;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

type Raw = Record<string, unknown>;

const isRaw = (v: unknown): v is Raw =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Reads one answer; `left` counts down the nodes still allowed. */
function reader() {
  let left = MAX_NODES;

  const each = <T>(v: unknown, d: number, one: (x: Raw) => T | null): T[] => {
    const out: T[] = [];
    if (d > MAX_DEPTH) return out;
    for (const x of arr(v)) {
      const kept = isRaw(x) && left-- > 0 ? one(x) : null;
      if (kept) out.push(kept);
    }
    return out;
  };

  const inlines = (v: unknown, d: number): Inline[] =>
    each(v, d, (x): Inline | null => {
      const { type } = x;
      if (type === 'text' || type === 'code') {
        return str(x.text) ? { type, text: x.text } : null;
      }
      if (type === 'break') return { type };
      if (type === 'strong' || type === 'em') {
        return { type, content: inlines(x.content, d + 1) };
      }
      if (type !== 'link' || !str(x.href) || !LINK.test(x.href)) return null;
      return { type, href: x.href, content: inlines(x.content, d + 1) };
    });

  const cells = (v: unknown, d: number) => arr(v).map((c) => inlines(c, d + 1));

  const blocks = (v: unknown, d: number): Block[] =>
    each(v, d, (x): Block | null => {
      const { type } = x;
      const content = inlines(x.content, d + 1);
      if (type === 'heading') {
        const level = typeof x.level === 'number' ? x.level : 0;
        return level >= 1 && level <= 6 ? { type, level, content } : null;
      }
      if (type === 'paragraph') return { type, content };
      if (type === 'code') return str(x.text) ? { type, text: x.text } : null;
      if (type === 'quote') return { type, blocks: blocks(x.blocks, d + 1) };
      if (type === 'rule') return { type };
      if (type === 'list') {
        const start = Number.isInteger(x.start) ? (x.start as number) : null;
        const items = arr(x.items).map((item) => blocks(item, d + 1));
        return { type, ordered: x.ordered === true, start, items };
      }
      if (type !== 'table') return null;
      return {
        type,
        head: cells(x.head, d),
        rows: arr(x.rows).map((r) => cells(r, d)),
      };
    });

  return blocks;
}

/** The article of an answer, or null when it is not one. */
export function articleOf(body: unknown): ArticleView | null {
  if (!isRaw(body) || !str(body.title) || !Array.isArray(body.blocks)) {
    return null;
  }
  const locale =
    str(body.locale) && LOCALE.test(body.locale) ? body.locale : '';
  const title = body.title.slice(0, 500);
  return { title, locale, blocks: reader()(body.blocks, 0) };
}
