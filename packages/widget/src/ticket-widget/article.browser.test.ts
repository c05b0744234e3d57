import { sendKeys } from '@web/test-runner-commands';
import { expectNoViolations } from '../../test/axe-kit.js';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  fill,
  it,
  match,
  mount,
  ok,
  requestsTo,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { MIN_TARGET, smallTargets } from '../../test/target-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

// The article view against the real HTTP handler of the test backend,
// whose knowledge base (test/load-backend.mjs) holds a guest wifi
// article with hostile Markdown and an 850-step monitor manual.

const slow = (test: unknown) =>
  (test as { timeout(ms: number): void }).timeout(30_000);

const root = (el: TicketWidget) => el.shadowRoot!;
const active = (el: TicketWidget) => root(el).activeElement as HTMLElement;
const article = (el: TicketWidget) =>
  root(el).querySelector<HTMLElement>('[part~="article"]');
const body = (el: TicketWidget) =>
  root(el).querySelector<HTMLElement>('[part="article-body"]');

/** Types a draft that finds the article `title`; answers its "Read" button. */
async function suggest(el: TicketWidget, subject: string, title: string) {
  fill(el, '#subject', subject);
  const read = () =>
    [...root(el).querySelectorAll<HTMLElement>('[part~="suggestion"]')]
      .find((li) => li.textContent?.includes(title))
      ?.querySelector<HTMLElement>('[part~="read-button"]');
  return waitFor(read, `a "Read" button for ${title}`);
}

/** Opens the wifi article by keyboard and waits for its body. */
async function openWifi(el: TicketWidget) {
  const read = await suggest(
    el,
    'guest wifi code for my laptop',
    'Connect a laptop to the guest wifi',
  );
  read.focus();
  await sendKeys({ press: 'Enter' });
  await waitFor(() => body(el), 'the article body');
  return read;
}

