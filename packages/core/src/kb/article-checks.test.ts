import { describe, expect, it } from 'vitest';
import { ARTICLE_KIND } from './articles.js';
import { excerptOf } from './suggest.js';
import { ada, kbDesk } from './test-support.js';

const article = (id: string, title: string, body: string) => ({
  id,
  title,
  body,
  status: 'published' as const,
});

describe('article text is checked as ticket text is', () => {
  it('refuses direction overrides in a title with the subject wording', async () => {
    const { kb } = await kbDesk();
    for (const bad of ['\u202e', '\u202a', '\u2066', '\u2069']) {
      const put = kb.putArticle(article('a', `evil${bad}live`, 'x'), 0, ada);
      await expect(put).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [
          expect.objectContaining({
            path: ['title'],
            message: 'title must not contain direction override characters',
          }),
        ],
      });
    }
    expect(await kb.listArticles()).toEqual([]);
  });

  it('keeps direction controls in a body, refuses control characters', async () => {
    const { kb } = await kbDesk();
    const rtl = 'quoted \u202eevil\u202c text, \u200fRTL\u200e mark';
    const s = await kb.putArticle(article('a', 'Quotes', rtl), 0, ada);
    expect(s.article.body).toBe(rtl);
    const bell = kb.putArticle(article('b', 'Bell', 'ring\u0007'), 0, ada);
    await expect(bell).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('still reads an article stored before titles were checked', async () => {
    const { kb, store, desk } = await kbDesk();
    const body = 'bell\u0007 end';
    const old = { ...article('old', 'evil\u202elive\u0000', body), tags: [] };
    await store.putRecord({
      siteId: desk.core.siteId,
      kind: ARTICLE_KIND,
      key: 'old',
      value: { ...old, category: null, locale: 'en', sourceTicketId: null },
      expectedVersion: 0,
      at: '2024-03-04T09:00:00.000Z',
    });
    const read = (await kb.getArticle('old'))?.article;
    expect(read).toMatchObject({ title: 'evillive', body: 'bell end' });
    expect(await kb.listArticles()).toHaveLength(1);
  });

  it('answers ALREADY_EXISTS for a new article whose id is taken', async () => {
    const { kb } = await kbDesk();
    await kb.putArticle(article('vpn', 'VPN', 'Connect.'), 0, ada);
    const again = kb.putArticle(article('vpn', 'VPN 2', 'x'), 0, ada);
    await expect(again).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      status: 409,
      message: 'article vpn already exists',
    });
  });
});

describe('drafts from tickets', () => {
  it('refuses a placeholder resolution with KB_NO_RESOLUTION_TEXT', async () => {
    const { kb, resolved } = await kbDesk();
    const t = await resolved('Printer offline', 'It is offline.', 'Imported');
    await expect(kb.draftFromTicket(t.id, ada)).rejects.toMatchObject({
      code: 'KB_NO_RESOLUTION_TEXT',
      status: 409,
    });
    expect(await kb.listArticles()).toEqual([]);
  });

  it('masks e-mail addresses and phone numbers as suggestions do', async () => {
    const { kb, resolved } = await kbDesk();
    const note =
      'Called grace@example.com on +41 44 123 45 67 and reset the token.';
    const t = await resolved('Token locked', 'Locked again.', note);
    const { article: a } = await kb.draftFromTicket(t.id, ada);
    expect(a.body).toContain('Called [e-mail] on [phone] and reset the token.');
    expect(a.body).not.toMatch(/grace@|123 45/);
  });
});

describe('what a requester was offered', () => {
  it('records only suggestion ids this site offers, nothing otherwise', async () => {
    const { kb, desk, store } = await kbDesk();
    await kb.putArticle(article('vpn', 'VPN', 'Connect.'), 0, ada);
    const { ticket } = await desk.submit({
      subject: 'VPN',
      description: 'x',
      requester: { email: 'a@example.com' },
    });
    const events = async () =>
      (await store.listEvents(ticket.siteId, ticket.id)).length;
    const before = await events();
    for (const offered of [
      [],
      ['article:<script>'],
      ['article:vpn\u202e'],
      ['article:nope'],
      ['vpn'],
      Array.from({ length: 21 }, () => 'article:vpn'),
    ]) {
      await expect(kb.recordOffered(ticket.id, offered, ada)).rejects.toThrow(
        /invalid offered suggestions/,
      );
    }
    expect(await events()).toBe(before);
    await kb.recordOffered(ticket.id, ['article:vpn'], ada);
    expect(await events()).toBe(before + 1);
  });
});

describe('deflections', () => {
  it('refuses an idempotency key reused with another body', async () => {
    const { kb } = await kbDesk();
    await kb.putArticle(article('vpn', 'VPN', 'Connect.'), 0, ada);
    await kb.putArticle(article('pw', 'Password', 'Reset.'), 0, ada);
    const vpn = { offered: ['article:vpn'], solvedBy: 'article:vpn' };
    expect(await kb.recordRequesterDeflection(vpn, 'key-0001')).toBe(1);
    expect(await kb.recordRequesterDeflection(vpn, 'key-0001')).toBe(1);
    const pw = { offered: ['article:pw'], solvedBy: 'article:pw' };
    await expect(
      kb.recordRequesterDeflection(pw, 'key-0001'),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
    expect(await kb.deflectionCount()).toBe(1);
  });
});

describe('excerpts', () => {
  it('shows a link as its text, whatever its address', () => {
    const md =
      'Try [js](javascript:alert(1)) or [JS2](JaVaScRiPt:a(b(2))) or [ent](https://x.test/a_(b)) now.';
    expect(excerptOf(md)).toBe('Try js or JS2 or ent now.');
  });

  it('shows an image as its alt text, with no stray "!"', () => {
    const md =
      'See ![the screen](https://x.test/s_(1).png) then [help](https://x.test).';
    expect(excerptOf(md)).toBe('See the screen then help.');
  });

  it('keeps no direction override, which would turn the next paragraph around', () => {
    const md = 'Restart it \u202Efirmly.\n\nThen check the cable.';
    expect(excerptOf(md)).toBe('Restart it firmly. Then check the cable.');
  });
});
