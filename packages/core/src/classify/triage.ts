import { z } from 'zod';
import type { DeskCore } from '../desk/desk-types.js';
import { TicketryError, validationError } from '../errors.js';
import type { Level } from '../schemas/common.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  loadModel,
  putSuggestion,
  readSuggestion,
  resolvedExamples,
  type Suggestion,
  saveModel,
  ticketText,
} from './model-store.js';
import {
  applyRules,
  type ClassifyRule,
  type ClassifyRuleInput,
  classifyRulesSchema,
} from './rules.js';
import {
  type Classification,
  createTextClassifier,
  type LabelledText,
  type TextClassifier,
  type TextClassifierOptions,
} from './text-classifier.js';
import {
  type RetrainOptions,
  retrainOptionsSchema,
  trainingSet,
} from './training-set.js';
import { applyDecision, type Decision } from './triage-apply.js';

/** Options of {@link createTriage}. */
export interface TriageOptions {
  /** Rules run before the model; their fields always apply. @default [] */
  rules?: ClassifyRuleInput[];
  /** The model; `createTriage` loads the stored one when absent. */
  model?: TextClassifier;
  /** Confidence from which the model's category is applied. @default 0.8 */
  threshold?: number;
  /** Impact and urgency of an automatic triage that sets neither. @default medium */
  defaultLevel?: Level;
  /** Fold each resolved ticket's category into the model. @default true */
  learnOnResolve?: boolean;
  /** Save the model after this many learned tickets. @default 25 */
  saveEvery?: number;
  /** Settings of a model trained by `retrain`. */
  modelOptions?: TextClassifierOptions;
  /** The record key of the model. @default 'default' */
  modelKey?: string;
  /**
   * Examples `retrain` always learns from besides the desk's tickets
   * (the corpus the first model was trained on). @default none
   */
  baseExamples?: () => readonly LabelledText[];
  /**
   * Which resolved tickets the model may learn from, on resolve and in
   * `retrain`; for instance not imported history: `(t) => !t.externalId`.
   * @default every ticket with a category
   */
  learnsFrom?: (ticket: Ticket) => boolean;
  /** Told about failures of the background work; silent by default. */
  onError?: (error: unknown, ticketId: string) => void;
}

const optionsSchema = z.object({
  threshold: z.number().min(0).max(1).default(0.8),
  defaultLevel: z.enum(['high', 'medium', 'low']).default('medium'),
  learnOnResolve: z.boolean().default(true),
  saveEvery: z.number().int().min(1).default(25),
  modelKey: z.string().min(1).max(200).default('default'),
});

/** What `retrain` did. */
export interface RetrainResult {
  examples: number;
  labels: string[];
  ms: number;
  /** Desk tickets trained on, skipped for too little text, base examples. */
  fromDesk: number;
  skipped: number;
  fromBase: number;
}

/**
 * Classifies each submitted ticket: rules first, then the text model.
 * Rule fields and a model category at or above `threshold` are applied
 * by the system actor (triage and update, the reason on the event's
 * data); below it, the category is kept as a suggestion an agent reads
 * with `getSuggestion`.
 *
 * @example
 * const triage = await createTriage(desk, { rules, threshold: 0.8 });
 * await triage.retrain(); // from the desk's resolved tickets
 * // … desk.submit(…) …
 * await triage.idle();
 * await triage.getSuggestion(ticket.id);
 */
