/**
 * Drafts from tickets: one article per resolved ticket. Asking again
 * answers the article already drafted from it (whatever its status
 * now), so a double click or a retry never makes a second draft.
 */
import { sha256Hex } from '../audit/sha256.js';
import { TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import type { ArticleInput } from './article.js';
import type { StoredArticle } from './articles.js';
import { isRealResolution } from './resolutions.js';
import { maskPersonalData } from './suggest.js';

/** What drafting needs from the knowledge base. */
export interface DraftDeps {
  list(): Promise<StoredArticle[]>;
  get(id: string): Promise<StoredArticle | null>;
  put(
    input: Omit<ArticleInput, 'id'> & { id?: string },
    expectedVersion: number,
    by: Actor,
  ): Promise<StoredArticle>;
}

/** A drafted article, and whether this call made it. */
export type DraftResult = StoredArticle & { created: boolean };

/**
 * The article drafted from `t`, made now or found from before. A note
 * without real text (a bare "Imported", "Fixed") is refused with
 * KB_NO_RESOLUTION_TEXT, as suggestions never offer it; e-mail
 * addresses and phone numbers are masked as suggestions mask them.
 */
export async function draftArticle(
  t: Ticket,
  by: Actor,
  deps: DraftDeps,
): Promise<DraftResult> {
  if (!t.resolution) {
    throw new TicketryError(
      'KB_NO_RESOLUTION',
      `ticket ${t.ref} has no resolution to draft from`,
      { details: { ticketId: t.id } },
    );
  }
  if (!isRealResolution(t.resolution.note)) {
    throw new TicketryError(
      'KB_NO_RESOLUTION_TEXT',
      `ticket ${t.ref} has no resolution text to draft from`,
      { details: { ticketId: t.id } },
    );
  }
  const earlier = (await deps.list()).find(
    (s) => s.article.sourceTicketId === t.id,
  );
  if (earlier) return { ...earlier, created: false };
  // One id per ticket: of two concurrent calls, the second one conflicts.
  const id = `draft-${(await sha256Hex(`draft:${t.id}`)).slice(0, 24)}`;
  const body = [t.description.trim(), '## Resolution', t.resolution.note].map(
    maskPersonalData,
  );
  try {
    const stored = await deps.put(
      {
        id,
        title: maskPersonalData(t.subject),
        body: body.filter(Boolean).join('\n\n'),
        category: t.category,
        tags: t.tags,
        status: 'draft',
        sourceTicketId: t.id,
      },
      0,
      by,
    );
    return { ...stored, created: true };
  } catch (e) {
    const taken = e instanceof TicketryError && e.code === 'ALREADY_EXISTS';
    const made = taken ? await deps.get(id) : null;
    if (!made) throw e;
    return { ...made, created: false };
  }
}
