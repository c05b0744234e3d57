/**
 * Suggested answers: published articles and the public resolutions of
 * similar resolved tickets, ranked together. A resolution carries only
 * its text and code (e-mail addresses and phone numbers masked), never
 * the ticket's requester, description or internal notes.
 */
import { z } from 'zod';
import { stripDirectionControls } from '../public/text.js';
import type { Ticket } from '../schemas/ticket.js';
import type { Article } from './article.js';
import type { IndexDocument } from './bm25.js';

/** What the requester has typed so far. */
export const suggestQuerySchema = z.object({
  subject: z.string().max(500).default(''),
  description: z.string().max(20_000).default(''),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/)
    .optional(),
});

export type SuggestQuery = z.input<typeof suggestQuerySchema>;

/** One suggestion: an article, or a resolved ticket's public answer. */
export type KbSuggestion =
  | {
      type: 'article';
      /** `article:<id>`: what a deflection or the ticket names. */
      id: string;
      articleId: string;
      title: string;
      excerpt: string;
      score: number;
    }
  | {
      type: 'resolution';
      /** `resolution:<ticket id>` for agents, an opaque hash for others. */
      id: string;
      /** Only for agents' suggestions. */
      ticketId?: string;
      code: string;
      text: string;
      score: number;
    };

export const articleDocId = (id: string) => `article:${id}`;
export const ticketDocId = (id: string) => `resolution:${id}`;

/** The index entry of an article. */
export function articleDocument(a: Article): IndexDocument {
  return {
    id: articleDocId(a.id),
    locale: a.locale,
    title: a.title,
    tags: [...a.tags, ...(a.category ? [a.category] : [])],
    body: a.body,
  };
}

/** Whether a ticket's resolution may be suggested. */
export function isSuggestable(t: Ticket): boolean {
  return (
    (t.status === 'resolved' || t.status === 'closed') &&
    t.resolution !== null &&
    t.mergedInto === null
  );
}

/** The index entry of a resolved ticket: matched by what it was about. */
export function ticketDocument(t: Ticket): IndexDocument {
  return {
    id: ticketDocId(t.id),
    title: t.subject,
    tags: [...t.tags, ...(t.category ? [t.category] : [])],
    body: `${t.description}\n${t.resolution?.note ?? ''}`,
  };
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const PHONE = /\+?\d[\d ()./-]{7,}\d/g;

/** Masks e-mail addresses and phone numbers in a public text. */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, '[e-mail]').replace(PHONE, '[phone]');
}

// An address may hold parentheses, nested two deep: `(javascript:a(b(1)))`.
const PARENS = String.raw`\((?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*\)`;
/** A link or an image: shown as its text, whatever its address. */
const LINK = new RegExp(String.raw`!?\[([^\]]*)\]` + PARENS, 'g');

/** The first characters of an article's text, Markdown marks dropped. */
export function excerptOf(markdown: string, max = 200): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    // Whole tags first: dropping `>` alone left half tags ("<b x</b").
    .replace(/<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->/g, ' ')
    .replace(LINK, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // One line made of several paragraphs: a direction override in one
  // would turn the text after it around, so none is kept.
  const line = stripDirectionControls(plain);
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
