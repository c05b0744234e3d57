/**
 * A ranked hit as the suggestion it offers: a published article with
 * its excerpt, or a resolution's code and masked text, under an opaque
 * id unless an agent asks.
 */
import type { Ticket } from '../schemas/ticket.js';
import type { Article } from './article.js';
import { excerptOf, type KbSuggestion, maskPersonalData } from './suggest.js';

/** An offerable resolution: its ticket and the id requesters see. */
export interface OfferedResolution {
  ticket: Ticket;
  opaque: string;
}

/**
 * The suggestion behind index id `id`: from `article` when it is one,
 * else from `resolution`; null when neither may be offered.
 */
export function suggestionOf(
  id: string,
  score: number,
  agent: boolean,
  article: Article | undefined,
  resolution: OfferedResolution | null,
): KbSuggestion | null {
  if (article) {
    const { title } = article;
    const excerpt = excerptOf(article.body);
    return {
      type: 'article',
      id,
      articleId: article.id,
      title,
      excerpt,
      score,
    };
  }
  const t = resolution?.ticket;
  if (!resolution || !t?.resolution) return null;
  const text = maskPersonalData(t.resolution.note);
  const { code } = t.resolution;
  if (agent) {
    return { type: 'resolution', id, ticketId: t.id, code, text, score };
  }
  // Requesters get an opaque id: no ticket id of someone else's ticket.
  return { type: 'resolution', id: resolution.opaque, code, text, score };
}
