/**
 * Article Markdown to structured blocks (`ArticleBlock` of
 * `@ticketry/core`) from markdown-it's tokens, for clients that may
 * only render text: raw HTML is dropped, an image is its alt text, links survive
 * only when http or https, and nesting deeper than `MAX_BLOCK_DEPTH`
 * is flattened into its parent. The result is checked with zod.
 */
import {
  type ArticleBlock,
  type ArticleInline,
  articleBlockSchema,
  isBlockLink,
  MAX_BLOCK_DEPTH,
} from '@ticketry/core';
import MarkdownIt from 'markdown-it';
import { z } from 'zod';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** A token with the tokens between its open and close. */
interface Node {
  token: Token;
  kids: Node[];
}

/** markdown-it's flat open/close tokens as a tree. */
function treeOf(tokens: readonly Token[]): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const token of tokens) {
    const here = stack[stack.length - 1] as Node[];
    if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const node = { token, kids: [] };
    here.push(node);
    if (token.nesting === 1) stack.push(node.kids);
  }
  return root;
}

/** Adjacent text runs joined, empty ones left out. */
function joined(items: ArticleInline[]): ArticleInline[] {
  const out: ArticleInline[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.type === 'text' && !item.text) continue;
    if (item.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = { type: 'text', text: last.text + item.text };
    } else out.push(item);
  }
  return out;
}

const MARKS: Record<string, 'strong' | 'em'> = {
  strong_open: 'strong',
  em_open: 'em',
};

function inlineNode(node: Node, depth: number): ArticleInline[] {
  const { token } = node;
  const inner = () => inlines(node.kids, depth + 1);
  switch (token.type) {
    case 'text':
      return [{ type: 'text', text: token.content }];
    case 'softbreak':
      return [{ type: 'text', text: '\n' }];
    case 'hardbreak':
      return [{ type: 'break' }];
    case 'code_inline':
      return [{ type: 'code', text: token.content }];
    case 'html_inline':
      return [];
    case 'image':
      // Its alt text only: nothing loads, and no stray "!" is left.
      return inlines(treeOf(token.children ?? []), depth);
  }
  const mark = MARKS[token.type];
  const deep = depth >= MAX_BLOCK_DEPTH;
  if (mark && !deep) return [{ type: mark, content: inner() }];
  const href = String(token.attrGet('href') ?? '');
  if (token.type === 'link_open' && !deep && isBlockLink(href)) {
    return [{ type: 'link', href, content: inner() }];
  }
  // Strikethrough, a link too deep or refused: its text only.
  return inlines(node.kids, depth);
}

function inlines(nodes: Node[], depth: number): ArticleInline[] {
  return joined(nodes.flatMap((n) => inlineNode(n, depth)));
}

/** The inline content of a block's `inline` token. */
function contentOf(node: Node | undefined): ArticleInline[] {
  const inline = node?.kids.find((k) => k.token.type === 'inline');
  return inlines(treeOf(inline?.token.children ?? []), 0);
}

function cellsOf(row: Node | undefined): ArticleInline[][] {
  return (row?.kids ?? []).map((cell) => contentOf(cell));
}

function tableOf(node: Node): ArticleBlock {
  const part = (type: string) => node.kids.find((k) => k.token.type === type);
  const head = cellsOf(part('thead_open')?.kids[0]);
  const rows = (part('tbody_open')?.kids ?? []).map(cellsOf);
  return { type: 'table', head, rows };
}

function listOf(node: Node, depth: number): ArticleBlock[] {
  const items = node.kids.map((item) => blocksOf(item.kids, depth + 1));
  if (depth >= MAX_BLOCK_DEPTH) return items.flat();
  const ordered = node.token.type === 'ordered_list_open';
  const start = ordered ? Number(node.token.attrGet('start') ?? 1) : null;
  return [{ type: 'list', ordered, start, items }];
}

function blockOf(node: Node, depth: number): ArticleBlock[] {
  const { token } = node;
  switch (token.type) {
    case 'heading_open': {
      const level = Number(token.tag.slice(1));
      return [{ type: 'heading', level, content: contentOf(node) }];
    }
    case 'paragraph_open':
      return [{ type: 'paragraph', content: contentOf(node) }];
    case 'fence':
    case 'code_block': {
      const lang = token.info.trim().split(/\s+/)[0]?.slice(0, 40) || null;
      return [{ type: 'code', text: token.content, lang }];
    }
    case 'bullet_list_open':
    case 'ordered_list_open':
      return listOf(node, depth);
    case 'blockquote_open': {
      const blocks = blocksOf(node.kids, depth + 1);
      return depth >= MAX_BLOCK_DEPTH ? blocks : [{ type: 'quote', blocks }];
    }
    case 'table_open':
      return [tableOf(node)];
    case 'hr':
      return [{ type: 'rule' }];
    default:
      // html_block and anything unknown: dropped.
      return [];
  }
}

function blocksOf(nodes: Node[], depth: number): ArticleBlock[] {
  return nodes.flatMap((n) => blockOf(n, depth));
}

/** Turns article Markdown into checked blocks. */
export type ArticleBlockRenderer = (markdown: string) => ArticleBlock[];

const checked = z.array(articleBlockSchema);

/**
 * Creates the Markdown-to-blocks converter the HTTP API uses for
 * `GET /kb/articles/:id/blocks`.
 * @example createArticleBlocks()('# Title\n\nSee [help](https://x.test)')
 */
export function createArticleBlocks(): ArticleBlockRenderer {
  // html: true so raw HTML becomes its own tokens, which are dropped.
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.validateLink = isBlockLink;
  return (markdown) =>
    checked.parse(blocksOf(treeOf(md.parse(markdown, {})), 0));
}
