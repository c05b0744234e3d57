import { a11ySnapshot } from '@web/test-runner-commands';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  fill,
  it,
  marker,
  match,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { expectNoViolations, text } from '../../test/tracking-kit.js';
import '../define.js';
import type { TicketErrorDetail, TicketWidget } from '../index.js';

/** The abuse-test API: honeypot `website`, and a CAPTCHA check. */
const S2 = `${location.origin}/s2/api/v1`;

/** Tickets on that API whose subject holds `tag`. */
async function ticketsWith(tag: string): Promise<unknown[]> {
  return (await fetch(`/s2/control/tickets?q=${tag}`)).json();
}

/** A token from the stand-in CAPTCHA provider, good for one submission. */
async function solvePuzzle(): Promise<string> {
  const response = await fetch('/s2/control/captcha', { method: 'POST' });
  return (await response.json()).token;
}

function fillRequest(el: TicketWidget, tag: string) {
  fill(el, '#subject', `Plotter jams ${tag}`);
  fill(el, '#description', `The A0 plotter jams on every roll. ${tag}`);
  fill(el, '#email', 'ines@example.com');
}

async function submitted(el: TicketWidget): Promise<string> {
  $(el, '[part~="submit-button"]').click();
  return waitFor(() => text(el, '[part="reference"]'), 'the confirmation');
}

interface AxNode {
  name?: string;
  children?: AxNode[];
}

function names(node: AxNode): string[] {
  return [node.name ?? '', ...(node.children ?? []).flatMap(names)];
}

describe('<ticket-widget> honeypot', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('renders no trap unless asked', async () => {
    const el = await mount({ endpoint: S2 });
    equal(el.shadowRoot?.querySelector('#trap') ?? null, null, 'trap');
  });

  it('hides the trap from people, assistive technology and the tab order', async () => {
    const el = await mount({ endpoint: S2, honeypot: 'website' });
    const trap = $<HTMLInputElement>(el, 'input[name="website"]');
    equal(trap.tabIndex, -1, 'tabindex');
    equal(trap.autocomplete, 'off', 'autocomplete');
    ok(trap.closest('[aria-hidden="true"]'), 'inside aria-hidden');
    ok(trap.getBoundingClientRect().right <= 0, 'off-screen');
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    ok(!names(tree).includes('Website'), 'not in the accessibility tree');
    await expectNoViolations(el, 'form with a honeypot');
  });

  it('answers a filled trap like a success, and nothing is stored', async () => {
    const el = await mount({ endpoint: S2, honeypot: 'website' });
    const tag = marker();
    fillRequest(el, tag);
    fill(el, '#trap', 'https://cheap-watches.example');
    match(await submitted(el), /^T-\d+$/);
    equal((await ticketsWith(tag)).length, 0, 'tickets stored');
  });
});

describe('<ticket-widget> captchaProvider', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('sends a fresh token with each submission', async () => {
    const el = await mount({ endpoint: S2, honeypot: 'website' });
    let asked = 0;
    el.captchaProvider = () => {
      asked++;
      return solvePuzzle();
    };
    const tag = marker();
    fillRequest(el, tag);
    await submitted(el);
    $(el, '[part~="new-button"]').click();
    await el.updateComplete;
    fillRequest(el, tag);
    await submitted(el);
    equal(asked, 2, 'provider calls');
    equal((await ticketsWith(tag)).length, 2, 'tickets stored');
  });

  it('shows the server’s refusal without a token, and a failing provider sends nothing', async () => {
    const el = await mount({ endpoint: S2 });
    const errors: TicketErrorDetail[] = [];
    el.addEventListener('ticket-error', (e) => errors.push(e.detail));
    const tag = marker();
    el.captchaProvider = () => null;
    fillRequest(el, tag);
    $(el, '[part~="submit-button"]').click();
    const alert = await waitFor(() => text(el, '#form-error'), 'the refusal');
    match(alert, /Solve the puzzle first/);
    equal(errors[0]?.code, 'CAPTCHA_FAILED', 'ticket-error code');

    el.captchaProvider = () => {
      throw new Error('the provider script did not load');
    };
    $(el, '[part~="submit-button"]').click();
    await waitFor(() => errors.length === 2, 'a second error');
    equal(errors[1]?.code, 'CAPTCHA_FAILED', 'provider failure code');
    equal((await ticketsWith(tag)).length, 0, 'tickets stored');
  });
});
