import { describe, expect, it } from 'vitest';
import { meaningful } from './relevance.js';
import { isRealResolution, noteKey } from './resolutions.js';
import { ada, kbDesk } from './test-support.js';

const article = (id: string, title: string, body: string, locale = 'en') => ({
  id,
  title,
  body,
  locale,
  tags: [],
  category: null,
  status: 'published' as const,
});

describe('resolutions worth offering', () => {
  it('need a few words: no bare placeholders', () => {
    for (const note of [
      'Imported',
      'Fixed.',
      'n/a',
      'Done - 42',
      'Issue resolved',
    ]) {
      expect(isRealResolution(note)).toBe(false);
    }
    expect(isRealResolution('Replaced the worn roller.')).toBe(true);
    expect(noteKey('Closed  by  script 12')).toBe(
      noteKey('closed by script 7'),
    );
  });

  it('skip placeholder and template notes, keep real ones', async () => {
    const { kb, resolved } = await kbDesk();
    await resolved('Mailbox full', 'Quota reached', 'Imported');
    for (let i = 0; i < 5; i++) {
      await resolved(
        `Mailbox quota ${i}`,
        'Mailbox is full again',
        `Closed by the import job, run ${i}.`,
      );
    }
    const real = 'Archived old mail and raised the mailbox quota to 50 GB.';
    await resolved('Mailbox almost full', 'Full mailbox warning', real);
    const items = await kb.suggest({ subject: 'mailbox full quota' });
    expect(items.map((i) => (i.type === 'resolution' ? i.text : i.id))).toEqual(
      [real],
    );
  });

  it('a note that becomes a template stops being offered', async () => {
    const { kb, resolved } = await kbDesk();
    const note = 'Restarted the print spooler service.';
    await resolved('Printer queue stuck', 'Nothing prints', note);
    expect(await kb.suggest({ subject: 'printer queue stuck' })).toHaveLength(
      1,
    );
    for (let i = 0; i < 4; i++) {
      await resolved(`Printer queue stuck ${i}`, 'Nothing prints', note);
    }
    expect(await kb.suggest({ subject: 'printer queue stuck' })).toEqual([]);
  });

  it('never show internal notes, even when they match best', async () => {
    const { kb, resolved } = await kbDesk();
    await resolved('VPN drops', 'VPN drops hourly', 'Updated the VPN client.');
    const items = await kb.suggest({ subject: 'secret runbook internal vpn' });
    expect(JSON.stringify(items)).not.toMatch(/runbook|internal|grace/);
  });
});

describe('suggestion cut-off and language', () => {
  it('drops hits far below the best one or barely matching', () => {
    const hits = [
      { id: 'a', score: 9, match: 0.5 },
      { id: 'b', score: 2.3, match: 0.13 },
      { id: 'c', score: 4, match: 0.05 },
    ];
    const cut = { minScore: 0, minMatch: 0.1, relativeScore: 0.3 };
    expect(meaningful(hits, cut).map((h) => h.id)).toEqual(['a']);
  });

  it('offers the printer article alone for a printer ticket', async () => {
    const { kb } = await kbDesk();
    const put = (a: ReturnType<typeof article>) => kb.putArticle(a, 0, ada);
    await put(
      article(
        'vpn',
        'Connect to the VPN from home',
        '1. Start the client.\n2. Sign in.\n3. Choose the Office profile.',
      ),
    );
    await put(
      article(
        'password',
        'Reset a forgotten password',
        'Passwords are reset on the self-service page; locked accounts unlock after 15 minutes.',
      ),
    );
    await put(
      article(
        'printer',
        'Clear a paper jam on the floor printers',
        'Open the front door of the printer and pull tray 2 out.',
      ),
    );
    const items = await kb.suggest({
      subject: 'add xerox printer floor 3',
      description: 'cannot add the xerox printer on floor 3 driver',
      locale: 'en',
    });
    expect(items.map((i) => i.id)).toEqual(['article:printer']);
  });

  it('keeps to the base language of the requester’s locale', async () => {
    const { kb } = await kbDesk();
    const full = 'Mailbox full? Empty the deleted items folder.';
    await kb.putArticle(article('en', 'Mailbox full', full), 0, ada);
    const fr = 'Boîte pleine (mailbox full) : videz la corbeille.';
    await kb.putArticle(article('fr', 'Mailbox full', fr, 'fr-CA'), 0, ada);
    const ids = async (locale?: string) =>
      (await kb.suggest({ subject: 'mailbox full', ...(locale && { locale }) }))
        .map((i) => i.id)
        .sort();
    expect(await ids('en-US')).toEqual(['article:en']);
    expect(await ids('fr')).toEqual(['article:fr']);
    // Nothing in German: the site's fallback language, English.
    expect(await ids('de')).toEqual(['article:en']);
    expect(await ids()).toContain('article:en');
  });

  it('offers no other language at all with fallbackLocale null', async () => {
    const { kb } = await kbDesk({ fallbackLocale: null });
    const full = 'Mailbox full? Empty the deleted items folder.';
    await kb.putArticle(article('en', 'Mailbox full', full), 0, ada);
    expect(await kb.suggest({ subject: 'mailbox full', locale: 'de' })).toEqual(
      [],
    );
  });

  it('drafts one article per ticket', async () => {
    const { kb, resolved } = await kbDesk();
    const t = await resolved('Drive S: missing', 'No S:', 'Re-ran the script.');
    const [a, b] = await Promise.all([
      kb.draftFromTicket(t.id, ada),
      kb.draftFromTicket(t.id, ada),
    ]);
    expect(a.article.id).toBe(b.article.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await kb.draftFromTicket(t.id, ada);
    expect(again).toMatchObject({
      created: false,
      article: { id: a.article.id },
    });
    expect(await kb.listArticles()).toHaveLength(1);
  });
});
