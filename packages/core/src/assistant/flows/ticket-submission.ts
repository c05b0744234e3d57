/**
 * What the ticket flow hands the desk: the submission built from the
 * requester's own answers, the conversation beside it (never inside the
 * description, which rules and models read), and how it asks a
 * question.
 */
import type { FieldValue, Submission } from '../../public/submission.js';
import { choices, text } from '../replies.js';
import type { FlowInput, ReplyEmitted, TranscriptLine } from '../types.js';
import type { Question } from './collect-questions.js';
import { transcriptText } from './transcript.js';

/** What the desk answers when the ticket is created. */
export interface CreatedTicket {
  id: string;
  ref: string;
  /** The requester's access token, for the widget to follow the ticket. */
  accessToken?: string;
}

/**
 * The conversation that led to the ticket, for the agents: file `text`
 * as an internal note (e.g. `desk.note(id, { body: text }, { actor:
 * desk.core.system })`), not in the description.
 */
export interface TicketConversation {
  /** Every line said, oldest first. */
  lines: readonly TranscriptLine[];
  /** The lines under a heading, within the limit of a message body. */
  text: string;
}

/**
 * Opens the ticket (e.g. `desk.submit`) and files the conversation
 * beside it; throws to refuse it. The submission holds only what the
 * requester wrote.
 */
export type CreateTicket = (
  submission: Submission,
  conversation: TicketConversation,
) => Promise<CreatedTicket>;

/** The answers so far, by question key. */
export type Answers = Record<string, FieldValue | undefined>;
/** The ticket flow's context. */
export type Ctx = {
  questions: Question[];
  index: number;
  answers: Answers;
  input: FlowInput;
};

const FIRST_LINE = /^[^\n]{1,200}/;

/** The submission from the requester's answers alone. */
export function submissionOf(ctx: Ctx): Record<string, unknown> {
  const a = ctx.answers;
  const requester = ctx.input.requester;
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(a)) {
    if (key.startsWith('fields.') && value !== undefined)
      fields[key.slice(7)] = value;
  }
  const subject =
    (a.subject as string | undefined) ??
    FIRST_LINE.exec(ctx.input.problem?.trim() ?? '')?.[0];
  return {
    subject,
    description: a.description,
    requester: requester ?? { email: a.email },
    ...(a.category !== undefined && { category: a.category }),
    fields,
  };
}

/** The conversation so far, for {@link CreateTicket}. */
export function conversationOf(ctx: Ctx): TicketConversation {
  const lines = [...ctx.input.transcript()];
  return { lines, text: transcriptText(lines) };
}

/** The reply that asks a question: buttons when it has choices. */
export const ask = (q: Question): ReplyEmitted =>
  q.choices ? choices(q.prompt, q.choices) : text(q.prompt);
