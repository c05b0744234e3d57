/**
 * The server's answer to `POST /assistant/messages`, checked by hand:
 * this chunk carries no zod (the main file has it, and sharing it would
 * make a shared chunk). Anything unexpected is dropped, and a link
 * survives only with an http or https address.
 */

/** One reply the panel shows. */
export type Reply =
  | { type: 'text'; text: string }
  | { type: 'link'; text: string; label: string; href: string }
  | {
      type: 'choices';
      text: string;
      choices: { label: string; value: string }[];
    }
  | {
      type: 'articles';
      text: string;
      articles: { title: string; snippet?: string }[];
    }
  | {
      type: 'ticket';
      text: string;
      ticket: { id: string; ref: string; accessToken?: string };
    };

/** A checked answer. */
export interface Answer {
  conversationId: string;
  replies: Reply[];
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null;
const str = (v: unknown, max = 4000): v is string =>
  typeof v === 'string' && v.length <= max;

/** The address when it is http or https, else null. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.href
      : null;
  } catch {
    return null;
  }
}

function choiceList(v: unknown) {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (c): c is Loose => isObject(c) && str(c.label, 200) && str(c.value, 200),
    )
    .slice(0, 12)
    .map((c) => ({ label: c.label as string, value: c.value as string }));
}

function articleList(v: unknown) {
  if (!Array.isArray(v)) return [];
  return v
    .filter((a): a is Loose => isObject(a) && str(a.title, 300))
    .slice(0, 3)
    .map((a) => ({
      title: a.title as string,
      ...(str(a.snippet, 500) && { snippet: a.snippet }),
    }));
}

function ticketOf(v: unknown) {
  if (!isObject(v) || !str(v.id, 200) || !str(v.ref, 200)) return null;
  return {
    id: v.id,
    ref: v.ref,
    ...(str(v.accessToken, 500) && { accessToken: v.accessToken }),
  };
}

/** One reply, or null when it is not one the panel knows. */
export function replyOf(v: unknown): Reply | null {
  if (!isObject(v) || !str(v.text)) return null;
  const text = v.text;
  switch (v.type) {
    case 'text':
      return { type: 'text', text };
    case 'link': {
      const href = str(v.href, 2000) ? safeHref(v.href) : null;
      if (!href || !str(v.label, 200)) return { type: 'text', text };
      return { type: 'link', text, label: v.label, href };
    }
    case 'choices':
      return { type: 'choices', text, choices: choiceList(v.choices) };
    case 'articles':
      return { type: 'articles', text, articles: articleList(v.articles) };
    case 'ticket': {
      const ticket = ticketOf(v.ticket);
      return ticket ? { type: 'ticket', text, ticket } : { type: 'text', text };
    }
    default:
      return null;
  }
}

/** The answer, or null when it is not one. */
export function answerOf(v: unknown): Answer | null {
  if (!isObject(v) || !str(v.conversationId, 100) || !Array.isArray(v.replies))
    return null;
  const replies = v.replies.map(replyOf).filter((r): r is Reply => r !== null);
  return { conversationId: v.conversationId, replies };
}

/**
 * Words between the quotation marks of the server's catalogs (“…”,
 * „…“, «…», 「…」), on one line: where a reply quotes the requester.
 */
const QUOTED = /([“„«「])([^\n]*)[”“»」]/g;

/**
 * `text` cut around what it quotes: even indices are the reply's own
 * words, odd ones the quoted words, which the panel isolates in a
 * `<bdi>` so a direction override in them stops at the closing mark.
 */
export function quoteParts(text: string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const m of text.matchAll(QUOTED)) {
    const start = m.index + (m[1]?.length ?? 0);
    const quoted = m[2] ?? '';
    parts.push(text.slice(at, start), quoted);
    at = start + quoted.length;
  }
  parts.push(text.slice(at));
  return parts;
}
