import { sendKeys } from '@web/test-runner-commands';
import { expectNoViolations } from '../../test/axe-kit.js';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  endpoint,
  equal,
  fill,
  it,
  marker,
  match,
  mount,
  ok,
  requestsTo,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

// Suggested answers against the real HTTP handler of the test backend,
// whose knowledge base (test/load-backend.mjs) holds a VPN, a mailbox
// and a toner article (the last with markup in its title and body).

const slow = (test: unknown) =>
  (test as { timeout(ms: number): void }).timeout(30_000);

/** A session of the test backend's agent, to read what the server kept. */
async function agentToken(): Promise<string> {
  const response = await fetch(`${endpoint}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'console-agent@example.com',
      password: 'console-browser-tests-password',
    }),
  });
  ok(response.status === 201, `sign-in answered ${response.status}`);
  return (await response.json()).token;
}

async function asAgent<T>(path: string): Promise<T> {
  const token = await agentToken();
  const response = await fetch(`${endpoint}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  ok(response.ok, `${path} answered ${response.status}`);
  return response.json();
}

const deflections = async () =>
  (await asAgent<{ deflections: number }>('/kb/deflections/count')).deflections;

const chunkLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((e) => /suggestions-panel/.test(new URL(e.name).pathname));

const items = (el: TicketWidget) =>
  el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="suggestion"]');

async function typeVpn(el: TicketWidget, tag = marker()) {
  fill(el, '#subject', `VPN certificate expired ${tag}`);
  fill(el, '#description', 'The VPN client says the certificate expired.');
  await waitFor(() => items(el).length > 0, 'suggestions');
}

describe('<ticket-widget> suggested answers', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('waits for three words and a pause, then shows at most three', async function () {
    slow(this);
    const el = await mount();
    const before = (await requestsTo('/kb/suggest')).length;
    fill(el, '#subject', 'VPN');
    await new Promise((r) => setTimeout(r, 700));
    equal((await requestsTo('/kb/suggest')).length, before, 'asked early');
    const build = (window as { TICKETRY_BUILD?: string }).TICKETRY_BUILD;
    if (build === 'dist') equal(chunkLoaded(), false, 'chunk before typing');
    for (const more of ['', ' again', ' again today']) {
      fill(el, '#subject', `VPN certificate expired${more}`);
    }
    await waitFor(() => items(el).length > 0, 'suggestions');
    const asked = (await requestsTo('/kb/suggest')).length - before;
    equal(asked, 1, 'requests after a burst of typing');
    ok(items(el).length <= 3, 'at most three');
    // Announced with the count's own wording (one, two, more).
    const n = items(el).length;
    const said = await waitFor(
      () =>
        el.shadowRoot
          ?.querySelector('.visually-hidden[role="status"]')
          ?.textContent?.trim(),
      'the announcement',
    );
    equal(
      said,
      n === 1
        ? 'One suggested answer below the description.'
        : `${n} suggested answers below the description.`,
    );
    if (build === 'dist') equal(chunkLoaded(), true, 'chunk after typing');
    match(items(el)[0]!.textContent ?? '', /certificate expired/);
    await expectNoViolations(el, 'suggestions shown');
  });

  it('records a deflection for "This solved it" and empties the draft', async function () {
    slow(this);
    const el = await mount();
    await typeVpn(el);
    const before = await deflections();
    $(el, '[part~="solved-button"]').click();
    await waitFor(
      () => el.shadowRoot!.querySelector('[part="suggestions-thanks"]'),
      'the thank-you',
    );
    equal(el.shadowRoot!.activeElement?.id, 'suggestions-thanks', 'focus');
    equal($<HTMLInputElement>(el, '#subject').value, '', 'subject');
    await waitFor(async () => (await deflections()) === before + 1, 'count');
    const [call] = (await requestsTo('/kb/deflections')).slice(-1);
    match(call!.body, /"solvedBy":"article:vpn-certificate"/);
    await expectNoViolations(el, 'thank-you');
  });

  it('records what was offered on the ticket submitted after "I still need help"', async function () {
    slow(this);
    const el = await mount();
    const tag = marker();
    await typeVpn(el, tag);
    $(el, '[part~="need-help-button"]').click();
    await waitFor(() => items(el).length === 0, 'dismissed');
    fill(el, '#email', 'ada@example.com');
    const submitted = new Promise<{ id: string }>((resolve) =>
      el.addEventListener('ticket-submitted', (e) =>
        resolve((e as CustomEvent).detail),
      ),
    );
    $(el, '[part~="submit-button"]').click();
    const { id } = await submitted;
    const offered = async () => {
      const { events } = await asAgent<{
        events: { type: string; data?: unknown }[];
      }>(`/tickets/${id}/events`);
      return events.find((e) => e.type === 'ticket.kb_offered');
    };
    const event = await waitFor(offered, 'the kb_offered event');
    match(JSON.stringify(event), /article:vpn-certificate/);
  });

  it('renders markup in article titles and texts as text', async function () {
    slow(this);
    const el = await mount();
    fill(el, '#subject', 'toner smudges printer pages');
    await waitFor(() => items(el).length > 0, 'suggestions');
    const item = items(el)[0]!;
    match(item.textContent ?? '', /<img src=x onerror=/);
    equal(el.shadowRoot!.querySelectorAll('img, script, b').length, 0, 'tags');
    const w = window as { __kbXss?: number };
    equal(w.__kbXss, undefined, 'no script ran');
  });

  it('works by keyboard: from the description to "This solved it"', async function () {
    slow(this);
    const el = await mount();
    await typeVpn(el);
    $(el, '#description').focus();
    await sendKeys({ press: 'Tab' });
    equal(
      el.shadowRoot!.activeElement?.getAttribute('part'),
      'button solved-button',
      'next stop after the description',
    );
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => el.shadowRoot!.activeElement?.id === 'suggestions-thanks',
      'focus on the thank-you',
    );
  });

  it('sends at most the 20,000 characters the server reads', async function () {
    slow(this);
    const el = await mount();
    const before = (await requestsTo('/kb/suggest')).length;
    fill(el, '#subject', `VPN certificate expired ${marker()}`);
    fill(el, '#description', 'the certificate expired. '.repeat(1000));
    await waitFor(() => items(el).length > 0, 'suggestions');
    const calls = (await requestsTo('/kb/suggest')).slice(before);
    const sent = JSON.parse(calls.at(-1)!.body) as { description: string };
    equal(sent.description.length, 20_000, 'description characters sent');
  });

  it('asks nothing with no-suggestions', async function () {
    slow(this);
    const el = await mount({ 'no-suggestions': '' });
    const before = (await requestsTo('/kb/suggest')).length;
    fill(el, '#subject', 'VPN certificate expired again');
    await new Promise((r) => setTimeout(r, 800));
    equal((await requestsTo('/kb/suggest')).length, before, 'requests');
    equal(items(el).length, 0, 'suggestions');
  });
});
