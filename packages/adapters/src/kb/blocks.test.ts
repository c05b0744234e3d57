import { type ArticleBlock, MAX_BLOCK_DEPTH } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { createArticleBlocks } from './blocks.js';

const blocks = createArticleBlocks();

/** Every link target and every key anywhere in the blocks. */
function walk(value: unknown, seen: { hrefs: string[]; depth: number }, d = 0) {
  if (Array.isArray(value)) {
    for (const v of value) walk(v, seen, d);
    return seen;
  }
  if (typeof value !== 'object' || value === null) return seen;
  const node = value as Record<string, unknown>;
  if (typeof node.href === 'string') seen.hrefs.push(node.href);
  seen.depth = Math.max(seen.depth, d);
  for (const key of ['content', 'blocks', 'items', 'head', 'rows']) {
    if (key in node) walk(node[key], seen, d + 1);
  }
  return seen;
}

const text = (b: ArticleBlock[]) => JSON.stringify(b);

describe('article blocks', () => {
  it('turns the usual Markdown into blocks', () => {
    const md = [
      '## Steps',
      '',
      '1. Open *Settings*',
      '2. Press `Reset`',
      '',
      '> Note: wait  ',
      '> a minute',
      '',
      '```sh',
      'vpn --reset',
      '```',
      '',
      '| Key | Value |',
      '| --- | --- |',
      '| a | **b** |',
      '',
      '---',
    ].join('\n');
    expect(blocks(md)).toEqual([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Steps' }] },
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [
          [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Open ' },
                { type: 'em', content: [{ type: 'text', text: 'Settings' }] },
              ],
            },
          ],
          [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Press ' },
                { type: 'code', text: 'Reset' },
              ],
            },
          ],
        ],
      },
      {
        type: 'quote',
        blocks: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Note: wait' },
              { type: 'break' },
              { type: 'text', text: 'a minute' },
            ],
          },
        ],
      },
      { type: 'code', text: 'vpn --reset\n', lang: 'sh' },
      {
        type: 'table',
        head: [
          [{ type: 'text', text: 'Key' }],
          [{ type: 'text', text: 'Value' }],
        ],
        rows: [
          [
            [{ type: 'text', text: 'a' }],
            [{ type: 'strong', content: [{ type: 'text', text: 'b' }] }],
          ],
        ],
      },
      { type: 'rule' },
    ]);
  });

  it.each([
    '<script>alert(1)</script>',
    '<div onclick="alert(1)">x</div>',
    'a <img src=x onerror=alert(1)> b',
    '[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](&#106;avascript:1)',
    '[x](data:text/html;base64,PHNjcmlwdD4=) [m](mailto:a@b.test) [r](/relative)',
    '![i](https://x.test/i.png) <javascript:alert(1)>',
    '[x](https://ok.test "t\\" onmouseover=\\"alert(1))',
  ])('keeps no markup and no link but http(s) from %s', (md) => {
    const out = blocks(md);
    expect(text(out)).not.toMatch(/<(script|img|div)/i);
    for (const href of walk(out, { hrefs: [], depth: 0 }).hrefs) {
      expect(href).toMatch(/^https?:\/\//);
    }
  });

  it('drops raw HTML blocks whole and inline tags alone', () => {
    expect(blocks('<script>\nalert(1)\n</script>\n\nafter')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'after' }] },
    ]);
    expect(text(blocks('a <b>bold</b> c'))).toContain('"a bold c"');
  });

  it('keeps http and https links, bare URLs too', () => {
    const hrefs = walk(blocks('[a](https://a.test) see http://b.test/x'), {
      hrefs: [],
      depth: 0,
    }).hrefs;
    expect(hrefs).toEqual(['https://a.test', 'http://b.test/x']);
  });

  it('flattens nesting deeper than the limit and keeps its text', () => {
    const deep = `${'> '.repeat(40)}deepest words`;
    const out = blocks(deep);
    const { depth } = walk(out, { hrefs: [], depth: 0 });
    expect(depth).toBeLessThanOrEqual(MAX_BLOCK_DEPTH + 2);
    expect(text(out)).toContain('deepest words');
    const list = `${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}`;
    const listed = blocks(list);
    expect(text(listed)).toContain('item 29');
    expect(walk(listed, { hrefs: [], depth: 0 }).depth).toBeLessThanOrEqual(
      2 * MAX_BLOCK_DEPTH + 2,
    );
  });

  it('converts a 100 000 character article', () => {
    const para = 'Restart the **VPN** client and [log in](https://x.test). ';
    const md = Array.from({ length: 1750 }, (_, i) =>
      i % 10 === 0 ? `\n\n## Part ${i}\n\n` : para,
    ).join('');
    expect(md.length).toBeGreaterThan(90_000);
    const out = blocks(md.slice(0, 100_000));
    expect(out.filter((b) => b.type === 'heading')).toHaveLength(175);
  });

  it('shows an image as its alt text, with no stray "!" and nothing to load', () => {
    const out = blocks(
      'See ![the *screen*](https://x.test/s.png) [a](https://a.test)',
    );
    expect(out).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'See the ' },
          { type: 'em', content: [{ type: 'text', text: 'screen' }] },
          { type: 'text', text: ' ' },
          {
            type: 'link',
            href: 'https://a.test',
            content: [{ type: 'text', text: 'a' }],
          },
        ],
      },
    ]);
  });
});
