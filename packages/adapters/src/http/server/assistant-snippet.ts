/**
 * The snippet the assistant shows under an offered article: plain text
 * of the article as the requester's view renders it (its text-only
 * blocks: raw HTML dropped, Markdown marks gone), never a cut through
 * markup.
 */
import {
  type ArticleBlock,
  type ArticleInline,
  stripDirectionControls,
} from '@ticketry/core';

function inlineText(items: readonly ArticleInline[]): string {
  return items
    .map((i) =>
      i.type === 'break'
        ? ' '
        : 'content' in i
          ? inlineText(i.content)
          : i.text,
    )
    .join('');
}

function blockText(b: ArticleBlock): string {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return inlineText(b.content);
    case 'list':
      return b.items.map((item) => item.map(blockText).join(' ')).join(' ');
    case 'quote':
      return b.blocks.map(blockText).join(' ');
    case 'table':
      return [b.head, ...b.rows]
        .map((row) => row.map(inlineText).join(' '))
        .join(' ');
    case 'code':
      return b.text;
    default:
      return '';
  }
}

/**
 * The first `max` characters of the blocks' text, spaces collapsed,
 * cut at a word with `…` when longer.
 *
 * @example
 * snippetOf(createArticleRenderer().blocks('# VPN\n\nStart the **client**.'));
 * // 'VPN Start the client.'
 */
export function snippetOf(blocks: readonly ArticleBlock[], max = 200): string {
  const joined = blocks.map(blockText).join(' ').replace(/\s+/g, ' ');
  // One line made of several blocks: a direction override in one would
  // turn the text after it around, so none is kept.
  const text = stripDirectionControls(joined).trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
