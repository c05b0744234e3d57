import {
  type Answerer,
  type ArticleSuggestion,
  type AssistantFlow,
  type BusinessCalendar,
  type CalendarInput,
  type CreateTicket,
  collectTicketFlow,
  compileCalendar,
  type Desk,
  defaultIntentRecognizer,
  type IntentRecognizer,
  openingHoursFlow,
  passwordResetFlow,
  type SuggestArticles,
  type TicketLookup,
  type TicketStatusItem,
  ticketStatusFlow,
  validationError,
} from '@ticketry/core';
import { z } from 'zod';
import { snippetOf } from './assistant-snippet.js';
import type { Caller } from './auth.js';
import type { RouteContext } from './route.js';
import { screenSubmission } from './submit-screen.js';

const optionsSchema = z.strictObject({
  /** @default defaultIntentRecognizer() */
  recognizer: z
    .custom<IntentRecognizer>(
      (r) => typeof (r as IntentRecognizer)?.recognize === 'function',
    )
    .optional(),
  /** The site's own password-reset page (http or https); none: no such flow. */
  passwordResetUrl: z.string().optional(),
  /** The business calendar of the opening-hours flow (`desk.sla` id); none: no such flow. */
  calendarId: z.string().optional(),
  /** Or the calendar itself, as SLA configuration writes one. */
  calendar: z
    .custom<CalendarInput>((c) => typeof c === 'object' && c !== null)
    .optional(),
  /** Categories the ticket flow offers. @default none */
  categories: z.array(z.string()).optional(),
  /** @default the knowledge base's suggestions when `services.kb` is set */
  suggest: z.custom<SuggestArticles>((f) => typeof f === 'function').optional(),
  /** A language model, say. @default the deterministic answerer */
  answerer: z
    .custom<Answerer>((a) => typeof (a as Answerer)?.answer === 'function')
    .optional(),
  /** Flows of the site's own, made per conversation. */
  flows: z
    .custom<(desk: Desk) => AssistantFlow[]>((f) => typeof f === 'function')
    .optional(),
  /** An idle conversation is forgotten after this long. @default 30 minutes */
  ttlMs: z
    .number()
    .int()
    .min(1000)
    .max(86_400_000)
    .default(30 * 60_000),
  /** Conversations kept at once; the least recently used goes first. @default 1000 */
  maxConversations: z.number().int().min(1).max(1_000_000).default(1000),
  /** Messages one conversation takes. @default 60 */
  maxMessages: z.number().int().min(2).max(1000).default(60),
  /**
   * Characters the requester may send in one conversation: what the
   * transcript on a ticket can hold. @default 20000
   */
  maxChars: z.number().int().min(100).max(200_000).default(20_000),
});

/** Options of {@link createAssistantService}. */
export type AssistantServiceOptions = z.input<typeof optionsSchema>;
export type AssistantSettings = z.output<typeof optionsSchema> & {
  recognizer: IntentRecognizer;
  /** The compiled `calendar`, when one was given. */
  hours: BusinessCalendar | null;
};

/** What `POST /assistant/messages` needs: the settings, made once. */
export interface AssistantService {
  readonly settings: AssistantSettings;
}

/**
 * The assistant of `POST /assistant/messages`: validates the options
 * once and trains the default recognizer when none is given.
 *
 * @example
 * createHttpHandler({ desk, services: { assistant: createAssistantService({
 *   passwordResetUrl: 'https://id.example.com/reset', calendarId: 'office' }) } });
 */
export function createAssistantService(
  options: AssistantServiceOptions = {},
): AssistantService {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success)
    throw validationError('assistant options', parsed.error.issues);
  const { passwordResetUrl } = parsed.data;
  // Checked now, not at the first message: a bad link fails at startup.
  if (passwordResetUrl) passwordResetFlow({ url: passwordResetUrl });
  const recognizer = parsed.data.recognizer ?? defaultIntentRecognizer();
  const { calendar } = parsed.data;
  const hours = calendar ? compileCalendar(calendar) : null;
  return { settings: { ...parsed.data, recognizer, hours } };
}

/** The request a conversation is answering now. */
export interface Live {
  ctx: RouteContext;
  caller: Caller | null;
  /** Suggestion ids offered in this conversation, for the ticket. */
  offered: string[];
  /** The requester's language, last said: suggestions keep to it. */
  locale?: string;
}

const statusItem = (t: {
  ref: string;
  subject: string;
  status: string;
  updatedAt: string;
}): TicketStatusItem => ({
  ref: t.ref,
  subject: t.subject,
  status: t.status,
  updatedAt: t.updatedAt,
});

