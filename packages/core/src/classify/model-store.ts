/**
 * The classifier's model and suggestions as store records, so every
 * process of a desk reads the same model and an agent's screen can
 * show why a ticket was (or was not) classified.
 */
import { z } from 'zod';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';
import {
  type TextClassifier,
  textClassifierFromJSON,
} from './text-classifier.js';

/** The record kind of trained models; the key names the model. */
export const MODEL_KIND = 'classify.model';
/** The record kind of suggestions; the key is the ticket id. */
export const SUGGESTION_KIND = 'classify.suggestion';

/** Where a model or suggestion is kept: a store and a site. */
export interface RecordPlace {
  store: TicketStore;
  siteId: string;
  clock: { now(): Date };
}

/** Saves a model, replacing the one stored under `key`. */
export async function saveModel(
  place: RecordPlace,
  model: TextClassifier,
  key = 'default',
): Promise<void> {
  const { store, siteId } = place;
  const current = await store.getRecord(siteId, MODEL_KIND, key);
  await store.putRecord({
    siteId,
    kind: MODEL_KIND,
    key,
    value: model.toJSON(),
    expectedVersion: current?.version ?? 0,
    at: place.clock.now().toISOString(),
  });
}

/** The model stored under `key`, or null when none was saved. */
export async function loadModel(
  place: Omit<RecordPlace, 'clock'>,
  key = 'default',
): Promise<TextClassifier | null> {
  const found = await place.store.getRecord(place.siteId, MODEL_KIND, key);
  return found ? textClassifierFromJSON(found.value) : null;
}

/** What the classifier proposed for a ticket, applied or not. */
export const suggestionSchema = z.object({
  ticketId: z.string(),
  /** The model's best label, or null without a model. */
  category: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  /** The three best labels with their probabilities. */
  labels: z.array(z.object({ label: z.string(), confidence: z.number() })),
  /** Rules that matched, and why. */
  rules: z.array(
    z.object({ ruleId: z.string(), because: z.array(z.string()) }),
  ),
  threshold: z.number(),
  /** True when the desk triaged the ticket itself. */
  applied: z.boolean(),
  reason: z.string(),
  at: z.string(),
});

export type Suggestion = z.infer<typeof suggestionSchema>;

/** Keeps a ticket's suggestion (one per ticket, the latest wins). */
export async function putSuggestion(
  place: RecordPlace,
  s: Suggestion,
): Promise<void> {
  const { store, siteId } = place;
  const current = await store.getRecord(siteId, SUGGESTION_KIND, s.ticketId);
  await store.putRecord({
    siteId,
    kind: SUGGESTION_KIND,
    key: s.ticketId,
    value: s,
    expectedVersion: current?.version ?? 0,
    at: s.at,
  });
}

/** A ticket's suggestion, or null when none was made. */
export async function readSuggestion(
  place: Omit<RecordPlace, 'clock'>,
  ticketId: string,
): Promise<Suggestion | null> {
  const found = await place.store.getRecord(
    place.siteId,
    SUGGESTION_KIND,
    ticketId,
  );
  return found ? suggestionSchema.parse(found.value) : null;
}

/** The text the classifier reads of a ticket. */
export const ticketText = (t: Pick<Ticket, 'subject' | 'description'>) =>
  `${t.subject}\n${t.description}`;

/**
 * Labelled texts from a store's resolved and closed tickets that have
 * a category, oldest pages last; at most `limit`.
 */
export async function resolvedExamples(
  place: Omit<RecordPlace, 'clock'>,
  limit = 20_000,
  accept: (ticket: Ticket) => boolean = () => true,
): Promise<{ text: string; label: string }[]> {
  const out: { text: string; label: string }[] = [];
  let cursor: string | null = null;
  do {
    const page = await place.store.listTickets(place.siteId, {
      status: ['resolved', 'closed'],
      limit: 500,
      cursor,
    });
    for (const t of page.items) {
      if (t.category && accept(t))
        out.push({ text: ticketText(t), label: t.category });
    }
    cursor = page.nextCursor;
  } while (cursor && out.length < limit);
  return out.slice(0, limit);
}
