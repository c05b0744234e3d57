import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  act,
  afterEach,
  beforeEach,
  describe,
  equal,
  it,
  marker,
  match,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

// The whole way through the launcher with the keyboard alone: every
// step is a key press sent by the browser, every focus move and every
// announcement in the live region is checked.

const slow = (test: unknown) =>
  (test as { timeout(ms: number): void }).timeout(40_000);

const active = (el: TicketWidget) =>
  (el.shadowRoot?.activeElement ?? null) as HTMLElement | null;

/** How a focused element reads in a failure: its id, part or text. */
const describeFocus = (node: HTMLElement | null) =>
  node
    ? node.id || node.getAttribute('part') || node.textContent?.trim() || ''
    : 'nothing';

/** The live region's text, spaces squeezed. */
const said = (el: TicketWidget) =>
  (el.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** Waits until the live region says something matching `pattern`. */
const heard = (el: TicketWidget, pattern: RegExp) =>
  waitFor(() => pattern.test(said(el)), `the live region to say ${pattern}`);

/** Waits until focus is on `selector` inside the widget. */
async function focusOn(el: TicketWidget, selector: string): Promise<void> {
  await waitFor(
    () => active(el)?.matches(selector),
    `focus on ${selector} (it is on ${describeFocus(active(el))})`,
  );
}

/**
 * Presses Tab (or Shift+Tab) until focus reaches `selector`; fails when
 * it takes more than `max` presses, naming where focus went.
 */
async function tabTo(
  el: TicketWidget,
  selector: string,
  { back = false, max = 15 } = {},
): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    if (active(el)?.matches(selector)) return;
    if (back) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (back) await sendKeys({ up: 'Shift' });
    path.push(describeFocus(active(el)));
  }
  ok(active(el)?.matches(selector), `${selector} not reached: ${path}`);
}

async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

const press = (key: string) => sendKeys({ press: key });

describe('<ticket-widget> with the keyboard alone', () => {
  beforeEach(() => {
    localStorage.clear();
    (document.activeElement as HTMLElement | null)?.blur();
  });
  afterEach(() => unmountAll());

  it('opens, submits, tracks, replies, accepts, rates and closes', async function () {
    slow(this);
    const el = await mount({ mode: 'launcher', 'poll-interval': '60000' });
    const launcher = $(el, '[part="launcher-button"]');
    await press('Tab');
    equal(active(el), launcher, 'Tab reaches the launcher');
    await press('Enter');
    await focusOn(el, '[part="panel"]');
    equal(launcher.getAttribute('aria-expanded'), 'true', 'expanded');

    // Submitting empty: focus on the first invalid field, announced.
    await tabTo(el, '[part~="submit-button"]');
    await press('Enter');
    await focusOn(el, '#subject');
    equal(active(el)?.getAttribute('aria-invalid'), 'true', 'marked');
    await heard(el, /correct the highlighted fields/);

    const tag = marker();
    await type(`Dock ${tag}`);
    await press('Tab');
    equal(active(el)?.id, 'description', 'then the description');
    await type('No display on the dock.');
    await tabTo(el, '#email');
    await type('kim@example.com');
    await tabTo(el, '[part~="submit-button"]');
    await press('Enter');
    await focusOn(el, '#confirmation-heading');
    await heard(el, /Request submitted\. Your reference is T-\d+\./);
    const ref = $(el, '[part="reference"]').textContent?.trim() ?? '';

    // My requests, then the ticket.
    await tabTo(el, '[part~="nav-button"]:not([aria-current="page"])', {
      back: true,
    });
    await press('Enter');
    await focusOn(el, '#list-heading');
    await tabTo(el, '[part~="ticket-button"]');
    const id = active(el)?.dataset.id ?? '';
    ok(id, 'a ticket button');
    await press('Enter');
    await focusOn(el, '#ticket-heading');
    await waitFor(() => el.shadowRoot?.querySelector('#reply'), 'reply box');

    await tabTo(el, '#reply');
    await type('It also drops the network.');
    await press('Tab');
    await press('Enter');
    await heard(el, /Reply sent/);
    await focusOn(el, '#reply');

    // Support resolves: the change is announced where focus is.
    await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
    await act(id, { type: 'resolve', code: 'fixed', note: 'New dock.' });
    await heard(el, new RegExp(`${ref} is now: Resolved`));
    await focusOn(el, '#reply');

    await tabTo(el, '#accept-button', { back: true });
    await press('Enter');
    await focusOn(el, '#rating-heading');
    await heard(el, new RegExp(`${ref}: thank you\\. The request is closed`));

    // The stars are a radio group: Tab enters it (on the star that last
    // had focus: Shift+Tab passed the last one), Space picks, arrows move.
    await press('Tab');
    const star = Number(
      active(el)?.matches('[name="rating"]') &&
        active(el)?.getAttribute('value'),
    );
    ok(star >= 1, `Tab reaches a star, not ${describeFocus(active(el))}`);
    await press('Space');
    const arrow = star < 4 ? 'ArrowRight' : 'ArrowLeft';
    for (let i = 0; i < Math.abs(star - 4); i++) await press(arrow);
    equal(active(el)?.id, 'rating-4', 'arrows move along the stars');
    equal($<HTMLInputElement>(el, '#rating-4').checked, true, '4 chosen');
    await press('Tab');
    equal(active(el)?.id, 'rating-comment', 'then the comment');
    await type('Quick fix.');
    await press('Tab');
    match(active(el)?.getAttribute('part'), /rate-button/);
    await press('Enter');
    await heard(el, /Thank you for your rating of 4 out of 5/);
    await focusOn(el, '#rating-current');

    // Escape closes the panel; focus goes back to the launcher.
    await press('Escape');
    await waitFor(() => $(el, '[part="panel"]').hidden, 'panel closed');
    equal(active(el), launcher, 'focus back on the launcher');
    equal(launcher.getAttribute('aria-expanded'), 'false', 'collapsed');

    // Space opens it too, where the requester left it.
    await press('Space');
    await focusOn(el, '[part="panel"]');
    ok($(el, '#rating-current').checkVisibility(), 'the same ticket');
    await press('Escape');
    await waitFor(() => active(el) === launcher, 'focus back again');
  });
});
