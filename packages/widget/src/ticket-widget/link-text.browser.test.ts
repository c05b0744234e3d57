import { render } from 'lit';
import { describe, equal, it } from '../../test/browser-kit.js';
import { linkText, safeWebUrl } from './link-text.js';

function shown(text: string) {
  const box = document.createElement('div');
  render(linkText(text), box);
  const links = [...box.querySelectorAll('a')].map((a) => ({
    href: a.getAttribute('href'),
    text: a.textContent,
    rel: a.rel,
    target: a.target,
  }));
  const elements = [...box.querySelectorAll('*')].map((e) => e.localName);
  return { text: box.textContent, links, elements };
}

describe('linkText', () => {
  it('links http and https addresses and keeps the text as it was', () => {
    const text = 'See https://help.example.com/kb/42 or http://intranet.test.';
    const out = shown(text);
    equal(out.text, text, 'text');
    equal(out.links.length, 2, 'links');
    equal(out.links[0]?.href, 'https://help.example.com/kb/42', 'first');
    equal(out.links[1]?.href, 'http://intranet.test/', 'second');
    equal(out.links[1]?.text, 'http://intranet.test', 'full stop left out');
    equal(out.links[0]?.rel, 'noopener noreferrer nofollow ugc', 'rel');
    equal(out.links[0]?.target, '_blank', 'target');
  });

  it('keeps a closing parenthesis that belongs to the address', () => {
    const out = shown('(see https://w.example/wiki/Foo_(bar)).');
    equal(out.links[0]?.text, 'https://w.example/wiki/Foo_(bar)', 'address');
  });

  it('leaves every other scheme as plain text', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://files.example.com/x',
      'mailto:a@example.com',
      'blob:https://example.com/uuid',
    ]) {
      const out = shown(text);
      equal(out.elements.length, 0, `elements for ${text}`);
      equal(out.text, text, 'text');
    }
  });

  it('makes no markup from what follows an address', () => {
    const text = 'https://x.example/"><img src=x onerror=alert(1)>';
    const out = shown(text);
    equal(out.elements.join(','), 'a', 'only the link');
    equal(out.links[0]?.href, 'https://x.example/', 'href stops at the quote');
    equal(out.text, text, 'text');
  });

  it('stops an address at a bidirectional control character', () => {
    const out = shown('https://example.com/\u202egpj.exe');
    equal(out.links[0]?.href, 'https://example.com/', 'href');
  });

  it('accepts only http: and https: URLs', () => {
    equal(safeWebUrl('https://example.com')?.protocol, 'https:', 'https');
    equal(safeWebUrl('javascript:alert(1)'), null, 'javascript:');
    equal(safeWebUrl('not a url'), null, 'not a URL');
  });
});
