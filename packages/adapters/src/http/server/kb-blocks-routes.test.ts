import {
  articleBlocksSchema,
  createDesk,
  createKnowledgeBase,
  createMemoryStore,
  type Desk,
} from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../kb/render.js';
import { serveNode } from './node.js';
import { createMultiSiteHandler } from './sites.js';
import { startServer } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

const system = { role: 'system' as const, id: null };

const JAM = `# Clear a paper jam

Open **tray 2** <script>alert(1)</script> and [the guide](javascript:alert(1))
or [the vendor page](https://example.com/jam).`;

async function kbOn(desk: Desk, articles: Record<string, string>) {
  const knowledgeBase = createKnowledgeBase(desk.core);
  for (const [id, body] of Object.entries(articles)) {
    const status = id.startsWith('draft') ? 'draft' : 'published';
    await knowledgeBase.putArticle(
      { id, title: `Title of ${id}`, body, status },
      0,
      system,
    );
  }
  return { knowledgeBase, ...createArticleRenderer() };
}

async function api() {
  const s = await startServer({
    servicesFor: async (desk) => ({
      kb: await kbOn(desk, { jam: JAM, 'draft-1': 'Not yet **public**' }),
    }),
  });
  closers.push(s.close);
  return s;
}

const codeOf = async (r: Response) => (await r.json()).error?.code;

describe('GET /kb/articles/:id/blocks', () => {
  it('serves a published article as checked blocks without markup', async () => {
    const { call } = await api();
    const response = await call('/kb/articles/jam/blocks');
    expect(response.status).toBe(200);
    const body = articleBlocksSchema.parse(await response.json());
    expect(body).toMatchObject({
      id: 'jam',
      title: 'Title of jam',
      version: 1,
    });
    const text = JSON.stringify(body.blocks);
    // The script tags are dropped; the refused link stays as its text.
    expect(text).not.toMatch(/<script|"href":"(?!https:)/i);
    expect(text).toContain('alert(1) and [the guide](javascript:alert(1))');
    expect(body.blocks[0]).toEqual({
      type: 'heading',
      level: 1,
      content: [{ type: 'text', text: 'Clear a paper jam' }],
    });
    expect(text).toContain(
      '{"type":"link","href":"https://example.com/jam","content":[{"type":"text","text":"the vendor page"}]}',
    );
    expect(text).toContain(
      '{"type":"strong","content":[{"type":"text","text":"tray 2"}]}',
    );
  });

  it('answers drafts with 404 NOT_FOUND to the public, and to agents', async () => {
    const { call, keys } = await api();
    const anonymous = await call('/kb/articles/draft-1/blocks');
    expect(anonymous.status).toBe(404);
    expect(await codeOf(anonymous)).toBe('NOT_FOUND');
    const agent = await call('/kb/articles/draft-1/blocks', {
      token: keys.agent,
    });
    expect(agent.status).toBe(200);
    expect((await agent.json()).blocks[0].content[1].type).toBe('strong');
  });

  it.each([
    ['an unknown id', 'nope'],
    ['a malformed id', '%3Cscript%3E'],
    ['an id too long', 'x'.repeat(300)],
    ['a path outside the id', '..%2F..%2Ftickets'],
  ])('answers %s with 404 NOT_FOUND', async (_, id) => {
    const { call } = await api();
    const response = await call(`/kb/articles/${id}/blocks`);
    expect(response.status).toBe(404);
    expect(await codeOf(response)).toBe('NOT_FOUND');
  });

  it('refuses a bad credential with 401 rather than serving anonymously', async () => {
    const { call } = await api();
    const response = await call('/kb/articles/jam/blocks', { token: 'bad' });
    expect(response.status).toBe(401);
  });

  it('answers 404 without a knowledge base, or without blocks', async () => {
    const bare = await startServer();
    closers.push(bare.close);
    expect(await codeOf(await bare.call('/kb/articles/jam/blocks'))).toBe(
      'NOT_FOUND',
    );
    const htmlOnly = await startServer({
      servicesFor: async (desk) => {
        const { knowledgeBase, render } = await kbOn(desk, { jam: JAM });
        return { kb: { knowledgeBase, render } };
      },
    });
    closers.push(htmlOnly.close);
    const response = await htmlOnly.call('/kb/articles/jam/blocks');
    expect(response.status).toBe(404);
    expect((await htmlOnly.call('/kb/articles/jam')).status).toBe(200);
  });

  it('serves only the articles of the site asked, from a shared store', async () => {
    const store = createMemoryStore();
    const sites = [];
    for (const [id, article] of [
      ['acme', 'acme-only'],
      ['globex', 'globex-only'],
    ] as const) {
      const desk = createDesk({ store, siteId: id });
      const kb = await kbOn(desk, { [article]: `Only on ${id}` });
      sites.push({ id, publicKey: `pk_${id}`, desk, services: { kb } });
    }
    const server = await serveNode(createMultiSiteHandler({ sites }));
    closers.push(server.close);
    const get = (key: string, id: string) =>
      fetch(`${server.url}/api/v1/sites/${key}/kb/articles/${id}/blocks`);
    expect((await get('pk_acme', 'acme-only')).status).toBe(200);
    expect((await get('pk_globex', 'globex-only')).status).toBe(200);
    const other = await get('pk_globex', 'acme-only');
    expect(other.status).toBe(404);
    expect(await codeOf(other)).toBe('NOT_FOUND');
  });

  it('is in the OpenAPI document with its block schema', async () => {
    const { call } = await api();
    const doc = await (await call('/openapi.json')).json();
    const op = doc.paths['/kb/articles/{id}/blocks']?.get;
    expect(op?.operationId).toBe('getKbArticleBlocks');
    expect(Object.keys(op.responses)).toEqual(
      expect.arrayContaining(['200', '404']),
    );
    // The recursive block schema is hoisted to components, referenced.
    const answer = JSON.stringify(op.responses['200']);
    const ref = /#\/components\/schemas\/([\w.-]+)/.exec(answer)?.[1];
    expect(ref).toBeDefined();
    const components = JSON.stringify(doc.components.schemas);
    expect(JSON.stringify(doc.components.schemas[ref!])).toContain('"heading"');
    expect(components).toContain('"quote"');
    expect(components).not.toContain('#/$defs/');
  });
});
