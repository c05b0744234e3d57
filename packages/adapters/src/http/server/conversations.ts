/**
 * The assistant's conversations, kept in memory on the server: each
 * under a random id, bound to whoever started it, forgotten after
 * `ttlMs` idle, at most `maxConversations` at once (the least recently
 * used goes first), and `maxMessages` messages and `maxChars`
 * characters each.
 */
import { randomBytes } from 'node:crypto';
import {
  type ArticleSuggestion,
  type Assistant,
  createAssistant,
  type SuggestArticles,
  TicketryError,
} from '@ticketry/core';
import {
  type AssistantSettings,
  flowsFor,
  kbSuggest,
  type Live,
} from './assistant-service.js';
import type { Caller } from './auth.js';
import type { RouteContext } from './route.js';

interface Conversation {
  id: string;
  owner: string;
  assistant: Assistant;
  live: Live;
  lastSeen: number;
  messages: number;
  /** Characters the requester sent so far. */
  chars: number;
  /** Messages of one conversation are answered one after another. */
  queue: Promise<unknown>;
}

/** Who a conversation belongs to: an identity, a ticket token, an agent or nobody. */
export function ownerOf(caller: Caller | null): string {
  if (!caller) return 'anonymous';
  if (caller.kind === 'identity') return `identity:${caller.identity.userId}`;
  if (caller.kind === 'requester') return `ticket:${caller.ticketId}`;
  return `agent:${caller.agent.id}`;
}

/**
 * `suggest`, noting in `ids` every suggestion it offers: "solved"
 * counts only those.
 */
function remembered(
  suggest: SuggestArticles | undefined,
  ids: Set<string>,
): SuggestArticles | undefined {
  if (!suggest) return undefined;
  return async (text, limit): Promise<readonly ArticleSuggestion[]> => {
    const hits = await suggest(text, limit);
    for (const h of hits) ids.add(h.id);
    return hits;
  };
}

/** Whether `id` was offered and not yet counted; counts it. */
const taken = (ids: Set<string>) => (id: string) => ids.delete(id);

const gone = () =>
  new TicketryError(
    'NOT_FOUND',
    'no such conversation: it ended or expired; start a new one',
  );

/** The conversations of one handler. */
export function createConversations(settings: AssistantSettings) {
  const all = new Map<string, Conversation>();

  function sweep(now: number) {
    for (const [id, c] of all)
      if (now - c.lastSeen > settings.ttlMs) all.delete(id);
    while (all.size >= settings.maxConversations) {
      // Map keeps insertion order and `touch` re-inserts: the first is the least recent.
      const oldest = all.keys().next().value as string;
      all.delete(oldest);
    }
  }

  function start(
    ctx: RouteContext,
    caller: Caller | null,
    now: number,
  ): Conversation {
    sweep(now);
    const live: Live = { ctx, caller, offered: [] };
    const kb = () => live.ctx.services.kb?.knowledgeBase;
    const suggested = new Set<string>();
    const suggest = remembered(
      settings.suggest ?? kbSuggest(() => live.ctx, live),
      suggested,
    );
    const requester =
      caller?.kind === 'identity'
        ? {
            email: caller.identity.email,
            ...(caller.identity.name && { name: caller.identity.name }),
          }
        : null;
    const assistant = createAssistant({
      recognizer: settings.recognizer,
      flows: flowsFor(settings, ctx.desk, live),
      ...(suggest && { suggest }),
      ...(settings.answerer && { answerer: settings.answerer }),
      requester,
      clock: ctx.desk.core.clock,
      onSolved: async (articles) => {
        // Only what this conversation was offered, each offer once.
        const offered = articles.map((a) => a.id).filter(taken(suggested));
        if (offered.length === 0) return;
        await kb()?.recordDeflection({
          offered,
          solvedBy: null,
          locale: live.locale ?? null,
        });
      },
    });
    const c: Conversation = {
      id: randomBytes(18).toString('base64url'),
      owner: ownerOf(caller),
      assistant,
      live,
      lastSeen: now,
      messages: 0,
      chars: 0,
      queue: Promise.resolve(),
    };
    all.set(c.id, c);
    return c;
  }

  function find(id: string, caller: Caller | null, now: number): Conversation {
    const c = all.get(id);
    if (
      !c ||
      now - c.lastSeen > settings.ttlMs ||
      c.owner !== ownerOf(caller)
    ) {
      if (c && now - c.lastSeen > settings.ttlMs) all.delete(id);
      throw gone();
    }
    return c;
  }

  return {
    /** How many conversations are kept now. */
    get size() {
      return all.size;
    },
    /**
     * Answers one message: in the conversation `id` (which must belong
     * to the same caller), or in a new one when `id` is absent.
     */
    async send(
      ctx: RouteContext,
      caller: Caller | null,
      id: string | undefined,
      message: { text?: string; choice?: string; locale?: string },
    ) {
      const now = ctx.desk.core.clock.now().getTime();
      const c = id ? find(id, caller, now) : start(ctx, caller, now);
      if (c.messages >= settings.maxMessages) {
        throw new TicketryError(
          'VALIDATION_FAILED',
          `a conversation takes at most ${settings.maxMessages} messages; start a new one`,
        );
      }
      const chars = (message.text?.length ?? 0) + (message.choice?.length ?? 0);
      if (c.chars + chars > settings.maxChars) {
        throw new TicketryError(
          'CONVERSATION_TOO_LONG',
          `this conversation is too long: it takes at most ${settings.maxChars} characters from you in all; start a new one`,
          { details: { maxChars: settings.maxChars } },
        );
      }
      c.chars += chars;
      c.messages += 1;
      all.delete(c.id);
      all.set(c.id, c);
      const turn = c.queue.then(() => {
        c.live.ctx = ctx;
        c.live.caller = caller;
        if (message.locale) c.live.locale = message.locale;
        c.lastSeen = ctx.desk.core.clock.now().getTime();
        return c.assistant.send(message);
      });
      c.queue = turn.catch(() => undefined);
      const replies = await turn;
      return {
        conversationId: c.id,
        replies,
        expiresAt: new Date(c.lastSeen + settings.ttlMs).toISOString(),
      };
    },
  };
}
