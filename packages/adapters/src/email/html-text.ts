import { Parser } from 'htmlparser2';

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'select',
  'textarea',
  'button',
]);

/** Elements that start and end a line of their own. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

/** Blocks set apart by an empty line. */
const GAPS = new Set([
  'p',
  'blockquote',
  'pre',
  'table',
  'ul',
  'ol',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
]);

/** Writes text line by line, quoting lines inside blockquotes. */
function createWriter() {
  let out = '';
  let atLineStart = true;
  let quoteDepth = 0;
  let preDepth = 0;
  return {
    get pre() {
      return preDepth > 0;
    },
    quote(delta: number) {
      quoteDepth = Math.max(0, quoteDepth + delta);
    },
    preformatted(delta: number) {
      preDepth = Math.max(0, preDepth + delta);
    },
    lineBreak() {
      out += '\n';
      atLineStart = true;
    },
    /** Ends the current line unless it is empty; `blank` leaves a gap. */
    endBlock(blank: boolean) {
      if (!out) return;
      const trailing = /\n*$/.exec(out)?.[0].length ?? 0;
      const wanted = blank ? 2 : 1;
      if (trailing < wanted) out += '\n'.repeat(wanted - trailing);
      atLineStart = true;
    },
    write(text: string) {
      if (!text) return;
      const parts = text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) this.lineBreak();
        if (!part) return;
        if (atLineStart) out += '> '.repeat(quoteDepth);
        atLineStart = false;
        out += part;
      });
    },
    result: () => out,
  };
}

/** Folds spaces, trims lines and keeps at most one empty line in a row. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trimEnd())
    .map((line) => line.replace(/^((?:> )*) +/, '$1'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Whether an element's own attributes hide it: the `hidden` attribute,
 * or an inline style with `display: none`, `visibility: hidden` /
 * `collapse` or Outlook's `mso-hide: all` (any case, spacing, comments
 * or `!important`). `aria-hidden` is not hiding: that content is on
 * screen, only kept from assistive technology, so it is text.
 */
export function hiddenByAttributes(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  const style = attribs.style;
  if (!style) return false;
  const rules = style
    .toLowerCase()
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, '')
    .split(';');
  return rules.some((rule) =>
    /^(display:none|visibility:(hidden|collapse)|mso-hide:all)(!important)?$/.test(
      rule,
    ),
  );
}

const linkable = (href: string | undefined): string | null =>
  href && /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;

/**
 * Reduces an HTML body to plain text with a real HTML parser: scripts,
 * styles and hidden elements ({@link hiddenByAttributes}) are dropped
 * with everything inside them, blocks become lines,
 * list items get a dash, blockquotes are quoted with `> ` (so quoted
 * history can be trimmed like plain text), and web links are kept in
 * brackets after their text. Entities are decoded; no markup is kept.
 *
 * @example
 * htmlToText('<p>Hi <b>there</b></p><script>x()</script>'); // 'Hi there'
 */
export function htmlToText(html: string): string {
  const w = createWriter();
  let hidden = 0;
  // One entry per open element: whether it hid its content.
  const hiding: boolean[] = [];
  const links: { href: string | null; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const hides = HIDDEN.has(name) || hiddenByAttributes(attribs);
        hiding.push(hides);
        if (hides) hidden++;
        if (hidden) return;
        if (name === 'br') w.lineBreak();
        if (BLOCKS.has(name)) w.endBlock(GAPS.has(name));
        if (name === 'blockquote') w.quote(1);
        if (name === 'pre') w.preformatted(1);
        if (name === 'li') w.write('- ');
        if (name === 'td' || name === 'th') w.write(' ');
        if (name === 'a')
          links.push({ href: linkable(attribs.href), text: '' });
      },
      ontext(data) {
        if (hidden) return;
        const text = w.pre ? data : data.replace(/\s+/g, ' ');
        const link = links[links.length - 1];
        if (link) link.text += text;
        w.write(text);
      },
      onclosetag(name) {
        if (hiding.pop()) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden) return;
        if (name === 'a') {
          const link = links.pop();
          if (
            link?.href &&
            !link.text.includes(link.href.replace(/^mailto:/i, ''))
          ) {
            w.write(` (${link.href})`);
          }
        }
        if (name === 'blockquote') w.quote(-1);
        if (name === 'pre') w.preformatted(-1);
        if (BLOCKS.has(name)) w.endBlock(GAPS.has(name));
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return tidy(w.result());
}
