import { describe, expect, it } from 'vitest';
import { createArticleRenderer, isAllowedLink } from './render.js';

const { render } = createArticleRenderer();

const SAFE_TAGS = ['p', 'a', 'code', 'pre', 'em', 'strong', 'h1', 'ul', 'li'];

/**
 * The real tags of rendered HTML: the renderer escapes every `<` of
 * text, so each `<` left opens a tag it wrote. Attributes are quoted.
 */
function tagsOf(html: string) {
  return [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)].map((m) => {
    const raw = m[2] ?? '';
    const attributes = [...raw.matchAll(/\s([a-z-]+)="([^"]*)"/gi)].map(
      (a) => [a[1] ?? '', a[2] ?? ''] as const,
    );
    const rest = raw.replace(/\s([a-z-]+)="([^"]*)"/gi, '').trim();
    if (rest) throw new Error(`unquoted attribute text: ${rest}`);
    return { name: (m[1] ?? '').toLowerCase(), attributes };
  });
}

/** Payloads from common XSS cheat sheets, in Markdown and raw HTML. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '<iframe src="https://evil.test"></iframe>',
  '[x](https://ok.test "title\\" onmouseover=\\"alert(1))',
  '<javascript:alert(1)>',
  '`<b>` and ```\n<script>\n```',
];

describe('article rendering', () => {
  it.each(PAYLOADS)('passes no markup or script URL from %s', (payload) => {
    for (const tag of tagsOf(render(payload))) {
      expect(SAFE_TAGS).toContain(tag.name);
      for (const [name, value] of tag.attributes) {
        expect(['href', 'rel', 'class']).toContain(name);
        if (name === 'href') expect(value).toMatch(/^(https?:|mailto:)/);
      }
    }
  });

  it('keeps http, https and mailto links, marked nofollow', () => {
    const html = render(
      '[a](https://example.com) [b](mailto:help@example.com) [c](/relative)',
    );
    expect(html).toContain(
      '<a href="https://example.com" rel="nofollow noopener noreferrer">a</a>',
    );
    expect(html).toContain('href="mailto:help@example.com"');
    expect(html).not.toContain('href="/relative"');
  });

  it('renders the usual Markdown', () => {
    expect(render('# Title\n\n- **one**\n- two')).toBe(
      '<h1>Title</h1>\n<ul>\n<li><strong>one</strong></li>\n<li>two</li>\n</ul>\n',
    );
  });

  it('allows only absolute http, https and mailto URLs', () => {
    expect(['https://x', 'HTTP://x', 'mailto:a@b'].map(isAllowedLink)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['javascript:x', ' data:x', '//x', 'x'].map(isAllowedLink)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('renders an image as its alt text, with no stray "!" and no <img>', () => {
    const html = render('See ![the <b>screen</b>](https://x.test/s.png) here');
    expect(html).toBe('<p>See the &lt;b&gt;screen&lt;/b&gt; here</p>\n');
  });
});
