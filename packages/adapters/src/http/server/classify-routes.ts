import {
  LIMITS,
  retrainOptionsSchema,
  suggestionSchema,
  TicketryError,
  type Triage,
} from '@ticketry/core';
import { z } from 'zod';
import { requireAgent, requireSupervisor } from './auth.js';
import { parseWith, readBytes, readJson } from './body.js';
import { json, notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** What the classifier's tokenizer reads as (part of) a word. */
const HAS_WORD = /[\p{L}\p{N}]/u;

const classifyBodySchema = z
  .strictObject({
    /** Free text; or a subject and a description, read together. */
    text: z.string().max(LIMITS.body).optional(),
    subject: z.string().max(LIMITS.subject).optional(),
    description: z.string().max(LIMITS.body).optional(),
  })
  .refine((b) => b.text || b.subject || b.description, {
    message: 'send text, or a subject and a description',
    path: ['text'],
  })
  .refine((b) => b.text === undefined || (!b.subject && !b.description), {
    message: 'send text, or a subject and a description, not both',
    path: ['text'],
  })
  .superRefine((b, ctx) => {
    if (!(b.text || b.subject || b.description)) return;
    const text = b.text ?? `${b.subject ?? ''} ${b.description ?? ''}`;
    // The model reads runs of letters and digits; without one it would
    // answer its prior alone, which looks like a real category.
    if (!HAS_WORD.test(text)) {
      ctx.addIssue({
        code: 'custom',
        path: [b.text === undefined ? 'description' : 'text'],
        message:
          'the text has no words to classify: send some letters or digits',
      });
    }
  });

const classificationSchema = z.object({
  label: z.string().nullable(),
  confidence: z.number(),
  labels: z.array(z.object({ label: z.string(), confidence: z.number() })),
  /** The confidence from which the desk applies a category itself. */
  threshold: z.number(),
});

const retrainSchema = z.object({
  examples: z.number().int(),
  labels: z.array(z.string()),
  ms: z.number(),
  /** Desk tickets trained on, skipped for too little text, base examples. */
  fromDesk: z.number().int(),
  skipped: z.number().int(),
  fromBase: z.number().int(),
});

function serviceOf(ctx: RouteContext): Triage {
  const classifier = ctx.services.classifier;
  if (!classifier) {
    throw new TicketryError(
      'NOT_FOUND',
      'classification is not configured here',
    );
  }
  return classifier;
}

async function getSuggestion(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const id = ctx.params.id!;
  const classifier = serviceOf(ctx);
  if (!(await ctx.desk.get(id))) throw notFound(id);
  const suggestion = await classifier.getSuggestion(id);
  if (!suggestion) {
    throw new TicketryError('NOT_FOUND', `no suggestion for ticket ${id}`, {
      details: { ticketId: id },
    });
  }
  return json(suggestion);
}

async function classify(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  const classifier = serviceOf(ctx);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const b = parseWith(classifyBodySchema, raw, 'classify request');
  const text = b.text ?? `${b.subject ?? ''}\n${b.description ?? ''}`;
  return json({
    ...classifier.classify(text),
    threshold: classifier.threshold,
  });
}

async function retrain(ctx: RouteContext): Promise<Response> {
  await requireSupervisor(ctx.desk, ctx.request);
  const classifier = serviceOf(ctx);
  // `{}` or the documented options, as JSON; no body at all counts as
  // `{}` (a bare POST), anything else must be valid JSON of that shape.
  const typed = ctx.request.headers.get('content-type') !== null;
  let raw: unknown = {};
  if (typed) raw = await readJson(ctx.request, ctx.maxBodyBytes);
  else if ((await readBytes(ctx.request, ctx.maxBodyBytes)).byteLength > 0) {
    throw new TicketryError(
      'MALFORMED_REQUEST',
      'send options as JSON with Content-Type: application/json, or no body',
    );
  }
  const options = parseWith(retrainOptionsSchema, raw, 'retrain options');
  return json(await classifier.retrain(options));
}

const off = 'No such ticket or suggestion, or classification is not configured';

/** Suggestions, classifying a text on demand, retraining the model. */
export const classifyRoutes: Route[] = [
  {
    method: 'GET',
    path: '/tickets/:id/suggestion',
    operationId: 'getTicketSuggestion',
    summary:
      'What the classifier proposed for a ticket at submission: the category with its confidence, the rules that matched, whether the desk applied it, and why (agents only).',
    access: 'agent',
    responses: {
      200: { description: 'The suggestion', schema: suggestionSchema },
    },
    notFound: off,
    handle: getSuggestion,
  },
  {
    method: 'POST',
    path: '/classify',
    operationId: 'classifyText',
    summary:
      "The desk model's labels for a text, best first, each with a calibrated probability (agents only).",
    access: 'agent',
    body: classifyBodySchema,
    responses: {
      200: {
        description: 'Labels and confidences',
        schema: classificationSchema,
      },
    },
    errors: [404],
    handle: classify,
  },
  {
    method: 'POST',
    path: '/classifier/train',
    operationId: 'trainClassifier',
    summary:
      "Retrains the classifier on the desk's resolved and closed tickets that have a category and real text (at least `minWords`, default 3, different words, and not a template shared by more than `maxRepeats`, default 5, tickets once numbers are blanked, such as replayed history that holds no text), plus the base corpus the desk was given, saves it to the store and uses it from now on; the server keeps answering while it trains (supervisors only). Body: `{}`, no body, or `{ minWords?, maxRepeats?, includeBase? }`.",
    access: 'supervisor',
    body: retrainOptionsSchema,
    responses: {
      200: {
        description: 'What the new model learned from',
        schema: retrainSchema,
      },
    },
    errors: [404, 422],
    handle: retrain,
  },
];
