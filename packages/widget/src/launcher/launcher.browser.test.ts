import { sendKeys } from '@web/test-runner-commands';
import {
  afterEach,
  describe,
  endpoint,
  equal,
  it,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import { LAUNCHER_TEXT } from '../ticket-widget/i18n/launcher-text.js';
import { installLauncher } from './install.js';
import { stubLauncher } from './stub.js';

// The tiny launcher, before and after it hands over to the full widget.
// The tag is defined once per page, so these tests run in order: the
// stub first, the hand-over last.

let loads = 0;
let prefetches = 0;
let release: () => void = () => {};
const gate = new Promise<void>((resolve) => {
  release = resolve;
});

installLauncher({
  load: async () => {
    loads++;
    await gate;
    return import('../define.js');
  },
  prefetch: () => prefetches++,
});

const added: HTMLElement[] = [];

function add(attrs: Record<string, string>): HTMLElement {
  const el = document.createElement('ticket-widget');
  for (const [name, value] of Object.entries(attrs)) {
    el.setAttribute(name, value);
  }
  document.body.append(el);
  added.push(el);
  return el;
}

const inRoot = <E extends Element = HTMLElement>(el: Element, sel: string) =>
  el.shadowRoot?.querySelector<E>(sel) ?? null;

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

type Openable = HTMLElement & { open(): void; close(): void };

describe('the tiny launcher', () => {
  afterEach(() => {
    for (const el of added.splice(0)) el.remove();
  });

  it('shows a named 44 × 44 button at once and loads nothing', async () => {
    const el = add({ mode: 'launcher', endpoint });
    const button = await waitFor(
      () => inRoot(el, '[part="launcher-button"]'),
      'the stub button',
    );
    await nextFrame();
    const box = button.getBoundingClientRect();
    ok(box.width >= 44 && box.height >= 44, `button is ${box.width}px`);
    equal(button.getAttribute('aria-label'), LAUNCHER_TEXT.en.name, 'name');
    equal(button.getAttribute('aria-expanded'), 'false', 'collapsed');
    equal(getComputedStyle(button).position, 'fixed', 'floats');
    equal(el.getBoundingClientRect().height, 0, 'host takes no room');
    equal(customElements.get('ticket-widget'), undefined, 'not defined');
    equal(loads, 0, 'loads before any open');
  });

  it('fetches the widget ahead when the button gets focus', async () => {
    const el = add({ mode: 'launcher', endpoint });
    const button = await waitFor(
      () => inRoot(el, '.launcher'),
      'the stub button',
    );
    const before = prefetches;
    await sendKeys({ press: 'Tab' });
    equal(el.shadowRoot?.activeElement, button, 'focus on the button');
    ok(prefetches > before, 'prefetched on focus');
    ok(getComputedStyle(button).outlineStyle === 'solid', 'focus ring');
    equal(loads, 0, 'a prefetch runs nothing');
  });

  it('opens a panel at once; Escape closes it and focus returns', async () => {
    const el = add({ mode: 'launcher', endpoint }) as Openable;
    const button = await waitFor(() => inRoot(el, '.launcher'), 'button');
    button.focus();
    button.click();
    const panel = inRoot(el, '[part="panel"]');
    ok(panel && !panel.hidden, 'the panel shows in the same task');
    equal(button.getAttribute('aria-expanded'), 'true', 'expanded');
    equal(el.shadowRoot?.activeElement, panel, 'focus in the panel');
    ok(panel.textContent?.includes(LAUNCHER_TEXT.en.loading), 'says loading');
    equal(loads, 1, 'the first open loads the widget');

    await sendKeys({ press: 'Escape' });
    ok(panel.hidden, 'Escape closes');
    equal(el.shadowRoot?.activeElement, button, 'focus back on the button');
    el.open();
    el.close();
    ok(panel.hidden, 'close() closes');
  });

  it('sits bottom left on a right-to-left page', async () => {
    const page = document.createElement('div');
    page.setAttribute('dir', 'rtl');
    page.setAttribute('lang', 'ar');
    document.body.append(page);
    added.push(page);
    const el = document.createElement('ticket-widget');
    el.setAttribute('mode', 'launcher');
    page.append(el);
    const button = await waitFor(() => inRoot(el, '.launcher'), 'button');
    equal(button.getAttribute('dir'), 'rtl', 'direction');
    equal(button.getAttribute('aria-label'), LAUNCHER_TEXT.ar.name, 'Arabic');
    ok(button.getBoundingClientRect().left < innerWidth / 2, 'on the left');
  });

  it('follows a lang set on it before the widget loads', async () => {
    const el = document.createElement('ticket-widget');
    el.setAttribute('mode', 'launcher');
    document.body.append(el);
    added.push(el);
    const button = await waitFor(() => inRoot(el, '.launcher'), 'button');
    equal(button.getAttribute('aria-label'), LAUNCHER_TEXT.en.name, 'English');
    el.setAttribute('lang', 'ar');
    await waitFor(
      () => button.getAttribute('aria-label') === LAUNCHER_TEXT.ar.name,
      'the Arabic name',
    );
    equal(button.getAttribute('dir'), 'rtl', 'direction');
    equal(
      inRoot(el, '.close')?.getAttribute('aria-label'),
      LAUNCHER_TEXT.ar.close,
      'close button',
    );
  });

  it('says so when the widget cannot be loaded, and retries', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    added.push(el);
    let attempts = 0;
    stubLauncher(el, {
      load: () => Promise.reject(new Error(`offline ${++attempts}`)),
    });
    const openable = el as unknown as Openable;
    openable.open();
    await waitFor(
      () => el.shadowRoot?.textContent?.includes(LAUNCHER_TEXT.en.failed),
      'the failure',
    );
    openable.close();
    openable.open();
    equal(attempts, 2, 'a new open tries again');
  });

  it('hands over to the full widget, open, with focus inside', async () => {
    const el = add({ mode: 'launcher', endpoint }) as Openable;
    await waitFor(() => inRoot(el, '.launcher'), 'button');
    el.open();
    release();
    await customElements.whenDefined('ticket-widget');
    const TicketWidget = customElements.get('ticket-widget')!;
    ok(el instanceof TicketWidget, 'upgraded in place');
    const form = await waitFor(() => inRoot(el, '[part~="form"]'), 'form');
    equal(el.shadowRoot?.querySelectorAll('.launcher').length, 1, 'buttons');
    const panel = inRoot(el, '[part="panel"]')!;
    ok(!panel.hidden && panel.contains(form), 'the form in the open panel');
    await waitFor(() => panel.contains(el.shadowRoot!.activeElement), 'focus');
    ok(!Object.hasOwn(el, 'open'), 'the stub methods are gone');

    await sendKeys({ press: 'Escape' });
    await waitFor(() => panel.hidden, 'closed');
    const button = inRoot(el, '.launcher');
    equal(el.shadowRoot?.activeElement, button, 'focus back on the button');
  });

  it('leaves widgets added after the hand-over to the full widget', async () => {
    const el = add({ mode: 'launcher', endpoint });
    const TicketWidget = customElements.get('ticket-widget')!;
    ok(el instanceof TicketWidget, 'defined at once');
    await (el as unknown as { updateComplete: Promise<unknown> })
      .updateComplete;
    equal(el.shadowRoot?.querySelectorAll('.launcher').length, 1, 'buttons');
  });
});
