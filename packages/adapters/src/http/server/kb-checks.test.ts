import { createKnowledgeBase, type Desk } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../kb/render.js';
import { createAssistantService } from './assistant-service.js';
import { startServer } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

const agent = { role: 'agent' as const, id: 'ada' };

const article = (id: string, title: string, body: string, locale = 'en') => ({
  id,
  title,
  body,
  locale,
  tags: [],
  category: null,
  status: 'published' as const,
});

/** A server with a knowledge base holding an English and a German article. */
async function kbApi() {
  const s = await startServer({
    servicesFor: async (desk: Desk) => {
      const knowledgeBase = createKnowledgeBase(desk.core);
      const { render, blocks } = createArticleRenderer();
      const jam = 'Open tray 2 and remove the torn paper from the printer.';
      const de = 'Drucker hinzufügen: Einstellungen öffnen, printer wählen.';
      await knowledgeBase.putArticle(
        article('jam', 'Clear a printer paper jam', jam),
        0,
        agent,
      );
      await knowledgeBase.putArticle(
        article('drucker', 'Printer Drucker einrichten', de, 'de'),
        0,
        agent,
      );
      return {
        kb: { knowledgeBase, render, blocks },
        assistant: createAssistantService(),
      };
    },
  });
  closers.push(s.close);
  return s;
}

describe('POST /kb/deflections checks what it counts', () => {
  it('refuses ids nobody was offered, and counts a key once', async () => {
    const { call, keys } = await kbApi();
    const count = async () =>
      (
        await (
          await call('/kb/deflections/count', { token: keys.agent })
        ).json()
      ).deflections;
    const deflect = (body: unknown, key?: string) =>
      call('/kb/deflections', {
        body,
        ...(key && { headers: { 'idempotency-key': key } }),
      });
    for (const body of [
      { offered: [], solvedBy: 'article:nope' },
      { offered: ['article:nope'], solvedBy: 'article:nope' },
      { offered: ['article:jam'], solvedBy: null },
      { offered: ['article:jam'], solvedBy: 'article:drucker' },
      { offered: ['article:jam', 'resolution:0123'], solvedBy: 'article:jam' },
    ]) {
      const r = await deflect(body);
      expect(r.status).toBe(422);
      expect((await r.json()).error.code).toBe('VALIDATION_FAILED');
    }
    expect(await count()).toBe(0);
    const ok = { offered: ['article:jam'], solvedBy: 'article:jam' };
    expect((await deflect(ok, 'deflect-0001')).status).toBe(201);
    expect((await deflect(ok, 'deflect-0001')).status).toBe(201);
    expect(await count()).toBe(1);
    expect((await deflect(ok)).status).toBe(201);
    expect(await count()).toBe(2);
  });

  it('takes the opaque id of a resolution a requester was offered', async () => {
    const { call, desk, submit } = await kbApi();
    const t = await submit({ subject: 'Scanner skips pages' });
    await desk.triage(
      t.id,
      { impact: 'low', urgency: 'low' },
      { actor: agent },
    );
    const note = 'Cleaned the scanner feed rollers with a damp cloth.';
    await desk.resolve(t.id, { code: 'fixed', note }, { actor: agent });
    const suggested = await call('/kb/suggest', {
      body: { subject: 'scanner skips pages', locale: 'en' },
    });
    const [item] = (await suggested.json()).items;
    expect(item).toMatchObject({ type: 'resolution', text: note });
    expect(item.id).not.toContain(t.id);
    const r = await call('/kb/deflections', {
      body: { offered: [item.id], solvedBy: item.id, locale: 'en' },
    });
    expect(r.status).toBe(201);
  });
});

describe('article routes', () => {
  it('keeps the status when a PUT leaves it out', async () => {
    const { call, keys } = await kbApi();
    const put = (body: Record<string, unknown>) =>
      call('/kb/articles/jam', { method: 'PUT', token: keys.agent, body });
    const fields = { title: 'Clear a jam', body: 'Open tray 2.' };
    expect((await put({ ...fields, expectedVersion: 1 })).status).toBe(200);
    const md = '---\ntitle: Clear a jam\n---\nOpen tray 2 first.';
    const v3 = await (await put({ markdown: md, expectedVersion: 2 })).json();
    expect(v3).toMatchObject({ version: 3, status: 'published' });
    expect((await call('/kb/articles/jam')).status).toBe(200);
    const drafted = await put({
      ...fields,
      status: 'draft',
      expectedVersion: 3,
    });
    expect((await drafted.json()).status).toBe('draft');
    expect((await call('/kb/articles/jam')).status).toBe(404);
  });

  it('answers 404 NOT_FOUND for an id too long to be one', async () => {
    const { call } = await kbApi();
    const long = 'x'.repeat(5000);
    for (const path of [
      `/kb/articles/${long}`,
      `/kb/articles/${long}/blocks`,
    ]) {
      const r = await call(path);
      expect(r.status).toBe(404);
      expect((await r.json()).error.code).toBe('NOT_FOUND');
    }
  });

  it('drafts one article per ticket, answering it again', async () => {
    const { call, keys, desk, submit } = await kbApi();
    const t = await submit({ subject: 'Badge does not open door 4' });
    await desk.triage(
      t.id,
      { impact: 'low', urgency: 'low' },
      { actor: agent },
    );
    const note = 'Re-encoded the badge at the front desk.';
    await desk.resolve(t.id, { code: 'fixed', note }, { actor: agent });
    const draft = () =>
      call(`/tickets/${t.id}/kb-draft`, { method: 'POST', token: keys.agent });
    const first = await draft();
    expect(first.status).toBe(201);
    const again = await draft();
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe((await first.json()).id);
    const all = await (
      await call('/kb/articles', { token: keys.agent })
    ).json();
    expect(all.items).toHaveLength(3);
  });

  it('documents the suggest limit: 20,000 characters of description', async () => {
    const { call } = await kbApi();
    const at = (n: number) =>
      call('/kb/suggest', { body: { description: 'printer '.repeat(n) } });
    expect((await at(2500)).status).toBe(200);
    expect((await at(2501)).status).toBe(422);
  });
});

describe('suggestions keep to the requester’s language', () => {
  it('offers no German article to an English page or assistant', async () => {
    const { call } = await kbApi();
    const ids = async (locale: string) => {
      const r = await call('/kb/suggest', {
        body: { subject: 'printer einrichten', locale },
      });
      return (await r.json()).items.map((i: { id: string }) => i.id);
    };
    expect(await ids('en-GB')).toEqual(['article:jam']);
    expect(await ids('de')).toEqual(['article:drucker']);
    const said = await call('/assistant/messages', {
      body: { text: 'printer einrichten', locale: 'en' },
    });
    const reply = (await said.json()).replies[0];
    expect(reply.articles.map((a: { id: string }) => a.id)).toEqual([
      'article:jam',
    ]);
  });
});
