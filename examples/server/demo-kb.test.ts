import { createDesk, createMemoryStore } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { DEMO_ARTICLES, demoKnowledgeBase } from './demo-kb.ts';

const quiet = { info() {}, error() {} };

describe('the demo knowledge base', () => {
  it('seeds its articles once and suggests them in their language', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    const first = await demoKnowledgeBase(desk, quiet);
    const again = await demoKnowledgeBase(desk, quiet);
    const all = await again.knowledgeBase.listArticles();
    expect(all).toHaveLength(Object.keys(DEMO_ARTICLES).length);
    expect(all.every((a) => a.version === 1)).toBe(true);
    const [vpn] = await first.knowledgeBase.suggest({
      subject: 'vpn certificate expired',
    });
    expect(vpn).toMatchObject({ articleId: 'vpn-from-home' });
    const [de] = await first.knowledgeBase.suggest({
      subject: 'Drucker einrichten',
      locale: 'de',
    });
    expect(de).toMatchObject({ articleId: 'drucker-verbinden' });
    const html = first.render(
      all.find((a) => a.article.id === 'reset-password')!.article.body,
    );
    expect(html).toContain('href="https://example.com/password-reset"');
    first.knowledgeBase.close();
    again.knowledgeBase.close();
  });
});
