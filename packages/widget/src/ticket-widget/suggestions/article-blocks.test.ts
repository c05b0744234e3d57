import { createArticleBlocks } from '@ticketry/adapters/kb';
import { articleBlockSchema } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { articleOf } from './article-blocks.js';

const toBlocks = createArticleBlocks();
const answer = (blocks: unknown) => ({
  id: 'a',
  title: 'T',
  locale: 'en',
  blocks,
});

const SAMPLES = [
  '# Title\n\nSome **bold** and *em* and `code`, [a link](https://x.test).',
  '1. one\n2. two\n   - nested\n\n> quote\n> > deeper',
  '```js\nlet a = 1;\n```\n\n---\n\n| a | b |\n| - | - |\n| 1 | 2 |',
  'line  \nbreak <script>x</script> <b>b</b> [j](javascript:x)',
  `${'> '.repeat(30)}deep`,
];

describe("the widget's check of article blocks", () => {
  it.each(SAMPLES)('keeps what the server sends for %j as it is', (md) => {
    const blocks = toBlocks(md);
    expect(articleBlockSchema.array().parse(blocks)).toEqual(blocks);
    const code = (b: unknown): unknown =>
      JSON.parse(JSON.stringify(b), (k, v) => (k === 'lang' ? undefined : v));
    expect(articleOf(answer(blocks))?.blocks).toEqual(code(blocks));
  });

  it('refuses an answer that is not an article', () => {
    for (const body of [
      null,
      [],
      'x',
      { title: 1, blocks: [] },
      { title: 'T' },
    ]) {
      expect(articleOf(body)).toBeNull();
    }
  });

  it('drops links that are not http(s), unknown types and bad fields', () => {
    const link = (href: unknown) => ({
      type: 'link',
      href,
      content: [{ type: 'text', text: 'x' }],
    });
    const got = articleOf(
      answer([
        {
          type: 'paragraph',
          content: [
            link('javascript:alert(1)'),
            link(' https://x.test'),
            link('https://x.test/"onmouseover='),
            link('data:text/html,x'),
            link(42),
            { type: 'html', html: '<img src=x onerror=alert(1)>' },
            { type: 'text', text: 7 },
            link('https://ok.test/a'),
          ],
        },
        { type: 'script', text: 'alert(1)' },
        { type: 'heading', level: 9, content: [] },
        'text',
      ]),
    );
    expect(got?.blocks).toEqual([
      { type: 'paragraph', content: [link('https://ok.test/a')] },
    ]);
  });

  it('stops at a depth and a size a hostile answer cannot exceed', () => {
    let deep: unknown = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'end' }],
    };
    for (let i = 0; i < 5_000; i++) deep = { type: 'quote', blocks: [deep] };
    expect(JSON.stringify(articleOf(answer([deep])))).not.toContain('end');
    const many = Array.from({ length: 80_000 }, () => ({ type: 'rule' }));
    expect(articleOf(answer(many))?.blocks.length).toBe(50_000);
  });

  it('keeps a valid locale only', () => {
    expect(articleOf({ ...answer([]), locale: 'de-CH' })?.locale).toBe('de-CH');
    expect(articleOf({ ...answer([]), locale: '"><x' })?.locale).toBe('');
  });
});
