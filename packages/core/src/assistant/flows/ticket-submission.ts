/**
 * What the ticket flow hands the desk: the submission built from the
 * requester's own answers, the conversation beside it (never inside the
 * description, which rules and models read), and how it asks a
 * question.
 */
import type { FieldValue, Submission } from '../../public/submission.js';
import { choices, text } from '../replies.js';
import type { FlowInput, ReplyEmitted, TranscriptLine } from '../types.js';
import { descriptionOf, subjectOf } from '../user-text.js';
import { DETAILS, type Question } from './collect-questions.js';
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

/** The identified requester, their name made one clean line (or left out). */
function requesterOf(input: FlowInput) {
  const r = input.requester;
  if (!r) return null;
  const name = r.name === undefined ? undefined : subjectOf(r.name);
  return { email: r.email, ...(name && { name }) };
}

/**
 * The submission from the requester's answers alone. The problem they
 * stated before the flow gives the subject (its first line, cleaned as
 * `POST /tickets` wants it) and the description, with the details they
 * added under it.
 */
export function submissionOf(ctx: Ctx): Record<string, unknown> {
  const a = ctx.answers;
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(a)) {
    if (key.startsWith('fields.') && value !== undefined)
      fields[key.slice(7)] = value;
  }
  const { problem } = ctx.input;
  const subject = (a.subject as string | undefined) ?? subjectOf(problem);
  const details = a[DETAILS] as string | undefined;
  const description =
    (a.description as string | undefined) ?? descriptionOf(problem, details);
  return {
    subject,
    description,
    requester: requesterOf(ctx.input) ?? { email: a.email },
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
