import { emulateMedia } from '@web/test-runner-commands';
import {
  $,
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
import { expectNoViolations, submitTicket } from '../../test/look-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

const DARK_BACKGROUND = 'rgb(13, 17, 23)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

const style = (el: TicketWidget, selector: string) =>
  getComputedStyle($(el, selector));

/** Every control of the current screen that is smaller than 44 × 44. */
function smallTargets(el: TicketWidget): string[] {
  const controls = el.shadowRoot?.querySelectorAll<HTMLElement>(
    'button, input, select, textarea, a[href]',
  );
  return [...(controls ?? [])]
    .filter((c) => c.getClientRects().length > 0)
    .map((c) => ({ c, box: c.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(
      ({ c, box }) =>
        `${c.id || c.textContent?.trim()} ${box.width}×${box.height}`,
    );
}

describe('<ticket-widget> theme, motion and target size', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    unmountAll();
    await emulateMedia({
      colorScheme: 'light',
      reducedMotion: 'no-preference',
    });
  });

  it('turns dark with theme="dark" and light again with theme="light"', async () => {
    const el = await mount({ theme: 'dark' });
    equal(style(el, '[part~="base"]').backgroundColor, DARK_BACKGROUND, 'dark');
    equal(style(el, '[part~="base"]').color, 'rgb(230, 237, 243)', 'text');
    equal(
      style(el, '[part~="submit-button"]').backgroundColor,
      'rgb(68, 147, 248)',
      'accent',
    );
    await expectNoViolations(el, 'dark form');
    el.theme = 'light';
    await el.updateComplete;
    equal(el.getAttribute('theme'), 'light', 'the property reflects');
    equal(
      style(el, '[part~="base"]').backgroundColor,
      LIGHT_BACKGROUND,
      'light',
    );
  });

  it('follows prefers-color-scheme unless the theme attribute overrides it', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await mount();
    const light = await mount({ theme: 'light' });
    equal(
      style(auto, '[part~="base"]').backgroundColor,
      DARK_BACKGROUND,
      'auto',
    );
    equal(style(auto, '[part~="base"]').colorScheme, 'dark', 'native controls');
    equal(
      style(light, '[part~="base"]').backgroundColor,
      LIGHT_BACKGROUND,
      'forced',
    );

    auto.style.setProperty('--ticket-background', 'rgb(1, 2, 3)');
    equal(
      style(auto, '[part~="base"]').backgroundColor,
      'rgb(1, 2, 3)',
      'custom',
    );

    await emulateMedia({ colorScheme: 'light' });
    auto.style.removeProperty('--ticket-background');
    equal(
      style(auto, '[part~="base"]').backgroundColor,
      LIGHT_BACKGROUND,
      'back',
    );
  });

  it('passes axe-core in dark, right-to-left Arabic through submission', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mount({ locale: 'ar' });
    await waitFor(() => $(el, '[part~="base"]').dir === 'rtl', 'Arabic');
    $(el, '[part~="submit-button"]').click();
    await waitFor(
      () => el.shadowRoot?.querySelector('#subject-error'),
      'errors',
    );
    await expectNoViolations(el, 'dark RTL form with errors');
    await submitTicket(el);
    await expectNoViolations(el, 'dark RTL confirmation');
  });

  it('animates nothing when the user prefers reduced motion', async () => {
    const el = await mount();
    const button = () => style(el, '[part~="submit-button"]');
    ok(button().transitionDuration !== '0s', 'a transition by default');
    await emulateMedia({ reducedMotion: 'reduce' });
    equal(button().transitionDuration, '0s', 'no transition');
    equal(button().animationName, 'none', 'no animation');
  });

  it('gives every control a target of at least 44 × 44 on every screen', async () => {
    // A small base size must not shrink the targets below 44 px.
    const el = await mount();
    el.style.setProperty('--ticket-font-size', '12px');
    equal(smallTargets(el).join(', '), '', 'form');

    $(el, '[part~="submit-button"]').click();
    await waitFor(
      () => el.shadowRoot?.querySelector('#subject-error'),
      'errors',
    );
    equal(smallTargets(el).join(', '), '', 'form with errors');

    await submitTicket(el);
    equal(smallTargets(el).join(', '), '', 'confirmation');

    $(el, '[part~="open-button"]').click();
    await waitFor(() => el.shadowRoot?.querySelector('#reply'), 'ticket');
    equal(smallTargets(el).join(', '), '', 'ticket');

    $(el, '[part~="back-button"]').click();
    await waitFor(() => el.shadowRoot?.querySelector('[part="list"]'), 'list');
    equal(smallTargets(el).join(', '), '', 'list');
  });
});
