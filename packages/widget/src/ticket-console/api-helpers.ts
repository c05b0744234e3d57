/** Small pieces of the console's API client: queries and suggestions. */
import type { KbSuggestion } from './api-types.js';

/** `query` as a URL query string, empty values left out. */
export function queryString(query: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** The suggestions of a checked answer, each of a kind the console shows. */
export function suggestionsOf(items: Record<string, string | undefined>[]) {
  const out: KbSuggestion[] = [];
  for (const { id = '', ...i } of items) {
    if (i.type === 'article') {
      const { articleId = '', title = '', excerpt = '' } = i;
      out.push({ type: 'article', id, articleId, title, excerpt });
    } else if (i.type === 'resolution') {
      const { ticketId = null, code = '', text = '' } = i;
      out.push({ type: 'resolution', id, ticketId, code, text });
    }
  }
  return out;
}
