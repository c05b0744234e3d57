import { ASSISTANT_CATALOGS, createKnowledgeBase } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../kb/render.js';
import { createAssistantService } from './assistant-service.js';
import { signIdentity } from './identity.js';
import { startServer, type TestServer } from './test-setup.js';

const SECRET = 'assistant-identity-secret-0123456789';
let t: TestServer | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const FORM = {
  fields: [
    {
      name: 'asset',
      kind: 'text' as const,
      label: 'Asset tag',
      required: true,
    },
  ],
};

async function server(
  options: Parameters<typeof createAssistantService>[0] = {},
) {
  t = await startServer({
    identity: { secret: SECRET },
    form: FORM,
    services: {
      assistant: createAssistantService({
        passwordResetUrl: 'https://id.example.com/reset',
        ...options,
      }),
    },
  });
  return t;
}

/** Sends one message; returns the status and body. */
async function say(
  s: TestServer,
  body: Record<string, unknown>,
  token?: string,
) {
  const r = await s.call('/assistant/messages', {
    body,
    ...(token && { token }),
  });
  return { status: r.status, body: await r.json() };
}

const textOf = (body: { replies: { text: string }[] }) =>
  body.replies.map((r) => r.text).join('\n');

describe('POST /assistant/messages', () => {
  it('answers a routine request with the site’s reset link', async () => {
    const s = await server();
    const r = await say(s, { text: 'I forgot my password' });
    expect(r.status).toBe(200);
    expect(r.body.conversationId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(r.body.replies[0]).toMatchObject({
      type: 'link',
      href: 'https://id.example.com/reset',
    });
  });

  it('keeps the conversation and opens a ticket with the transcript when it cannot help', async () => {
    const s = await server();
    const first = await say(s, {
      text: 'the plotter prints everything in pink',
    });
    const id = first.body.conversationId;
    const steps = [
      { choice: 'handover' },
      { text: 'Since the toner change this morning.' },
      { text: 'lin@example.com' },
      { text: 'PLT-7' },
      { choice: 'yes', text: 'Open the ticket' },
    ];
    let last = first;
    for (const step of steps) {
      last = await say(s, { conversationId: id, ...step });
      expect(last.status).toBe(200);
    }
    const reply = last.body.replies.find(
      (r: { type: string }) => r.type === 'ticket',
    );
    expect(reply.ticket.accessToken).toMatch(/^tkr_/);
    const ticket = await s.desk.getByRef(reply.ticket.ref);
    expect(ticket?.channel).toBe('chat');
    expect(ticket?.tags).toContain('assistant');
    expect(ticket?.fields).toEqual({ asset: 'PLT-7' });
    // The description is the requester's; the conversation is a note.
    expect(ticket?.description).toBe(
      'the plotter prints everything in pink\n\nSince the toner change this morning.',
    );
    const notes = (await s.desk.events(ticket!.id)).filter(
      (e) => e.type === 'ticket.noted',
    );
    expect(notes.map((e) => e.actor.role)).toEqual(['system']);
    expect(notes[0]?.data).toMatchObject({ visibility: 'internal' });
    expect(String(notes[0]?.data?.body)).toMatch(
      /Requester: the plotter prints everything in pink/,
    );
    const view = await s.call(`/tickets/${ticket?.id}`, {
      token: reply.ticket.accessToken,
    });
    expect(view.status).toBe(200);
  });

  it('shows ticket status only to the ticket’s own requester', async () => {
    const s = await server();
    const identity = await signIdentity(
      {
        userId: 'u-1',
        email: 'grace@example.com',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
      SECRET,
    );
    const submitted = await s.call('/tickets', {
      token: identity,
      body: {
        subject: 'Badge does not open door 2',
        description: 'Since Monday.',
        requester: { email: 'x@example.com' },
        fields: { asset: 'B-1' },
      },
    });
    const { ticket } = await submitted.json();

    const mine = await say(
      s,
      { text: 'what is the status of my ticket?' },
      identity,
    );
    expect(textOf(mine.body)).toContain(
      `${ticket.ref} “\u2068Badge does not open door 2\u2069”: new`,
    );

    const stranger = await say(s, { text: `status of ${ticket.ref}` });
    expect(textOf(stranger.body)).toMatch(/found no ticket/);
    expect(textOf(stranger.body)).not.toContain('Badge');
  });

  it('binds a conversation to whoever started it', async () => {
    const s = await server();
    const first = await say(s, { text: 'I forgot my password' });
    const identity = await signIdentity(
      {
        userId: 'u-2',
        email: 'mo@example.com',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
      SECRET,
    );
    const other = await say(
      s,
      { conversationId: first.body.conversationId, text: 'no' },
      identity,
    );
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
  });

  it('answers in the locale each message names, and refuses malformed ones', async () => {
    const s = await server();
    const de = await say(s, { text: 'I forgot my password', locale: 'de' });
    expect(de.status).toBe(200);
    expect(de.body.replies[0]).toMatchObject({
      type: 'link',
      text: ASSISTANT_CATALOGS.de.resetOffer,
      href: 'https://id.example.com/reset',
    });
    const id = de.body.conversationId;
    const ja = await say(s, {
      conversationId: id,
      choice: 'no',
      locale: 'ja',
    });
    expect(ja.body.replies[0].text).toBe(ASSISTANT_CATALOGS.ja.handover);
    const en = await say(s, { text: 'I forgot my password' });
    expect(en.body.replies[0].text).toBe(ASSISTANT_CATALOGS.en.resetOffer);
    const bad = await say(s, { text: 'hi', locale: 'not a locale' });
    expect(bad.status).toBe(422);
  });

  it('refuses bad bodies, unknown conversations and too many messages', async () => {
    const s = await server({ maxMessages: 2 });
    expect((await say(s, { text: '' })).status).toBe(422);
    expect((await say(s, { text: 'x'.repeat(2001) })).status).toBe(422);
    expect((await say(s, { text: 'hi', extra: 1 })).status).toBe(422);
    expect(
      (await say(s, { conversationId: 'A'.repeat(24), text: 'hi' })).status,
    ).toBe(404);
    const first = await say(s, { text: 'when are you open' });
    const id = first.body.conversationId;
    expect((await say(s, { conversationId: id, text: 'hello' })).status).toBe(
      200,
    );
    const third = await say(s, { conversationId: id, text: 'again' });
    expect(third.status).toBe(422);
    expect(third.body.error.message).toMatch(/at most 2 messages/);
  });

  it('refuses a conversation past its character budget', async () => {
    const s = await server({ maxChars: 150 });
    const first = await say(s, { text: 'x'.repeat(100) });
    expect(first.status).toBe(200);
    const id = first.body.conversationId;
    const over = await say(s, { conversationId: id, text: 'y'.repeat(60) });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('CONVERSATION_TOO_LONG');
    expect(over.body.error.message).toMatch(/at most 150 characters/);
  });

  it('forgets the least recently used conversation past the cap', async () => {
    const s = await server({ maxConversations: 2 });
    const a = await say(s, { text: 'I forgot my password' });
    await say(s, { text: 'I forgot my password' });
    await say(s, { text: 'I forgot my password' });
    const again = await say(s, {
      conversationId: a.body.conversationId,
      text: 'yes',
    });
    expect(again.status).toBe(404);
  });

  it('offers knowledge-base articles, counts a deflection and notes what was offered', async () => {
    const kbs: ReturnType<typeof createKnowledgeBase>[] = [];
    t = await startServer({
      servicesFor: async (desk) => {
        const knowledgeBase = createKnowledgeBase(desk.core);
        kbs.push(knowledgeBase);
        await knowledgeBase.putArticle(
          {
            id: 'toner',
            title: 'Printer prints streaks: replace the toner',
            body: 'Streaks on every page mean the toner cartridge is empty.',
            status: 'published',
          },
          0,
          { role: 'agent', id: 'ada' },
        );
        const { render } = createArticleRenderer();
        return {
          kb: { knowledgeBase, render },
          assistant: createAssistantService(),
        };
      },
    });
    const kb = kbs[0]!;
    const first = await say(t, {
      text: 'printer prints streaks on every page',
    });
    expect(first.body.replies[0]).toMatchObject({
      type: 'articles',
      articles: [{ id: 'article:toner' }],
    });
    const id = first.body.conversationId;
    await say(t, { conversationId: id, choice: 'solved', text: 'Yes' });
    expect(await kb.deflectionCount()).toBe(1);

    const other = await say(t, { text: 'printer prints streaks again' });
    const cid = other.body.conversationId;
    for (const step of [
      { choice: 'handover' },
      { text: 'New toner did not help.' },
      { text: 'lee@example.com' },
      { choice: 'yes' },
    ]) {
      await say(t, { conversationId: cid, ...step });
    }
    const [ticket] = (await t.desk.list({})).items;
    const events = await t.desk.events(ticket!.id);
    const offered = events.find((e) => e.type === 'ticket.kb_offered');
    expect(offered?.data).toEqual({ offered: ['article:toner'] });
    kb.close();
  });

  it('answers 404 when the assistant is not configured', async () => {
    t = await startServer();
    const r = await say(t, { text: 'hello' });
    expect(r.status).toBe(404);
  });

  it('refuses a reset link that is not http or https at configuration', () => {
    expect(() =>
      createAssistantService({ passwordResetUrl: 'javascript:alert(1)' }),
    ).toThrow(/http or https/);
  });
});
