import { createKnowledgeBase, type Desk } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../kb/render.js';
import { startServer } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

const agent = { role: 'agent' as const, id: 'ada' };

/** A server whose knowledge base holds one published article, `jam`. */
async function kbApi() {
  const s = await startServer({
    servicesFor: async (desk: Desk) => {
      const knowledgeBase = createKnowledgeBase(desk.core);
      const { render, blocks } = createArticleRenderer();
      const jam = {
        id: 'jam',
        title: 'Clear a printer paper jam',
        body: 'Open tray 2 and remove the torn paper.',
        category: 'printing',
        tags: ['printer', 'paper'],
        status: 'published' as const,
      };
      await knowledgeBase.putArticle(jam, 0, agent);
      return { kb: { knowledgeBase, render, blocks } };
    },
  });
  closers.push(s.close);
  const { call, keys } = s;
  const write = (path: string, body: unknown, method = 'POST') =>
    call(path, { method, token: keys.agent, body });
  const error = async (r: Response) => (await r.json()).error;
  return { ...s, write, error };
}

/** A ticket resolved with `note`. */
async function resolvedTicket(
  s: Awaited<ReturnType<typeof kbApi>>,
  note: string,
) {
  const t = await s.submit({ subject: 'Badge does not open door 4' });
  const ctx = { actor: agent };
  await s.desk.triage(t.id, { impact: 'low', urgency: 'low' }, ctx);
  await s.desk.resolve(t.id, { code: 'fixed', note }, ctx);
  return t;
}

describe('POST /kb/articles checks text as tickets do', () => {
  it('refuses a direction override in the title with 422, naming the title', async () => {
    const { write, error, call } = await kbApi();
    const fields = { title: 'evil \u202eevil', body: 'x' };
    const md = { markdown: '---\ntitle: "a\u202eb"\n---\nx' };
    for (const body of [fields, md]) {
      const r = await write('/kb/articles', body);
      expect(r.status).toBe(422);
      const e = await error(r);
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.message).toContain(
        'title must not contain direction override characters',
      );
    }
    const list = await (await call('/kb/articles')).json();
    expect(list.items).toHaveLength(1);
  });

  it('names the real problem, not every branch of the body', async () => {
    const { write, error } = await kbApi();
    const put = await write(
      '/kb/articles/jam',
      { title: '', body: 'x', expectedVersion: 1 },
      'PUT',
    );
    const e = await error(put);
    expect(e.message).toMatch(/at title/);
    expect(JSON.stringify(e)).not.toMatch(/Unrecognized key|expectedVersion/);
    const post = await error(
      await write('/kb/articles', { markdown: 'x', y: 1 }),
    );
    expect(post.message).toMatch(/Unrecognized key: "y"/);
  });

  it('answers 409 ALREADY_EXISTS for a taken id', async () => {
    const { write, error } = await kbApi();
    const r = await write('/kb/articles', {
      id: 'jam',
      title: 'Jam',
      body: 'x',
    });
    expect(r.status).toBe(409);
    expect((await error(r)).code).toBe('ALREADY_EXISTS');
  });

  it('keeps category and tags an update by fields leaves out', async () => {
    const { write } = await kbApi();
    const body = {
      title: 'Clear a jam',
      body: 'Open tray 2.',
      expectedVersion: 1,
    };
    const r = await write('/kb/articles/jam', body, 'PUT');
    expect(await r.json()).toMatchObject({
      version: 2,
      category: 'printing',
      tags: ['printer', 'paper'],
    });
    const cleared = { ...body, category: null, tags: [], expectedVersion: 2 };
    const r3 = await write('/kb/articles/jam', cleared, 'PUT');
    expect(await r3.json()).toMatchObject({ category: null, tags: [] });
  });

  it('refuses unknown query keys on GET /kb/articles', async () => {
    const { call, error } = await kbApi();
    const r = await call('/kb/articles?status=draft');
    expect(r.status).toBe(422);
    expect((await error(r)).code).toBe('VALIDATION_FAILED');
    expect((await call('/kb/articles')).status).toBe(200);
  });
});

describe('POST /tickets/:id/kb-offered', () => {
  it('refuses made-up, malformed and empty lists, writing nothing', async () => {
    const s = await kbApi();
    const t = await s.submit({ subject: 'Printer jammed' });
    const events = async () =>
      (await s.desk.core.store.listEvents(s.desk.core.siteId, t.id)).length;
    const before = await events();
    const offer = (offered: unknown) =>
      s.call(`/tickets/${t.id}/kb-offered`, {
        token: t.token,
        body: { offered },
      });
    for (const bad of [
      [],
      ['article:<script>'],
      ['article:jam\u202e'],
      ['article:nope'],
      Array.from({ length: 21 }, () => 'article:jam'),
    ]) {
      const r = await offer(bad);
      expect(r.status).toBe(422);
      expect((await s.error(r)).code).toBe('VALIDATION_FAILED');
    }
    expect(await events()).toBe(before);
    expect((await offer(['article:jam'])).status).toBe(201);
    expect(await events()).toBe(before + 1);
  });
});

describe('POST /tickets/:id/kb-draft', () => {
  it('refuses a placeholder resolution with 409 KB_NO_RESOLUTION_TEXT', async () => {
    const s = await kbApi();
    const t = await resolvedTicket(s, 'Imported');
    const r = await s.write(`/tickets/${t.id}/kb-draft`, undefined);
    expect(r.status).toBe(409);
    expect((await s.error(r)).code).toBe('KB_NO_RESOLUTION_TEXT');
  });

  it('masks e-mail addresses and phone numbers in the draft', async () => {
    const s = await kbApi();
    const note =
      'Mailed bob@example.org, called +1 555 010 9999, re-encoded it.';
    const t = await resolvedTicket(s, note);
    const r = await s.write(`/tickets/${t.id}/kb-draft`, undefined);
    expect(r.status).toBe(201);
    const { id } = await r.json();
    const read = await s.call(`/kb/articles/${id}`, { token: s.keys.agent });
    const { markdown } = await read.json();
    expect(markdown).toContain(
      'Mailed [e-mail], called [phone], re-encoded it.',
    );
  });
});

describe('POST /kb/deflections', () => {
  it('answers 422 IDEMPOTENCY_KEY_REUSED for a key reused with another body', async () => {
    const { call, error } = await kbApi();
    const headers = { 'idempotency-key': 'deflect-0042' };
    const ok = { offered: ['article:jam'], solvedBy: 'article:jam' };
    expect((await call('/kb/deflections', { body: ok, headers })).status).toBe(
      201,
    );
    expect((await call('/kb/deflections', { body: ok, headers })).status).toBe(
      201,
    );
    const other = { ...ok, locale: 'de' };
    const r = await call('/kb/deflections', { body: other, headers });
    expect(r.status).toBe(422);
    expect((await error(r)).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
