import {
  $,
  act,
  afterEach,
  beforeEach,
  describe,
  equal,
  it,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import { expectNoViolations, submitTicket } from '../../test/look-kit.js';
import type { TicketWidget } from '../index.js';
import ar from './i18n/ar.js';
import de from './i18n/de.js';
import { en, type Messages } from './i18n/en.js';
import es from './i18n/es.js';
import fr from './i18n/fr.js';
import ja from './i18n/ja.js';
import pt from './i18n/pt.js';

const LANGS: Record<string, Messages> = { en, de, fr, es, pt, ja, ar };

const submitText = (el: TicketWidget) =>
  el.shadowRoot?.querySelector('[part~="submit-button"]')?.textContent?.trim();

/** Waits until the widget shows `messages` (other languages load lazily). */
function speaks(el: TicketWidget, messages: Messages, what: string) {
  return waitFor(() => submitText(el) === messages.submit, what);
}

const html = document.documentElement;
const saved = { lang: html.lang, dir: html.dir };

describe('<ticket-widget> language and direction', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    unmountAll();
    html.lang = saved.lang;
    html.dir = saved.dir;
    for (const el of document.querySelectorAll('[data-test-wrapper]')) {
      el.remove();
    }
  });

  for (const [lang, messages] of Object.entries(LANGS)) {
    it(`speaks ${lang} on a page whose <html lang> is ${lang}`, async () => {
      html.lang = lang === 'pt' ? 'pt-BR' : lang;
      const el = await mount();
      await speaks(el, messages, lang);
      const base = $(el, '[part~="base"]');
      equal(base.lang, lang, 'lang on the root');
      equal(base.dir, lang === 'ar' ? 'rtl' : 'ltr', 'dir on the root');
      equal(
        $(el, 'label[for="subject"]').textContent,
        messages.subject,
        'label',
      );
      await expectNoViolations(el, `${lang} form`);
    });

    it(`speaks ${lang} when the locale attribute says so`, async () => {
      html.lang = lang === 'de' ? 'fr' : 'de';
      const el = await mount({ locale: lang });
      await speaks(el, messages, lang);
    });
  }

  it('prefers the nearest lang over the page, and its own over both', async () => {
    html.lang = 'de';
    const wrapper = document.createElement('div');
    wrapper.dataset['testWrapper'] = '';
    wrapper.lang = 'ja';
    document.body.append(wrapper);
    const el = document.createElement('ticket-widget');
    el.setAttribute('endpoint', '/api/v1');
    wrapper.append(el);
    await speaks(el, ja, 'the wrapper language');

    el.lang = 'es';
    await speaks(el, es, 'its own lang attribute');

    el.locale = 'pt-PT';
    await speaks(el, pt, 'the locale property');
    equal($(el, '[part~="base"]').lang, 'pt', 'root lang');
  });

  it('follows a change of the page language', async () => {
    html.lang = 'en';
    const el = await mount();
    await speaks(el, en, 'English first');
    html.lang = 'fr';
    await speaks(el, fr, 'French after <html lang> changed');
  });

  it('falls back to the browser languages, then to English', async () => {
    html.lang = '';
    const own = Object.getOwnPropertyDescriptor(navigator, 'languages');
    const prefer = (languages: string[]) =>
      Object.defineProperty(navigator, 'languages', {
        configurable: true,
        get: () => languages,
      });
    try {
      prefer(['nl-NL', 'es-MX']);
      const spanish = await mount();
      await speaks(spanish, es, 'Spanish from navigator.languages');

      prefer(['nl-NL', 'sv']);
      const english = await mount({ lang: 'ko' });
      await speaks(english, en, 'English when nothing matches');
      equal($(english, '[part~="base"]').lang, 'en', 'root lang');
    } finally {
      if (own) Object.defineProperty(navigator, 'languages', own);
      else delete (navigator as { languages?: unknown }).languages;
    }
  });

  it('lays Arabic out right to left: the submit button on the right', async () => {
    const ltr = await mount({ locale: 'en' });
    const rtl = await mount({ locale: 'ar' });
    await speaks(rtl, ar, 'Arabic');
    const edges = (el: TicketWidget) => {
      const form = $(el, 'form').getBoundingClientRect();
      const button = $(el, '[part~="submit-button"]').getBoundingClientRect();
      return {
        left: button.left - form.left,
        right: form.right - button.right,
      };
    };
    equal(edges(ltr).left, 0, 'LTR: button at the left edge');
    ok(edges(ltr).right > 100, 'LTR: space on the right');
    equal(edges(rtl).right, 0, 'RTL: button at the right edge');
    ok(edges(rtl).left > 100, 'RTL: space on the left');

    const [first, second] =
      rtl.shadowRoot?.querySelectorAll('nav button') ?? [];
    ok(first && second, 'two nav buttons');
    ok(
      first.getBoundingClientRect().left > second.getBoundingClientRect().left,
      'RTL: the first nav button is the rightmost',
    );
  });

  it('follows dir="rtl" on the page, and the element’s own dir over it', async () => {
    html.dir = 'rtl';
    const page = await mount({ locale: 'en' });
    equal($(page, '[part~="base"]').dir, 'ltr', 'a chosen language wins');
    const follows = await mount();
    equal($(follows, '[part~="base"]').dir, 'rtl', 'page direction');
    const own = await mount({ dir: 'ltr' });
    equal($(own, '[part~="base"]').dir, 'ltr', 'own dir attribute');
    const arabic = await mount({ locale: 'ar', dir: 'ltr' });
    await speaks(arabic, ar, 'Arabic');
    equal($(arabic, '[part~="base"]').dir, 'ltr', 'own dir beats language');
  });

  it('shows message dates in the locale and time zone, with the border on the start side', async () => {
    const el = await mount({ locale: 'ja-JP', 'time-zone': 'Asia/Tokyo' });
    await speaks(el, ja, 'Japanese');
    const id = await submitTicket(el);
    await act(id, { type: 'reply', body: 'Please send a photo.' });
    await el.updateComplete;
    $(el, '[part~="open-button"]').click();
    const time = await waitFor(
      () => el.shadowRoot?.querySelector('[part~="message"] time'),
      'a dated message',
    );
    const at = new Date(time.getAttribute('datetime') ?? '');
    const expected = new Intl.DateTimeFormat('ja-JP', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Tokyo',
    }).format(at);
    equal(time.textContent, expected, 'date in ja-JP, Tokyo time');
    equal(
      $(el, '[part~="status"] .status').textContent,
      ja.status.new,
      'status',
    );

    el.timeZone = 'America/Los_Angeles';
    el.locale = 'ar';
    await waitFor(
      () => $(el, '[part~="back-button"]').textContent?.trim() === ar.back,
      'Arabic',
    );
    const arabic = new Intl.DateTimeFormat('ar', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'America/Los_Angeles',
    }).format(at);
    equal($(el, '[part~="message"] time').textContent, arabic, 'ar, LA time');
    const message = getComputedStyle($(el, '[part~="message"]'));
    equal(message.borderRightWidth, '3px', 'RTL: border on the right');
    equal(message.borderLeftWidth, '0px', 'RTL: none on the left');
    await expectNoViolations(el, 'Arabic ticket view');
  });
});
