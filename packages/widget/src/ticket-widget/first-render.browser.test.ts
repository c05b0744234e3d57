import {
  afterEach,
  describe,
  endpoint,
  equal,
  it,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import ar from './i18n/ar.js';
import { en } from './i18n/en.js';

// Its own file, so the Arabic messages are not loaded yet by another
// test on the same page: the widget has to fetch them first.

const html = document.documentElement;
const saved = { lang: html.lang, dir: html.dir };

/** What each render showed: the submit button's text and the direction. */
function recordRenders(el: HTMLElement): { text: string; dir: string }[] {
  const seen: { text: string; dir: string }[] = [];
  const root = el.shadowRoot;
  if (!root) throw new Error('no shadow root on connect');
  const record = () => {
    const button = root.querySelector('[part~="submit-button"]');
    const base = root.querySelector<HTMLElement>('[part~="base"]');
    if (button && base) {
      seen.push({ text: button.textContent?.trim() ?? '', dir: base.dir });
    }
  };
  new MutationObserver(record).observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  return seen;
}

describe('<ticket-widget> first render in another language', () => {
  afterEach(() => {
    html.lang = saved.lang;
    html.dir = saved.dir;
    for (const el of document.querySelectorAll('ticket-widget')) el.remove();
  });

  it('shows no English and no left-to-right layout before Arabic arrives', async () => {
    html.lang = 'ar';
    const el = document.createElement('ticket-widget');
    el.setAttribute('endpoint', endpoint);
    document.body.append(el);
    const renders = recordRenders(el);
    await waitFor(() => renders.length > 0, 'the first render');
    await el.updateComplete;
    ok(
      renders.every((r) => r.text !== en.submit),
      `an English render: ${JSON.stringify(renders)}`,
    );
    equal(renders[0]?.text, ar.submit, 'the first render is Arabic');
    ok(
      renders.every((r) => r.dir === 'rtl'),
      `a left-to-right render: ${JSON.stringify(renders)}`,
    );
  });
});
