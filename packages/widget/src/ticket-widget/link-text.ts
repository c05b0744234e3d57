import type { TemplateResult } from 'lit';
import { html } from 'lit';

/**
 * Web addresses in text: `http://` or `https://` not inside another
 * address or scheme (`blob:https://…` stays text), up to white space,
 * quotes, angle brackets or a bidirectional control (which could make
 * the visible address differ from the real one).
 */
const WEB_ADDRESS =
  /(?<![\w:/.+-])https?:\/\/[^\s<>"'`\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gi;

/** Punctuation that may end a sentence rather than the address. */
const TRAILING = '.,;:!?\'")]}';

/**
 * Drops sentence punctuation; keeps a `)` that closes a `(` inside. The
 * address never runs out: its `//` is not punctuation.
 */
function trimAddress(text: string): string {
  for (;;) {
    const last = text.at(-1)!;
    const closes =
      last === ')' && text.split('(').length >= text.split(')').length;
    if (!TRAILING.includes(last) || closes) return text;
    text = text.slice(0, -1);
  }
}

/** The address as a URL when it is one and its scheme is http(s). */
export function safeWebUrl(text: string): URL | null {
  const url = URL.canParse(text) ? new URL(text) : null;
  return url?.protocol === 'http:' || url?.protocol === 'https:' ? url : null;
}

/**
 * Ticket text for a template: the text as text, with each `http:` or
 * `https:` address made a link that opens in a new tab without an opener
 * or referrer. Any other scheme (`javascript:`, `data:`, `vbscript:`, …)
 * stays plain text, and nothing in the text becomes markup.
 *
 * @example
 * html`<p>${linkText(message.body)}</p>`
 */
export function linkText(text: string): (string | TemplateResult)[] {
  const out: (string | TemplateResult)[] = [];
  let from = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const found = trimAddress(match[0]);
    const url = safeWebUrl(found);
    if (!url) continue;
    out.push(
      text.slice(from, match.index),
      html`<a href=${url.href} part="link" target="_blank"
        rel="noopener noreferrer nofollow ugc">${found}</a>`,
    );
    from = match.index + found.length;
  }
  out.push(text.slice(from));
  return out;
}
