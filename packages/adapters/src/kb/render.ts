/**
 * Knowledge base articles to safe HTML with markdown-it: raw HTML is
 * never passed through (it is shown as text), an image shows as its alt
 * text (nothing is loaded), and a
 * link survives only when it is http, https or mailto; every link gets
 * `rel="nofollow noopener noreferrer"`.
 */
import MarkdownIt from 'markdown-it';
import { type ArticleBlockRenderer, createArticleBlocks } from './blocks.js';

/** The URL schemes a rendered link may use. */
export const ALLOWED_LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/** Whether a link target is absolute and uses an allowed scheme. */
export function isAllowedLink(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1];
  return (
    scheme !== undefined &&
    (ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme.toLowerCase())
  );
}

/** Turns article Markdown into HTML, and into blocks. */
export interface ArticleRenderer {
  render(markdown: string): string;
  /** The same article as text-only blocks (see blocks.ts). */
  blocks: ArticleBlockRenderer;
}

/**
 * Creates the renderer the HTTP API uses for `GET /kb/articles/:id`
 * (`render`) and `GET /kb/articles/:id/blocks` (`blocks`).
 * @example createArticleRenderer().render('See [help](https://x.test)')
 */
export function createArticleRenderer(): ArticleRenderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isAllowedLink;
  // An image is its alt text: nothing loads, and no stray "!" is left.
  md.renderer.rules.image = (tokens, idx, options, env, self) =>
    md.utils.escapeHtml(
      self.renderInlineAsText(tokens[idx]?.children ?? [], options, env),
    );
  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]?.attrSet('rel', 'nofollow noopener noreferrer');
    return linkOpen
      ? linkOpen(tokens, idx, options, env, self)
      : self.renderToken(tokens, idx, options);
  };
  return {
    render: (markdown) => md.render(markdown),
    blocks: createArticleBlocks(),
  };
}
