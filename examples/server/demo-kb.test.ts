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
    const steps = first.blocks(
      all.find((a) => a.article.id === 'vpn-from-home')!.article.body,
    );
    expect(steps[0]).toMatchObject({ type: 'list', ordered: true });
    first.knowledgeBase.close();
    again.knowledgeBase.close();
  });

  it('matches each article to its own queries, in its language only', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    const { knowledgeBase: kb } = await demoKnowledgeBase(desk, quiet);
    const ids = async (subject: string, locale: string, description = '') =>
      (await kb.suggest({ subject, description, locale })).map((s) => s.id);
    expect(await ids('vpn certificate expired', 'en')).toEqual([
      'article:vpn-from-home',
    ]);
    expect(await ids('forgot my password', 'en')).toEqual([
      'article:reset-password',
    ]);
    expect(await ids('paper jam', 'en')).toEqual(['article:printer-jam']);
    expect(
      await ids(
        'add xerox printer floor 3',
        'en',
        'cannot add the xerox printer on floor 3 driver',
      ),
    ).toEqual(['article:printer-jam']);
    expect(await ids('Drucker einrichten', 'de-CH')).toEqual([
      'article:drucker-verbinden',
    ]);
    expect(await ids('boîte aux lettres pleine', 'fr')).toEqual([
      'article:messagerie-pleine',
    ]);
    expect(await ids('mailbox full', 'en')).toEqual([]);
    // One shared everyday word ("laptop", "system") is no match.
    expect(await ids('laptop is slow', 'en')).toEqual([]);
    expect(await ids('cannot login to the system', 'en')).toEqual([]);
    expect(await ids('new laptop for the office', 'en')).not.toContain(
      'article:drucker-verbinden',
    );
    kb.close();
  });
});
