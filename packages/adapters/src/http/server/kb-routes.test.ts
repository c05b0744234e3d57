import { createKnowledgeBase, type Desk } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../kb/render.js';
import { startServer } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

const ARTICLE = `---
title: Clear a paper jam
category: hardware
tags: [printer]
status: published
---
Open tray 2 <script>alert(1)</script> and [see the guide](javascript:alert(1))
or [the vendor page](https://example.com/jam).`;

const agent = { role: 'agent' as const, id: 'ada' };

async function kbApi() {
  const s = await startServer({
    servicesFor: async (desk: Desk) => ({
      kb: {
        knowledgeBase: createKnowledgeBase(desk.core),
        render: createArticleRenderer().render,
      },
    }),
  });
  closers.push(s.close);
  return s;
}

describe('knowledge base over HTTP', () => {
  it('lets agents write articles and serves them as safe HTML', async () => {
    const { call, keys } = await kbApi();
    expect(
      (await call('/kb/articles', { body: { markdown: ARTICLE } })).status,
    ).toBe(401);
    const created = await call('/kb/articles', {
      token: keys.agent,
      body: { markdown: ARTICLE, id: 'jam' },
    });
    expect(created.status).toBe(201);
    const page = await (await call('/kb/articles/jam')).json();
    expect(page.html).not.toMatch(/<script|href="javascript/i);
    expect(page.html).toContain('href="https://example.com/jam"');
    expect(page).not.toHaveProperty('markdown');
    const forAgent = await (
      await call('/kb/articles/jam', { token: keys.agent })
    ).json();
    expect(forAgent.markdown).toContain('<script>');
  });

  it('hides drafts from the public and versions updates', async () => {
    const { call, keys } = await kbApi();
    const draft = {
      title: 'Draft',
      body: 'Not yet',
      status: 'draft',
      tags: [],
      locale: 'en',
      category: null,
    };
    await call('/kb/articles', {
      token: keys.agent,
      body: { ...draft, id: 'd1' },
    });
    expect((await call('/kb/articles/d1')).status).toBe(404);
    expect((await (await call('/kb/articles')).json()).items).toEqual([]);
    const stale = await call('/kb/articles/d1', {
      method: 'PUT',
      token: keys.agent,
      body: { ...draft, status: 'published', expectedVersion: 2 },
    });
    expect(stale.status).toBe(412);
    const put = await call('/kb/articles/d1', {
      method: 'PUT',
      token: keys.agent,
      body: { ...draft, status: 'published', expectedVersion: 1 },
    });
    expect((await put.json()).version).toBe(2);
    expect((await call('/kb/articles/d1')).status).toBe(200);
  });

  it('suggests, drafts from a ticket and counts deflections', async () => {
    const { call, keys, desk, submit } = await kbApi();
    await call('/kb/articles', {
      token: keys.agent,
      body: { markdown: ARTICLE },
    });
    const t = await submit({
      subject: 'Printer jams again',
      description: 'Paper jam in tray 2',
    });
    await desk.triage(
      t.id,
      { impact: 'low', urgency: 'low' },
      { actor: agent },
    );
    await desk.resolve(
      t.id,
      { code: 'fixed', note: 'Cleaned the rollers.' },
      { actor: agent },
    );
    const suggested = await call('/kb/suggest', {
      body: { subject: 'paper jam in printer' },
    });
    const { items } = await suggested.json();
    expect(items.map((i: { type: string }) => i.type).sort()).toEqual([
      'article',
      'resolution',
    ]);
    expect(JSON.stringify(items)).not.toContain(t.id);

    const drafted = await call(`/tickets/${t.id}/kb-draft`, {
      method: 'POST',
      token: keys.agent,
    });
    expect(drafted.status).toBe(201);
    expect((await drafted.json()).status).toBe('draft');

    const deflected = await call('/kb/deflections', {
      body: { offered: [items[0].id], solvedBy: items[0].id },
    });
    expect(deflected.status).toBe(201);
    const count = await call('/kb/deflections/count', { token: keys.agent });
    expect(await count.json()).toEqual({ deflections: 1 });

    const fresh = await submit({ subject: 'Printer jam on floor 2' });
    const offered = await call(`/tickets/${fresh.id}/kb-offered`, {
      token: fresh.token,
      body: { offered: [items[0].id] },
    });
    expect(offered.status).toBe(201);
    const agentView = await call(`/tickets/${fresh.id}/suggestions`, {
      token: keys.agent,
    });
    const ids = (await agentView.json()).items.map(
      (i: { ticketId?: string }) => i.ticketId,
    );
    expect(ids).toContain(t.id);
  });

  it('answers 404 when no knowledge base is configured', async () => {
    const s = await startServer();
    closers.push(s.close);
    expect((await s.call('/kb/articles')).status).toBe(404);
  });
});

describe('knowledge base input', () => {
  it('refuses a malformed locale with 422 instead of failing', async () => {
    const { call } = await kbApi();
    const response = await call('/kb/suggest', {
      body: { subject: 'vpn', locale: 'e!' },
    });
    expect(response.status).toBe(422);
    const ok = await call('/kb/suggest', {
      body: { subject: 'vpn', locale: 'de-CH' },
    });
    expect(ok.status).toBe(200);
  });
});