describe('<ticket-widget> article view', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    unmountAll();
    delete (window as { __kbXss?: number }).__kbXss;
  });

  it('opens from a suggestion by keyboard, heading focused, and goes back', async function () {
    slow(this);
    const el = await mount();
    const read = await openWifi(el);
    equal(active(el)?.id, 'article-title', 'focus on open');
    equal(active(el).textContent, 'Connect a laptop to the guest wifi');
    ok(!root(el).querySelector('[part~="read-button"]'), 'list replaced');
    const id = read.id;
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    equal(active(el)?.getAttribute('part'), 'button back-button', 'Back');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => active(el)?.id === id, 'focus back on "Read"');
    ok(!article(el), 'article closed');
  });

  it('renders the blocks as elements and text, nothing from the data', async function () {
    slow(this);
    const el = await mount();
    await openWifi(el);
    const b = body(el)!;
    equal(b.querySelector('h5')?.textContent, 'Before you start', 'heading');
    equal(b.querySelector('strong')?.textContent, 'guest wifi code', 'bold');
    equal(b.querySelectorAll('ol > li').length, 2, 'list items');
    equal(b.querySelector('em')?.textContent, 'Settings', 'emphasis');
    match(b.querySelector('pre code')?.textContent, /netsh wlan connect/);
    equal(
      b.querySelector('blockquote')?.textContent?.trim(),
      'The code changes every Monday.',
    );
    equal(b.querySelector('th')?.textContent, 'Floor', 'table header');
    const links = [...b.querySelectorAll('a')];
    equal(links.length, 1, 'one link: the https one');
    equal(links[0]!.getAttribute('href'), 'https://example.com/wifi');
    equal(links[0]!.rel, 'noopener noreferrer nofollow');
    match(b.textContent, /\[this\]\(javascript:window.__kbXss=3\)/);
    equal(root(el).querySelectorAll('script, img, iframe').length, 0, 'tags');
    const allowed = new Set(
      'div h5 p strong em a ol li code pre blockquote table thead tbody tr th td'.split(
        ' ',
      ),
    );
    for (const node of b.querySelectorAll('*')) {
      ok(allowed.has(node.localName), `unexpected <${node.localName}>`);
    }
    await new Promise((r) => setTimeout(r, 100));
    equal((window as { __kbXss?: number }).__kbXss, undefined, 'no script ran');
    await expectNoViolations(el, 'article view');
    // The link sits in running text: WCAG's inline exception.
    const small = smallTargets(el).filter((t) => !t.startsWith('the wifi'));
    equal(small.join(), '', 'small targets');
  });

  it('records a deflection from the article for "This solved it"', async function () {
    slow(this);
    const el = await mount();
    await openWifi(el);
    $(el, '[part~="article"] [part~="solved-button"]').click();
    await waitFor(
      () => active(el)?.id === 'suggestions-thanks',
      'focus on the thank-you',
    );
    ok(!article(el), 'article closed');
    await waitFor(async () => {
      const [call] = (await requestsTo('/kb/deflections')).slice(-1);
      return call?.body.includes('"solvedBy":"article:wifi-guest"');
    }, 'the deflection');
  });

  it('hides the suggestions for "I still need help" in the article', async function () {
    slow(this);
    const el = await mount();
    await openWifi(el);
    $(el, '[part~="article"] [part~="need-help-button"]').click();
    await waitFor(() => active(el)?.id === 'category', 'focus on category');
    ok(!root(el).querySelector('[part~="suggestions"]'), 'panel hidden');
  });

  it('shows a huge article in full and stays usable', async function () {
    slow(this);
    const el = await mount();
    const read = await suggest(
      el,
      'monitor flicker display adapter cable',
      'Monitor flicker: the complete manual',
    );
    const started = performance.now();
    read.click();
    await waitFor(
      () => body(el)?.querySelectorAll('h5').length === 850,
      'all steps',
      10_000,
    );
    const took = performance.now() - started;
    ok(took < 5_000, `took ${Math.round(took)} ms`);
    match(body(el)!.lastElementChild?.textContent, /\(step 850\)/);
    equal(active(el)?.id, 'article-title', 'focus');
  });

  it('says so when the article cannot be loaded, and Back still works', async function () {
    slow(this);
    const el = await mount();
    const read = await suggest(
      el,
      'guest wifi code for my laptop',
      'Connect a laptop to the guest wifi',
    );
    const real = window.fetch;
    window.fetch = (input, init) =>
      String(input).endsWith('/blocks')
        ? Promise.resolve(new Response('{}', { status: 404 }))
        : real(input, init);
    try {
      read.click();
      const alert = await waitFor(
        () => root(el).querySelector('[part~="article"] [role="alert"]'),
        'the failure',
      );
      match(alert.textContent, /could not be loaded/);
      equal(active(el)?.id, 'article-title', 'focus');
      $(el, '[part~="back-button"]').click();
      await waitFor(() => active(el)?.id === read.id, 'focus on "Read"');
    } finally {
      window.fetch = real;
    }
  });

  it('lays out right to left in Arabic with 44 px targets', async function () {
    slow(this);
    const el = await mount({ locale: 'ar' });
    await openWifi(el);
    const section = article(el)!;
    equal(getComputedStyle(section).direction, 'rtl', 'section direction');
    equal($(el, '[part~="back-button"]').textContent, 'العودة إلى الاقتراحات');
    // The article is English: its own direction, from its text.
    equal(getComputedStyle(body(el)!).direction, 'ltr', 'article direction');
    equal(body(el)!.lang, 'en', 'article language');
    // Its title too: an English title starts at the left edge.
    const title = $(el, '#article-title');
    equal(getComputedStyle(title).direction, 'ltr', 'title direction');
    const words = document.createRange();
    words.selectNodeContents(title);
    const [box, line] = [
      title.getBoundingClientRect(),
      words.getBoundingClientRect(),
    ];
    ok(line.left - box.left < box.right - line.right, 'title aligned left');
    for (const part of ['back-button', 'solved-button', 'need-help-button']) {
      const box = $(
        el,
        `[part~="article"] [part~="${part}"]`,
      ).getBoundingClientRect();
      ok(box.width >= MIN_TARGET && box.height >= MIN_TARGET, `${part} size`);
    }
    await expectNoViolations(el, 'article view in Arabic');
  });
});
