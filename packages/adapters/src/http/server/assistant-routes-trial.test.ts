/**
 * `POST /assistant/messages`, the regressions of a fresh user's trial:
 * deflections counted without an offer, a direction override that lost
 * the ticket, a regional locale refused, the status of a signed-in
 * requester with no requests.
 */
import { ASSISTANT_CATALOGS, createKnowledgeBase } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../kb/render.js';
import { createAssistantService } from './assistant-service.js';
import { signIdentity } from './identity.js';
import { startServer, type TestServer } from './test-setup.js';

const SECRET = 'assistant-identity-secret-0123456789';
let t: TestServer | null = null;
let close: (() => void) | null = null;
afterEach(async () => {
  close?.();
  await t?.close();
  t = close = null;
});

/** A server with a knowledge base of one published article. */
async function server() {
  const kbs: ReturnType<typeof createKnowledgeBase>[] = [];
  t = await startServer({
    identity: { secret: SECRET },
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
        assistant: createAssistantService({
          passwordResetUrl: 'https://id.example.com/reset',
        }),
      };
    },
  });
  const kb = kbs[0]!;
  close = () => kb.close();
  return { s: t, kb };
}

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
const en = ASSISTANT_CATALOGS.en;

describe('POST /assistant/messages after the trial', () => {
  it('counts no deflection for "solved" without an offer', async () => {
    const { s, kb } = await server();
    for (let i = 0; i < 3; i++) {
      const r = await say(s, { choice: 'solved' });
      expect(r.status).toBe(200);
      expect(textOf(r.body)).not.toContain(en.glad);
    }
    expect(await kb.deflectionCount()).toBe(0);
  });

  it('counts one deflection per offer, however often "solved" is sent', async () => {
    const { s, kb } = await server();
    const first = await say(s, {
      text: 'printer prints streaks on every page',
    });
    expect(first.body.replies[0]).toMatchObject({ type: 'articles' });
    const conversationId = first.body.conversationId;
    for (let i = 0; i < 3; i++)
      await say(s, { conversationId, choice: 'solved' });
    expect(await kb.deflectionCount()).toBe(1);
  });

  it('opens the ticket when the first message holds a direction override', async () => {
    const { s } = await server();
    const first = await say(s, { text: 'My monitor \u202Eflickers all day' });
    const conversationId = first.body.conversationId;
    let last = first;
    for (const step of [
      { choice: 'handover' },
      { text: 'Since this morning.' },
      { text: 'lin@example.com' },
      { choice: 'yes', text: 'Open the ticket' },
    ])
      last = await say(s, { conversationId, ...step });
    const reply = last.body.replies.find(
      (r: { type: string }) => r.type === 'ticket',
    );
    expect(reply, textOf(last.body)).toBeDefined();
    const ticket = await s.desk.getByRef(reply.ticket.ref);
    expect(ticket?.subject).toBe('My monitor flickers all day');
  });

  it('answers a regional locale in its base language', async () => {
    const { s } = await server();
    const r = await say(s, { text: 'I forgot my password', locale: 'de-CH' });
    expect(r.status).toBe(200);
    expect(r.body.replies[0].text).toBe(ASSISTANT_CATALOGS.de.resetOffer);
    const other = await say(s, { text: 'I forgot my password', locale: 'it' });
    expect(other.body.replies[0].text).toBe(en.resetOffer);
  });

  it('tells a signed-in requester with no requests so', async () => {
    const { s } = await server();
    const identity = await signIdentity(
      {
        userId: 'u-new',
        email: 'new@example.com',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
      SECRET,
    );
    const r = await say(
      s,
      { text: 'what is the status of my ticket?' },
      identity,
    );
    expect(textOf(r.body)).toBe(en.noRequests);
  });
});
