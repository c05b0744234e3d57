import { createKnowledgeBase } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../kb/render.js';
import { createAssistantService } from './assistant-service.js';
import { snippetOf } from './assistant-snippet.js';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const BODY = [
  'The **VPN client** drops <script>alert(8)</script> every hour.',
  '',
  '<div class="note">Restart it</div>',
  '',
  '1. Open *Settings*',
  '2. Choose [the Office profile](https://example.com/vpn)',
].join('\n');

/** Asks the assistant of a server whose KB holds BODY; its snippet. */
async function snippetFromServer(withBlocks: boolean): Promise<string> {
  const kbs: ReturnType<typeof createKnowledgeBase>[] = [];
  t = await startServer({
    servicesFor: async (desk) => {
      const knowledgeBase = createKnowledgeBase(desk.core);
      kbs.push(knowledgeBase);
      await knowledgeBase.putArticle(
        {
          id: 'vpn',
          title: 'VPN drops every hour',
          body: BODY,
          status: 'published',
        },
        0,
        { role: 'agent', id: 'ada' },
      );
      const { render, blocks } = createArticleRenderer();
      return {
        kb: { knowledgeBase, render, ...(withBlocks && { blocks }) },
        assistant: createAssistantService(),
      };
    },
  });
  const r = await t.call('/assistant/messages', {
    body: { text: 'my vpn drops every hour' },
  });
  const { replies } = await r.json();
  kbs[0]?.close();
  return replies[0].articles[0].snippet;
}

describe('the snippet of an offered article', () => {
  it('is plain text of the rendered article, with no half tags', async () => {
    const snippet = await snippetFromServer(true);
    // The text the article view shows: inline tags gone (their text
    // stays, as the view shows it), the HTML block dropped.
    expect(snippet).toBe(
      'The VPN client drops alert(8) every hour. Open Settings Choose the Office profile',
    );
    expect(snippet).not.toMatch(/[<>]/);
  });

  it('falls back to the index excerpt, whole tags dropped, without blocks', async () => {
    const snippet = await snippetFromServer(false);
    expect(snippet).toMatch(/^The VPN client drops alert\(8\) every hour\./);
    expect(snippet).not.toMatch(/[<>]/);
  });

  it('keeps no direction override, which would turn the next block around', () => {
    const blocks = createArticleRenderer().blocks(
      'Restart it \u202Efirmly.\n\nThen check the cable.',
    );
    expect(snippetOf(blocks)).toBe('Restart it firmly. Then check the cable.');
  });

  it('is cut at a word, with an ellipsis', () => {
    const blocks = createArticleRenderer().blocks(
      `# Title\n\n${'word '.repeat(60)}`,
    );
    const snippet = snippetOf(blocks, 40);
    expect(snippet).toBe('Title word word word word word word…');
    expect(snippet.length).toBeLessThanOrEqual(40);
    expect(snippetOf(blocks).startsWith('Title word')).toBe(true);
  });
});