/** Tickets the caller may see: an identity's own, or the one its token opens. */
function lookupFor(desk: Desk, live: Live): TicketLookup {
  return {
    async mine() {
      const c = live.caller;
      if (c?.kind !== 'identity') return null;
      // Signed in, but never asked for anything: no requests, no record.
      if (!c.requesterId) return [];
      const page = await desk.list({
        requesterId: c.requesterId,
        sort: '-createdAt',
        limit: 5,
      });
      return Promise.all(
        page.items.map(async (t) => statusItem(await desk.publicView(t.id))),
      );
    },
    async byRef(ref) {
      const t = await desk.getByRef(ref);
      const c = live.caller;
      const allowed =
        t &&
        ((c?.kind === 'identity' && c.requesterId === t.requesterId) ||
          (c?.kind === 'requester' && c.ticketId === t.id) ||
          c?.kind === 'agent');
      return allowed ? statusItem(await desk.publicView(t.id)) : null;
    },
  };
}

/** The knowledge base's suggestions as the assistant offers them. */
export function kbSuggest(
  ctx: () => RouteContext,
  live: Live,
): SuggestArticles | undefined {
  if (!ctx().services.kb) return undefined;
  return async (text, limit): Promise<ArticleSuggestion[]> => {
    const kb = ctx().services.kb?.knowledgeBase;
    if (!kb) return [];
    const { locale } = live;
    const query = { subject: text.slice(0, 500), ...(locale && { locale }) };
    const hits = await kb.suggest(query, { limit });
    live.offered.push(...hits.map((h) => h.id));
    // Plain text of the article as rendered, when blocks are served.
    const blocks = ctx().services.kb?.blocks;
    const snippet = async (articleId: string, excerpt: string) => {
      const stored = blocks && (await kb.getArticle(articleId));
      return stored ? snippetOf(blocks(stored.article.body)) : excerpt;
    };
    return Promise.all(
      hits.map(async (h) =>
        h.type === 'article'
          ? {
              id: h.id,
              title: h.title,
              snippet: (await snippet(h.articleId, h.excerpt)).slice(0, 500),
            }
          : {
              id: h.id,
              title: 'A similar request was solved like this',
              snippet: h.text.slice(0, 500),
            },
      ),
    );
  };
}

/**
 * Opens the ticket as `POST /tickets` would, screened the same way,
 * and files the conversation as an internal note by the system: agents
 * read it, while rules, the model and suggestions read only what the
 * requester wrote.
 */
function ticketCreator(desk: Desk, live: Live): CreateTicket {
  return async (submission, conversation) => {
    const { ctx, caller } = live;
    if (await screenSubmission(ctx, submission, submission, caller)) {
      throw new Error('the ticket was not accepted');
    }
    if (caller?.kind === 'identity') {
      // The name as the flow cleaned it: one line, no direction controls.
      const { name } = submission.requester;
      submission.requester = {
        email: caller.identity.email,
        ...(name && { name }),
      };
    }
    // The assistant takes no files: nothing was uploaded for it.
    const { attachments: _none, ...fields } = submission;
    const { ticket } = await desk.submit({
      ...fields,
      channel: 'chat',
      tags: ['assistant'],
    });
    await desk.note(
      ticket.id,
      { body: conversation.text },
      { actor: desk.core.system },
    );
    const kb = ctx.services.kb?.knowledgeBase;
    const offered = [...new Set(live.offered)].slice(0, 20);
    // The ticket is open already: an article unpublished since it was
    // offered must not make the requester believe it is not.
    if (kb && offered.length)
      await kb
        .recordOffered(ticket.id, offered, desk.core.system)
        .catch(() => undefined);
    return {
      id: ticket.id,
      ref: ticket.ref,
      accessToken: await desk.createAccessToken(ticket.id),
    };
  };
}

/** The flows of one conversation, bound to the request it answers. */
export function flowsFor(
  s: AssistantSettings,
  desk: Desk,
  live: Live,
): AssistantFlow[] {
  const flows = [ticketStatusFlow({ tickets: lookupFor(desk, live) })];
  if (s.passwordResetUrl)
    flows.push(passwordResetFlow({ url: s.passwordResetUrl }));
  const calendar =
    s.hours ??
    (s.calendarId && desk.sla ? desk.sla.calendar(s.calendarId) : null);
  if (calendar) {
    flows.push(openingHoursFlow({ calendar, clock: desk.core.clock }));
  }
  flows.push(...(s.flows?.(desk) ?? []));
  flows.push(
    collectTicketFlow({
      form: live.ctx.form?.form,
      categories: s.categories,
      createTicket: ticketCreator(desk, live),
    }),
  );
  return flows;
}
