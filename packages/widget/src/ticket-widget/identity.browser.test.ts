import {
  $,
  act,
  afterEach,
  beforeEach,
  describe,
  endpoint,
  equal,
  fill,
  identityToken,
  it,
  match,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import {
  expectNoViolations,
  statusIs,
  submitThrough,
  text,
} from '../../test/tracking-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

/** A ticket filed straight through the API, as from another device. */
async function fileElsewhere(email: string, subject: string) {
  const response = await fetch(`${endpoint}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject,
      description: 'Filed from a phone.',
      requester: { email },
    }),
  });
  const { ticket } = await response.json();
  return ticket.id as string;
}

const listedIds = (el: TicketWidget) =>
  [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[data-id]') ?? [])].map(
    (b) => b.dataset.id,
  );

async function showList(el: TicketWidget) {
  $(el, 'nav button:last-child').click();
  await waitFor(() => el.shadowRoot?.querySelector('#list-heading'), 'list');
}

/** A fresh address per test: requesters are keyed by email. */
const address = (who: string) =>
  `${who}.${Math.random().toString(36).slice(2, 8)}@example.com`;

describe('<ticket-widget> identify()', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('keeps focus on the same ticket when a newer one joins the list above it', async () => {
    const lin = address('lin');
    const el = await mount({ 'poll-interval': '60000' });
    const stored = await submitThrough(el, lin);
    await showList(el);
    await waitFor(() => listedIds(el).length === 1, 'one request');
    $(el, `[data-id="${stored}"]`).focus();

    const newer = await fileElsewhere(lin, 'Newer from the phone');
    await el.identify(await identityToken(lin));
    await waitFor(() => listedIds(el).length === 2, 'two requests');
    equal(listedIds(el)[0], newer, 'the newer one first');
    const focused = () =>
      (el.shadowRoot?.activeElement as HTMLElement | null)?.dataset.id;
    await waitFor(
      () => focused() === stored,
      `focus on the ticket it was on (it is on ${focused()})`,
    );
  });

  it('lists every ticket of the identified requester with the stored ones, once each, and nobody else’s', async () => {
    const lin = address('lin');
    const fromPhone = await fileElsewhere(lin, 'Phone cannot sync mail');
    const someoneElse = await fileElsewhere(address('kim'), 'Not yours');
    const el = await mount({ 'poll-interval': '60000' });
    const stored = await submitThrough(el, lin);
    await el.updateComplete;

    await el.identify(await identityToken(lin, { name: 'Lin' }));
    await showList(el);
    await waitFor(() => listedIds(el).length === 2, 'two requests');
    equal(
      JSON.stringify(listedIds(el).sort()),
      JSON.stringify([fromPhone, stored].sort()),
      'listed',
    );
    ok(!listedIds(el).includes(someoneElse), 'not someone else’s');
    match(text(el, 'nav'), /My requests \(2\)/);
    match(
      text(el, '[part~="identity-note"]'),
      new RegExp(`Signed in as ${lin}`),
    );
    await expectNoViolations(el, 'identified list');

    // The one filed elsewhere opens with the identity, live.
    $(el, `[data-id="${fromPhone}"]`).click();
    await waitFor(() => text(el, '[part="status"]'), 'the status');
    await act(fromPhone, { type: 'triage', impact: 'low', urgency: 'low' });
    await statusIs(el, 'Open');
  });

  it('says a signed-in requester has no requests, not this browser', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    await el.identify(await identityToken(address('new'), { name: 'New' }));
    await showList(el);
    await waitFor(() => text(el, '[part~="identity-note"]'), 'the note');
    equal(
      text(el, '[part="list-view"] p')?.trim(),
      'You have no requests yet.',
    );
  });

  it('files submissions under the identity and keeps no token of theirs on the device', async () => {
    const ola = address('ola');
    const el = await mount({ 'poll-interval': '60000' });
    // An address the host prefilled stays in the draft, unsent.
    el.prefill({ email: 'typed-by-hand@example.com' });
    await el.identify(await identityToken(ola));
    fill(el, '#subject', 'Identified submission');
    fill(el, '#description', 'No address asked: the identity files it.');
    const filed = new Promise<string>((resolve) =>
      el.addEventListener('ticket-submitted', (e) => resolve(e.detail.id)),
    );
    $(el, '[part~="submit-button"]').click();
    const id = await filed;
    await el.updateComplete;
    equal(
      JSON.stringify({ ...localStorage }).includes('tkr_'),
      false,
      'stored',
    );

    const second = await mount();
    await second.identify(await identityToken(ola));
    await showList(second);
    await waitFor(() => listedIds(second).includes(id), 'listed elsewhere');

    await el.identify(null);
    await showList(el);
    await waitFor(() => listedIds(el).length === 0, 'signed out: gone');
    match(text(el, 'nav'), /My requests \(0\)/);
  });

  it('says why when the server refuses the identity, and fires ticket-error', async () => {
    const el = await mount();
    const codes: string[] = [];
    el.addEventListener('ticket-error', (e) => codes.push(e.detail.code));
    await el.identify(
      await identityToken(address('eve'), { ttlSeconds: -120 }),
    );
    await showList(el);
    await waitFor(() => text(el, '[part~="identity-note"]'), 'the note');
    match(text(el, '[part~="identity-note"]'), /could not be loaded/);
    equal(codes.at(-1), 'IDENTITY_EXPIRED', 'code');

    const forged = await identityToken(address('eve'), {
      secret: 'not-the-servers-secret-but-long-enough-0123',
    });
    await el.identify(forged);
    await waitFor(() => codes.at(-1) === 'IDENTITY_INVALID', 'forged');
  });

  it('refuses anything that is not an identity token at once', async () => {
    const el = await mount();
    for (const bad of ['tkr_abc', 'tki_nodot', 'Bearer tki_x.y', '']) {
      let thrown: unknown;
      try {
        await el.identify(bad);
      } catch (error) {
        thrown = error;
      }
      ok(thrown instanceof TypeError, `refused ${JSON.stringify(bad)}`);
    }
  });
});
