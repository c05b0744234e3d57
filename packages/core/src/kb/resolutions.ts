/**
 * The resolved tickets a knowledge base may suggest from, and the rule
 * that keeps empty answers out: a resolution note is offered only when
 * it says something (a few words, not a bare "Imported", "Fixed" or
 * "n/a") and is not a template (the same note on many tickets, as
 * imports and canned closures write it). Only the public resolution
 * note is ever shown; internal notes are never read here.
 */
import { sha256Hex } from '../audit/sha256.js';
import type { Ticket } from '../schemas/ticket.js';
import { ticketDocId } from './suggest.js';

/** Words a resolution note needs before it is offered. */
export const MIN_RESOLUTION_WORDS = 3;

/** Tickets sharing one note before that note counts as a template. */
export const TEMPLATE_REPEATS = 5;

const WORD = /\p{L}{2,}/gu;

/** Whether a resolution note has enough words to help anyone. */
export function isRealResolution(note: string): boolean {
  return (note.match(WORD)?.length ?? 0) >= MIN_RESOLUTION_WORDS;
}

/** A note as templates repeat it: case, spacing and numbers ignored. */
export function noteKey(note: string): string {
  return note.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

interface Entry {
  ticket: Ticket;
  key: string;
  opaque: string;
}

/**
 * The resolved tickets of one site, by index id (`resolution:<id>`),
 * with how often each note recurs and the opaque ids requesters see.
 */
export function createResolutionSet(siteId: string, repeats: number) {
  const entries = new Map<string, Entry>();
  const byOpaque = new Map<string, string>();
  const counts = new Map<string, number>();

  const count = (key: string, by: number) => {
    const n = (counts.get(key) ?? 0) + by;
    if (n > 0) counts.set(key, n);
    else counts.delete(key);
  };

  /** Forgets a ticket; true when it was kept. */
  function remove(docId: string): boolean {
    const e = entries.get(docId);
    if (!e) return false;
    entries.delete(docId);
    byOpaque.delete(e.opaque);
    count(e.key, -1);
    return true;
  }

  /** Keeps a resolved ticket whose note has real text; false otherwise. */
  async function add(t: Ticket): Promise<boolean> {
    const docId = ticketDocId(t.id);
    remove(docId);
    if (!t.resolution || !isRealResolution(t.resolution.note)) return false;
    const hash = await sha256Hex(`kb:${siteId}:${t.id}`);
    const opaque = `resolution:${hash.slice(0, 20)}`;
    const key = noteKey(t.resolution.note);
    entries.set(docId, { ticket: t, key, opaque });
    byOpaque.set(opaque, docId);
    count(key, 1);
    return true;
  }

  /** The ticket behind an id, if its note may be offered now. */
  function offerable(docId: string): Entry | null {
    const e = entries.get(docId);
    return e && (counts.get(e.key) ?? 0) < repeats ? e : null;
  }

  /** The index id behind an agent's or a requester's suggestion id. */
  const resolve = (id: string) => (entries.has(id) ? id : byOpaque.get(id));

  return { add, remove, offerable, resolve };
}
