import {
  $,
  afterEach,
  describe,
  endpoint,
  equal,
  it,
  mount,
  ok,
  unmountAll,
} from '../../test/browser-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

/** The controls of a whole form, in the order it draws them. */
const WHOLE_FORM = [
  '#subject',
  '#description',
  '#category',
  '#email',
  '#name',
  '[part~="submit-button"]',
];

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** What each mutation batch (one per task at most) saw in the shadow root. */
interface Seen {
  hidden: boolean;
  nav: boolean;
  controls: number;
}

function watch(el: TicketWidget): Seen[] {
  const seen: Seen[] = [];
  const root = el.shadowRoot;
  if (!root) throw new Error('no shadow root on connect');
  new MutationObserver(() => {
    const base = root.querySelector<HTMLElement>('[part~="base"]');
    if (!base) return;
    seen.push({
      hidden: base.hidden,
      nav: !!root.querySelector('[part~="nav"]'),
      controls: WHOLE_FORM.filter((s) => root.querySelector(s)).length,
    });
  }).observe(root, { subtree: true, childList: true, attributes: true });
  return seen;
}

function create(attrs: Record<string, string> = {}): TicketWidget {
  const el = document.createElement('ticket-widget');
  el.setAttribute('endpoint', endpoint);
  for (const [name, value] of Object.entries(attrs)) {
    el.setAttribute(name, value);
  }
  return el;
}

describe('<ticket-widget> first render in steps', () => {
  afterEach(() => {
    unmountAll();
    for (const el of document.querySelectorAll('ticket-widget')) el.remove();
  });

  it('draws an inline form over several tasks, shown only once whole', async () => {
    const el = create();
    document.body.append(el);
    const seen = watch(el);
    await el.updateComplete;
    const base = $(el, '[part~="base"]');
    ok(!base.hidden, 'shown after updateComplete');
    for (const selector of WHOLE_FORM) $(el, selector);
    const partial = seen.filter((s) => s.controls < WHOLE_FORM.length);
    ok(
      partial.some((s) => s.nav && s.controls === 0),
      `no step with the shell alone: ${JSON.stringify(seen)}`,
    );
    ok(
      partial.some((s) => s.controls > 0),
      `no step with part of the form: ${JSON.stringify(seen)}`,
    );
    ok(
      partial.every((s) => s.hidden),
      `a part of the form was shown: ${JSON.stringify(seen)}`,
    );
  });

  it('takes no height until the form is whole', async () => {
    const el = create();
    document.body.append(el);
    const heights: number[] = [];
    while (!el.shadowRoot?.querySelector('[part~="submit-button"]')) {
      heights.push(el.getBoundingClientRect().height);
      await nextTask();
    }
    await el.updateComplete;
    ok(heights.length > 1, 'the form was drawn in the first task');
    ok(
      heights.every((h) => h === 0),
      `height before: ${heights.join(', ')}`,
    );
    ok(el.getBoundingClientRect().height > 200, 'the whole form, laid out');
  });

  it('finishes at once when taken out of the page halfway', async () => {
    const el = create();
    document.body.append(el);
    while (!el.shadowRoot?.querySelector('[part~="nav"]')) await nextTask();
    el.remove();
    await el.updateComplete;
    ok(!$(el, '[part~="base"]').hidden, 'shown');
    for (const selector of WHOLE_FORM) $(el, selector);
    document.body.append(el);
    await el.updateComplete;
    ok(el.getBoundingClientRect().height > 200, 'laid out once back');
  });

  it('renders the content whole at the first open in launcher mode', async () => {
    const el = await mount({ mode: 'launcher' });
    equal(el.shadowRoot?.querySelector('[part~="base"]'), null, 'no content');
    await el.open();
    ok(!$(el, '[part~="base"]').hidden, 'content shown');
    for (const selector of WHOLE_FORM) $(el, selector);
    equal(el.shadowRoot?.activeElement, $(el, '[part="panel"]'), 'focus');
  });
});
