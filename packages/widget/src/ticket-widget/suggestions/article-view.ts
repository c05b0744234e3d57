/**
 * The article view, a chunk of its own (`ticket-widget-article-view.js`)
 * that the suggestions panel loads when the requester opens an article.
 * Blocks become Lit templates: every string lands in a text node or,
 * for a checked http(s) link, an `href` attribute; no markup is ever
 * parsed. Article headings sit below the article's title (h3), so
 * level 1 is an h4 and level 3 and deeper an h6.
 */
import type { html as litHtml, TemplateResult } from 'lit';
import { ARTICLE_TEXT } from '../i18n/article-text.js';
import type { Lang } from '../i18n/locale.js';
import type { ArticleView, Block, Inline } from './article-blocks.js';
import { adoptArticleStyles } from './article-styles.js';

export { articleOf } from './article-blocks.js';

type Html = typeof litHtml;
type Part = TemplateResult | string;

function inline(html: Html, runs: Inline[]): Part[] {
  return runs.map((r) => {
    switch (r.type) {
      case 'text':
        return r.text;
      case 'code':
        return html`<code>${r.text}</code>`;
      case 'break':
        return html`<br>`;
      case 'strong':
        return html`<strong>${inline(html, r.content)}</strong>`;
      case 'em':
        return html`<em>${inline(html, r.content)}</em>`;
      default:
        return html`<a href=${r.href} target="_blank"
          rel="noopener noreferrer nofollow">${inline(html, r.content)}</a>`;
    }
  });
}

function heading(html: Html, level: number, content: Part[]) {
  if (level === 1) return html`<h4>${content}</h4>`;
  if (level === 2) return html`<h5>${content}</h5>`;
  return html`<h6>${content}</h6>`;
}

function table(html: Html, head: Inline[][], rows: Inline[][][]) {
  const cell = (c: Inline[]) => html`<td>${inline(html, c)}</td>`;
  return html`<table><thead><tr>${head.map(
    (c) => html`<th scope="col">${inline(html, c)}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map(cell)}</tr>`,
  )}</tbody></table>`;
}

/** The templates of `blocks`, in order. */
export function blockParts(html: Html, blocks: Block[]): Part[] {
  return blocks.map((b) => {
    switch (b.type) {
      case 'heading':
        return heading(html, b.level, inline(html, b.content));
      case 'paragraph':
        return html`<p>${inline(html, b.content)}</p>`;
      case 'code':
        return html`<pre><code>${b.text}</code></pre>`;
      case 'quote':
        return html`<blockquote>${blockParts(html, b.blocks)}</blockquote>`;
      case 'rule':
        return html`<hr>`;
      case 'table':
        return table(html, b.head, b.rows);
      default: {
        const items = b.items.map(
          (item) => html`<li>${blockParts(html, item)}</li>`,
        );
        return b.ordered
          ? html`<ol start=${b.start ?? 1}>${items}</ol>`
          : html`<ul>${items}</ul>`;
      }
    }
  });
}

/** What the article section shows and what its buttons do. */
export interface ArticleSection {
  /** The suggestion's title, shown until the article is loaded. */
  title: string;
  article: ArticleView | null;
  failed: boolean;
  /** The widget's language, for its words and an article without one. */
  lang: Lang;
  /** "This solved it" and "I still need help", as the list words them. */
  words: { solved: string; needHelp: string };
  root: ShadowRoot | null;
  back(): void;
  solved(): void;
  needHelp(): void;
}

/**
 * One article in place of the suggestions: Back, its title (focused
 * when it opens), its blocks, "This solved it" and "I still need help".
 */
export function articleSection(html: Html, s: ArticleSection) {
  const { article: a, words } = s;
  const t = ARTICLE_TEXT[s.lang];
  adoptArticleStyles(s.root);
  const body = a
    ? html`<div class="article-body" part="article-body" dir="auto"
        lang=${a.locale || s.lang}>${blockParts(html, a.blocks)}</div>`
    : s.failed
      ? html`<p role="alert">${t.failed}</p>`
      : html`<p role="status">${t.loading}</p>`;
  return html`<section class="suggestions" part="suggestions article"
    aria-labelledby="article-title">
    <button type="button" part="button back-button"
      @click=${s.back}>${t.back}</button>
    <h3 id="article-title" tabindex="-1" dir="auto">${a?.title ?? s.title}</h3>
    ${body}
    <button type="button" part="button solved-button"
      @click=${s.solved}>${words.solved}</button>
    <button type="button" part="button need-help-button"
      @click=${s.needHelp}>${words.needHelp}</button>
  </section>`;
}
