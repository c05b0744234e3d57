import {
  assistantLocaleTagSchema,
  assistantReplySchema,
  MESSAGE_LIMIT,
  TicketryError,
} from '@ticketry/core';
import { z } from 'zod';
import type { AssistantService } from './assistant-service.js';
import { optionalCaller } from './auth.js';
import { parseWith, readJson } from './body.js';
import { createConversations } from './conversations.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** The body of `POST /assistant/messages`. */
export const assistantMessageSchema = z
  .strictObject({
    /** Absent: a new conversation. */
    conversationId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a conversation id')
      .optional(),
    text: z.string().max(MESSAGE_LIMIT).optional(),
    /**
     * The value of a choice the assistant's last answer offered. Any
     * other value is no choice: `text` is read alone, and without text
     * the question is asked again.
     */
    choice: z.string().max(200).optional(),
    /**
     * A BCP 47 tag (`de`, `de-CH`): answered in its base language when
     * it is en, de, fr, es, pt, ja or ar, otherwise in en. @default en
     */
    locale: assistantLocaleTagSchema.optional(),
  })
  .refine((b) => Boolean(b.text?.trim() || b.choice), {
    message: 'send text or a choice',
    path: ['text'],
  });

/** The answer of `POST /assistant/messages`. */
export const assistantAnswerSchema = z.object({
  conversationId: z.string(),
  replies: z.array(assistantReplySchema),
  /** When the conversation is forgotten if nothing more is said. */
  expiresAt: z.string(),
});

const byService = new WeakMap<
  AssistantService,
  ReturnType<typeof createConversations>
>();

function conversationsOf(ctx: RouteContext) {
  const service = ctx.services.assistant;
  if (!service)
    throw new TicketryError(
      'NOT_FOUND',
      'the assistant is not configured here',
    );
  let conversations = byService.get(service);
  if (!conversations) {
    conversations = createConversations(service.settings);
    byService.set(service, conversations);
  }
  return conversations;
}

async function postMessage(ctx: RouteContext): Promise<Response> {
  const conversations = conversationsOf(ctx);
  const caller = await optionalCaller(ctx.desk, ctx.request, ctx.identity);
  const raw = await readJson(ctx.request, ctx.maxBodyBytes);
  const body = parseWith(assistantMessageSchema, raw, 'assistant message');
  const { conversationId, text, choice, locale } = body;
  const answer = await conversations.send(ctx, caller, conversationId, {
    ...(text !== undefined && { text }),
    ...(choice !== undefined && { choice }),
    ...(locale !== undefined && { locale }),
  });
  return json(answer, 200, { 'cache-control': 'no-store' });
}

/** `POST /assistant/messages`: the support assistant (assistant-service.ts). */
export const assistantRoutes: Route[] = [
  {
    method: 'POST',
    path: '/assistant/messages',
    operationId: 'sendAssistantMessage',
    summary:
      'Sends a message (or the value of an offered choice) to the support assistant and returns its replies. Without a conversationId it starts a new conversation, kept in server memory for a while; replies are plain text, links are http or https only. A choice the last answer did not offer counts as no choice (the text alone is read; without text the question is asked again). Past `maxMessages` messages: 422 VALIDATION_FAILED; past `maxChars` characters from the requester: 422 CONVERSATION_TOO_LONG. Either way, start a new conversation.',
    access: 'public',
    body: assistantMessageSchema,
    errors: [404, 422, 429],
    notFound:
      'No such conversation (it ended or expired), or the assistant is not configured',
    responses: {
      200: {
        description: 'The assistant’s replies',
        schema: assistantAnswerSchema,
      },
    },
    handle: postMessage,
  },
];