export async function createTriage(
  desk: { core: DeskCore },
  options: TriageOptions = {},
) {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success)
    throw validationError('triage options', parsed.error.issues);
  const settings = parsed.data;
  const rulesParsed = classifyRulesSchema.safeParse(options.rules ?? []);
  if (!rulesParsed.success)
    throw validationError('rules', rulesParsed.error.issues);
  let rules: ClassifyRule[] = rulesParsed.data;
  const core = desk.core;
  const place = { store: core.store, siteId: core.siteId, clock: core.clock };
  let model: TextClassifier =
    options.model ??
    (await loadModel(place, settings.modelKey)) ??
    createTextClassifier(options.modelOptions);
  const pending = new Set<Promise<void>>();
  let learned = 0;

  const track = (ticketId: string, work: Promise<void>) => {
    const p = work.catch((e) => options.onError?.(e, ticketId));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  async function decide(t: Ticket): Promise<Decision> {
    const requester = await core.store.getRequester(core.siteId, t.requesterId);
    const outcome = applyRules(rules, t, { requesterEmail: requester?.email });
    const c: Classification = model.classify(ticketText(t));
    return { ticket: t, outcome, classification: c, ...settings };
  }

  async function onSubmitted(t: Ticket) {
    const suggestion: Suggestion = await applyDecision(core, await decide(t));
    await putSuggestion(place, suggestion);
  }

  const learnsFrom = options.learnsFrom ?? (() => true);

  async function onResolved(t: Ticket) {
    if (!t.category || !learnsFrom(t)) return;
    model.learn(ticketText(t), t.category);
    learned += 1;
    if (learned % settings.saveEvery === 0) {
      await saveModel(place, model, settings.modelKey);
    }
  }

  const listener = (event: AuditEvent, t: Ticket) => {
    if (event.type === 'ticket.submitted') track(t.id, onSubmitted(t));
    if (event.type === 'ticket.resolved' && settings.learnOnResolve) {
      track(t.id, onResolved(t));
    }
  };
  const unsubscribe = core.subscribe(listener);

  return {
    /** The model in use. */
    get model(): TextClassifier {
      return model;
    },
    /** The confidence from which the model's category is applied. */
    threshold: settings.threshold,
    /** The rules in use. */
    get rules(): readonly ClassifyRule[] {
      return rules;
    },
    /** Replaces the rules (checked first). */
    setRules(input: ClassifyRuleInput[]): void {
      const next = classifyRulesSchema.safeParse(input);
      if (!next.success) throw validationError('rules', next.error.issues);
      rules = next.data;
    },
    /** The model's labels and probabilities for a text. */
    classify: (text: string): Classification => model.classify(text),
    /** What was proposed for a ticket, or null (NOT_FOUND-free). */
    getSuggestion: (ticketId: string) => readSuggestion(place, ticketId),
    /**
     * Trains a new model on the store's resolved and closed tickets
     * with a category and real text (training-set.ts: enough words,
     * not a repeated template), plus `baseExamples`; saves it and
     * uses it from now on. Gives the event loop a turn while it fits.
     */
    async retrain(input: RetrainOptions = {}): Promise<RetrainResult> {
      const parsedInput = retrainOptionsSchema.safeParse(input);
      if (!parsedInput.success) {
        throw validationError('retrain options', parsedInput.error.issues);
      }
      const opts = parsedInput.data;
      const started = performance.now();
      const base =
        opts.includeBase === false ? [] : (options.baseExamples?.() ?? []);
      const set = trainingSet(
        await resolvedExamples(place, 20_000, learnsFrom),
        base,
        opts,
      );
      if (set.examples.length === 0) {
        throw new TicketryError(
          'VALIDATION_FAILED',
          'no resolved ticket with a category and enough text to train on',
          { details: { skipped: set.skipped } },
        );
      }
      const next = createTextClassifier(options.modelOptions);
      await next.trainAsync(set.examples);
      await saveModel(place, next, settings.modelKey);
      model = next;
      const ms = performance.now() - started;
      const { fromDesk, skipped, fromBase } = set;
      const labels = [...next.labels];
      return {
        examples: set.examples.length,
        labels,
        ms,
        fromDesk,
        skipped,
        fromBase,
      };
    },
    /** Saves the model as it is now. */
    save: () => saveModel(place, model, settings.modelKey),
    /** Resolves when every ticket seen so far has been handled. */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    /** Stops listening to the desk. */
    stop: (): void => {
      unsubscribe();
    },
  };
}

/** A triage made by {@link createTriage}. */
export type Triage = Awaited<ReturnType<typeof createTriage>>;
