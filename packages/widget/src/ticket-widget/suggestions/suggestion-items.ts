/**
 * The widget's own check of `POST /kb/suggest` answers (no zod in the
 * widget): an item that does not fit is dropped, never shown.
 */

/** One suggestion as the panel shows it: plain text only. */
export interface SuggestionItem {
  /** `article:…` or the opaque id of a resolution. */
  id: string;
  type: 'article' | 'resolution';
  /** The article's title; empty for a resolution (the panel names it). */
  title: string;
  /** The article's excerpt or the resolution's public text. */
  text: string;
  /** The article to open in the panel; absent for a resolution. */
  articleId?: string;
}

/** The most suggestions shown at once. */
export const MAX_ITEMS = 3;

const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length <= max;

/** An article id, as `idSchema` of `@ticketry/core` allows it. */
const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

function itemOf(raw: unknown): SuggestionItem | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isText(r.id, 200) || !r.id) return null;
  if (r.type === 'article' && isText(r.title, 500) && isText(r.excerpt, 5000)) {
    const item: SuggestionItem = {
      id: r.id,
      type: 'article',
      title: r.title,
      text: r.excerpt,
    };
    const { articleId } = r;
    if (typeof articleId === 'string' && ARTICLE_ID.test(articleId)) {
      item.articleId = articleId;
    }
    return item;
  }
  if (r.type === 'resolution' && isText(r.text, 20_000) && r.text) {
    return { id: r.id, type: 'resolution', title: '', text: r.text };
  }
  return null;
}

/** The first three well-formed items of an answer, best first. */
export function suggestionsOf(body: unknown): SuggestionItem[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const out: SuggestionItem[] = [];
  for (const raw of items) {
    const item = itemOf(raw);
    if (item) out.push(item);
    if (out.length === MAX_ITEMS) break;
  }
  return out;
}

/** Whether `text` holds at least `n` words. */
export function hasWords(text: string, n: number): boolean {
  return text.trim().split(/\s+/u).filter(Boolean).length >= n;
}
