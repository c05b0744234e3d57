import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  endpoint,
  equal,
  it,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}
type Axe = { run(context: Element, options: object): Promise<AxeResult> };

async function axeFindings(el: Element): Promise<string> {
  const page = window as unknown as { axe?: Axe };
  if (!page.axe) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  const { violations } = await page.axe!.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
  });
  return violations.map((v) => `${v.id}: ${v.help}`).join('\n');
}

const active = (el: TicketWidget) => el.shadowRoot?.activeElement ?? null;
const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

describe('<ticket-widget mode="launcher">', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('floats a named 44 × 44 button and takes no room in the page', async () => {
    const el = await mount({ mode: 'launcher' });
    const button = $(el, '[part="launcher-button"]');
    const box = button.getBoundingClientRect();
    ok(box.width >= 44 && box.height >= 44, `button is ${box.width}px`);
    equal(button.getAttribute('aria-label'), 'Help desk', 'name');
    equal(button.getAttribute('aria-expanded'), 'false', 'collapsed');
    equal(el.getBoundingClientRect().height, 0, 'host height');
    ok($(el, '[part="panel"]').hidden, 'panel hidden');
    equal(el.shadowRoot?.querySelector('[part~="form"]'), null, 'no form yet');
    equal(await axeFindings(el), '', 'axe, closed');
  });

  it('names its button in a language set after load, before any open', async () => {
    const el = await mount({ mode: 'launcher' });
    el.setAttribute('lang', 'ar');
    const button = $(el, '[part="launcher-button"]');
    await waitFor(
      () => button.getAttribute('aria-label') === 'مكتب الدعم',
      `the Arabic name (still "${button.getAttribute('aria-label')}")`,
    );
    equal(button.getAttribute('dir'), 'rtl', 'direction');
  });

  it('paints the open panel in the next frame, focus inside', async () => {
    const el = await mount({ mode: 'launcher' });
    const opened = el.open();
    await nextFrame();
    const panel = $(el, '[part="panel"]');
    ok(panel.checkVisibility(), 'visible in the first frame after open()');
    ok(panel.getBoundingClientRect().height > 100, 'laid out with content');
    await opened;
    equal(active(el), panel, 'focus in the panel');
    equal(
      $(el, '[part="launcher-button"]').getAttribute('aria-expanded'),
      'true',
      'expanded',
    );
    ok(panel.contains($(el, '[part~="form"]')), 'the form inside');
    equal(await axeFindings(el), '', 'axe, open');
  });

  it('closes on Escape and gives focus back to the button', async () => {
    const el = await mount({ mode: 'launcher' });
    const button = $(el, '[part="launcher-button"]');
    button.focus();
    button.click();
    await waitFor(() => active(el) === $(el, '[part="panel"]'), 'focus');
    $<HTMLInputElement>(el, '#subject').focus();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => $(el, '[part="panel"]').hidden, 'closed');
    equal(active(el), button, 'focus on the button');
    equal(button.getAttribute('aria-expanded'), 'false', 'collapsed');
  });

  it('keeps the draft across close and open; the close button closes', async () => {
    const el = await mount({ mode: 'launcher' });
    await el.open();
    const subject = $<HTMLInputElement>(el, '#subject');
    subject.value = 'Printer jams';
    subject.dispatchEvent(new Event('input', { bubbles: true }));
    $(el, '[part~="close-button"]').click();
    await waitFor(() => $(el, '[part="panel"]').hidden, 'closed');
    equal(active(el), $(el, '[part="launcher-button"]'), 'focus back');
    $(el, '[part="launcher-button"]').click();
    await waitFor(() => !$(el, '[part="panel"]').hidden, 'open again');
    equal($<HTMLInputElement>(el, '#subject').value, 'Printer jams', 'draft');
  });

  it('shows a focus ring on the button for keyboard users', async () => {
    const el = await mount({ mode: 'launcher' });
    await sendKeys({ press: 'Tab' });
    const button = $(el, '[part="launcher-button"]');
    equal(active(el), button, 'Tab reaches the button');
    const style = getComputedStyle(button);
    equal(style.outlineStyle, 'solid', 'outline');
    ok(Number.parseFloat(style.outlineWidth) >= 2, 'outline width');
  });

  it('sits bottom left, panel too, right to left', async () => {
    const el = await mount({ mode: 'launcher', dir: 'rtl' });
    await el.open();
    const button = $(el, '[part="launcher-button"]').getBoundingClientRect();
    const panel = $(el, '[part="panel"]').getBoundingClientRect();
    ok(button.left < innerWidth / 2, `button at ${button.left}`);
    ok(panel.left < innerWidth / 2, `panel at ${panel.left}`);
  });

  it('keeps the whole panel in the viewport with a larger offset', async () => {
    const el = await mount({ mode: 'launcher' });
    el.style.setProperty('--ticket-launcher-offset', '40px');
    await el.open();
    const panel = $(el, '[part="panel"]').getBoundingClientRect();
    ok(panel.top >= 39, `panel top at ${panel.top}`);
    ok(panel.left >= 39, `panel left at ${panel.left}`);
    const button = $(el, '[part="launcher-button"]').getBoundingClientRect();
    ok(panel.bottom <= button.top, 'above the button');
  });

  it('floats the button of the README launcher example', async () => {
    const readme = await (await fetch('/packages/widget/README.md')).text();
    const example = [...readme.matchAll(/```html\n([\s\S]*?)```/g)]
      .map((m) => m[1] ?? '')
      .find((block) => block.includes('mode="launcher"'));
    ok(example, 'a launcher example');
    const tag = /<ticket-widget([^>]*)>/.exec(example)?.[1] ?? '';
    const attrs = Object.fromEntries(
      [...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    equal(attrs.mode, 'launcher', 'mode');
    const el = await mount({ ...attrs, endpoint });
    ok($(el, '[part="launcher-button"]').checkVisibility(), 'the button');
  });

  it('inline, open() focuses the heading and close() changes nothing', async () => {
    const el = await mount();
    await el.open();
    equal(active(el), $(el, '#form-heading'), 'focus on the heading');
    await el.close();
    ok($(el, '[part~="form"]').checkVisibility(), 'still shown');
    equal(el.shadowRoot?.querySelector('[part="launcher-button"]'), null, '');
  });
});
