import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors.js';
import { parseArticleMarkdown } from './article.js';
import { createEmbeddingRetriever, type Embedder } from './retriever.js';
import { ada, kbDesk } from './test-support.js';

const VPN = `---
title: Connect to the VPN from home
category: access
tags: [vpn, remote]
locale: en
status: published
---
Install the client, sign in with your work account and choose **Office**.`;

describe('knowledge base articles', () => {
  it('stores versions with compare-and-set and keeps their history', async () => {
    const { kb } = await kbDesk();
    const meta = parseArticleMarkdown(VPN);
    const v1 = await kb.putArticle({ ...meta, id: 'vpn' }, 0, ada);
    const v2 = await kb.putArticle(
      { ...meta, id: 'vpn', body: `${meta.body}\nThen connect.` },
      v1.version,
      ada,
    );
    expect(v2.version).toBe(2);
    await expect(
      kb.putArticle({ ...meta, id: 'vpn' }, 1, ada),
    ).rejects.toBeInstanceOf(ConflictError);
    const history = await kb.articleHistory('vpn');
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(history[0]?.article.body).not.toContain('Then connect');
    expect(history[1]?.by).toEqual(ada);
  });

  it('refuses front matter with a bad status, naming the field', () => {
    expect(() =>
      parseArticleMarkdown('---\ntitle: X\nstatus: live\n---\nbody'),
    ).toThrow(/status/);
  });

  it('suggests published articles only, and drafts once published', async () => {
    const { kb } = await kbDesk();
    const meta = parseArticleMarkdown(VPN);
    await kb.putArticle({ ...meta, id: 'vpn', status: 'draft' }, 0, ada);
    const q = { subject: 'VPN will not connect from home' };
    expect(await kb.suggest(q)).toEqual([]);
    await kb.putArticle({ ...meta, id: 'vpn' }, 1, ada);
    const [first] = await kb.suggest(q);
    expect(first).toMatchObject({ type: 'article', articleId: 'vpn' });
  });
});

describe('suggestions from resolved tickets', () => {
  it('offer the public resolution text only, never notes or requesters', async () => {
    const { kb, resolved } = await kbDesk();
    await resolved(
      'Printer on floor 3 jams',
      'The printer jams on every page, call me at grace@example.com',
      'Replaced the worn roller; mail printing@example.com if it returns.',
    );
    const items = await kb.suggest({ subject: 'printer jams on floor 3' });
    expect(items).toHaveLength(1);
    const text = JSON.stringify(items);
    expect(text).toContain('Replaced the worn roller');
    expect(text).not.toMatch(/grace|internal|runbook|printing@example\.com/);
    expect(items[0]).not.toHaveProperty('ticketId');
  });

  it('follow the desk: a reopened ticket is no longer suggested', async () => {
    const { kb, desk, resolved } = await kbDesk();
    await kb.ready();
    const t = await resolved(
      'Outlook crashes on start',
      'Crash',
      'Repaired the Office install.',
    );
    expect(await kb.suggest({ subject: 'outlook crash' })).toHaveLength(1);
    await desk.execute(
      t.id,
      { type: 'reject', reason: 'still crashes' },
      {
        actor: { role: 'requester', id: t.requesterId },
      },
    );
    expect(await kb.suggest({ subject: 'outlook crash' })).toEqual([]);
  });

  it('show agents the source ticket but not the ticket itself', async () => {
    const { kb, resolved } = await kbDesk();
    const a = await resolved(
      'Laptop battery drains',
      'Battery',
      'Updated the BIOS.',
    );
    const b = await resolved(
      'Battery drains fast on laptop',
      'Drains',
      'New battery.',
    );
    const items = await kb.suggestForTicket(b.id);
    expect(
      items.map((i) => (i.type === 'resolution' ? i.ticketId : i.id)),
    ).toEqual([a.id]);
  });
});

describe('drafts, deflections and what was offered', () => {
  it('turns a resolved ticket into a draft article in one action', async () => {
    const { kb, resolved } = await kbDesk();
    const t = await resolved(
      'Cannot map drive S:',
      'The S: drive is missing.',
      'Re-ran the login script.',
    );
    const draft = await kb.draftFromTicket(t.id, ada);
    expect(draft.article).toMatchObject({
      title: 'Cannot map drive S:',
      status: 'draft',
      sourceTicketId: t.id,
    });
    expect(draft.article.body).toContain('The S: drive is missing.');
    expect(draft.article.body).toContain('Re-ran the login script.');
    expect(draft.article.body).not.toContain('runbook');
  });

  it('refuses a draft from an unresolved ticket', async () => {
    const { kb, desk } = await kbDesk();
    const { ticket } = await desk.submit({
      subject: 'Open',
      description: 'x',
      requester: { email: 'a@example.com' },
    });
    await expect(kb.draftFromTicket(ticket.id, ada)).rejects.toMatchObject({
      code: 'KB_NO_RESOLUTION',
    });
  });

  it('counts deflections and records what a ticket was offered', async () => {
    const { kb, desk, store } = await kbDesk();
    expect(await kb.deflectionCount()).toBe(0);
    await kb.recordDeflection({
      offered: ['article:vpn'],
      solvedBy: 'article:vpn',
    });
    expect(await kb.recordDeflection({})).toBe(2);
    expect(await kb.deflectionCount()).toBe(2);
    const { ticket } = await desk.submit({
      subject: 'VPN',
      description: 'x',
      requester: { email: 'a@example.com' },
    });
    // Only what this site offers is recorded (see article-checks.test.ts).
    await kb.putArticle(
      { ...parseArticleMarkdown(VPN), id: 'vpn', status: 'published' },
      0,
      ada,
    );
    await kb.recordOffered(ticket.id, ['article:vpn'], ada);
    const events = await store.listEvents(ticket.siteId, ticket.id);
    expect(events.at(-1)).toMatchObject({
      type: 'ticket.kb_offered',
      data: { offered: ['article:vpn'] },
    });
  });
});

describe('retrieval behind an interface', () => {
  it('takes a plugged-in embedder instead of the lexical index', async () => {
    // A tiny fake model: one dimension per topic word it knows.
    const topics = ['vpn', 'printer', 'password'];
    const embedder: Embedder = {
      embed: async (texts) =>
        texts.map((t) =>
          topics.map((w) => (t.toLowerCase().includes(w) ? 1 : 0.01)),
        ),
    };
    const { kb } = await kbDesk({
      retriever: createEmbeddingRetriever(embedder),
    });
    const meta = parseArticleMarkdown(VPN);
    await kb.putArticle({ ...meta, id: 'vpn' }, 0, ada);
    await kb.putArticle(
      {
        ...meta,
        id: 'pw',
        title: 'Reset a password',
        tags: [],
        body: 'Use the password page.',
      },
      0,
      ada,
    );
    const [first] = await kb.suggest({ subject: 'my password expired' });
    expect(first).toMatchObject({ articleId: 'pw' });
  });
});
