/**
 * Runtime checks of the API answers the console reads, with zod/mini:
 * only the fields the views use, every other field kept as it came.
 * An answer of another shape (a proxy's error page, an older server)
 * becomes a `ConsoleError` with code `INVALID_ANSWER` instead of a
 * view that breaks half-drawn.
 */
import {
  array,
  boolean,
  custom,
  looseObject,
  nullable,
  number,
  optional,
  record,
  string,
  unknown,
} from 'zod/mini';

// Named imports, not the `z` namespace: a namespace object would make
// esbuild share its export helper with the dashboard chunk.
const z = {
  array,
  boolean,
  custom,
  looseObject,
  nullable,
  number,
  optional,
  record,
  string,
  unknown,
};

import { ConsoleError } from './console-api.js';

const text = z.string();
const maybe = z.optional(z.nullable(z.string()));
/** An instant as epoch ms or ISO 8601: servers differ. */
const instant = z.custom<number | string>(
  (v) => typeof v === 'number' || typeof v === 'string',
);

const agentSchema = z.looseObject({
  id: text,
  name: text,
  role: text,
  teamIds: z.array(text),
});

/** The fields of a ticket the queue and the ticket view read. */
export const ticketSchema = z.looseObject({
  id: text,
  ref: text,
  version: z.number(),
  subject: text,
  status: text,
  channel: text,
  priority: maybe,
  teamId: maybe,
  assigneeId: maybe,
  category: maybe,
  dueAt: maybe,
  pendingReason: maybe,
  requesterId: maybe,
  createdAt: maybe,
  links: z.array(z.looseObject({ type: text, ticketId: text })),
});

const eventSchema = z.looseObject({
  id: text,
  at: text,
  type: text,
  actor: z.looseObject({ role: text, id: maybe }),
  changes: z.record(text, z.unknown()),
});

/** Every answer the console checks, by what it asked for. */
export const ANSWERS = {
  session: z.looseObject({ token: text, expiresAt: text, agent: agentSchema }),
  page: z.looseObject({ items: z.array(ticketSchema) }),
  ticket: ticketSchema,
  events: z.looseObject({ events: z.array(eventSchema) }),
  commands: z.looseObject({
    commands: z.array(
      z.looseObject({
        type: text,
        to: text,
        reasons: z.optional(z.array(text)),
      }),
    ),
  }),
  command: z.looseObject({ ticket: ticketSchema }),
  presence: z.looseObject({
    viewers: z.array(z.looseObject({ agentId: text, name: text })),
  }),
  macros: z.looseObject({
    items: z.array(z.looseObject({ id: text, name: text })),
  }),
  sla: z.looseObject({
    policy: z.looseObject({ id: text }),
    clocks: z.array(z.looseObject({ target: text, state: text })),
  }),
  forecast: z.looseObject({
    from: text,
    series: z.array(
      z.looseObject({
        key: text,
        days: z.array(
          z.looseObject({
            date: text,
            expected: z.number(),
            low: z.number(),
            high: z.number(),
          }),
        ),
      }),
    ),
  }),
  riskQueue: z.looseObject({
    tickets: z.array(
      z.looseObject({
        ticketId: text,
        risk: z.number(),
        ref: maybe,
        subject: maybe,
      }),
    ),
  }),
  requester: z.looseObject({ id: text, email: text, name: z.nullable(text) }),
  guess: z.looseObject({
    category: z.nullable(text),
    confidence: z.number(),
    threshold: z.number(),
    rules: z.array(z.unknown()),
    applied: z.boolean(),
    reason: text,
  }),
  deflections: z.looseObject({ deflections: z.number() }),
  suggestions: z.looseObject({
    items: z.array(
      z.looseObject({
        type: text,
        id: text,
        articleId: z.optional(text),
        title: z.optional(text),
        excerpt: z.optional(text),
        ticketId: z.optional(text),
        code: z.optional(text),
        text: z.optional(text),
      }),
    ),
  }),
  kbDraft: z.looseObject({
    id: text,
    title: text,
    status: text,
    version: z.number(),
  }),
  alerts: z.looseObject({
    alerts: z.array(
      z.looseObject({
        id: text,
        by: text,
        key: text,
        at: instant,
        since: instant,
        observed: z.number(),
        expected: z.number(),
        ticketIds: z.array(text),
      }),
    ),
  }),
  alertParent: z.looseObject({ parentId: text, children: z.array(text) }),
  metrics: z.looseObject({
    tickets: z.number(),
    period: z.looseObject({ from: text, to: text }),
    volume: z.looseObject({ week: z.array(z.unknown()) }),
    backlog: z.looseObject({ age: z.array(z.unknown()) }),
  }),
} as const;

/** What the console asked for: a key of {@link ANSWERS}. */
export type AnswerKind = keyof typeof ANSWERS;

/**
 * `value` checked against the shape of `kind`; throws `INVALID_ANSWER`
 * naming the first field that is off.
 */
// biome-ignore lint/suspicious/noExplicitAny: callers read the checked fields
export function checkAnswer(kind: AnswerKind, value: unknown): any {
  const parsed = ANSWERS[kind].safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'the answer';
  throw new ConsoleError(
    'INVALID_ANSWER',
    `The server's answer (${kind}) is not what the console reads: ${where}: ${issue?.message ?? 'invalid'}`,
    200,
  );
}
