import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  endpoint,
  equal,
  fill,
  identityToken,
  it,
  marker,
  match,
  mount,
  ok,
  requestsTo,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { expectNoViolations, text } from '../../test/tracking-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

// The form of an identified requester: it says whom the request is
// filed for instead of asking for an address the server would replace,
// submits under the identity, and asks again once they sign out.

/** A fresh address per test: requesters are keyed by email. */
const address = (who: string) =>
  `${who}.${Math.random().toString(36).slice(2, 8)}@example.com`;

const has = (el: TicketWidget, selector: string) =>
  el.shadowRoot?.querySelector(selector) != null;

const active = (el: TicketWidget) =>
  (el.shadowRoot?.activeElement ?? null) as HTMLElement | null;

/** Fills subject and description; returns the subject, to find the request. */
function describeProblem(el: TicketWidget): string {
  const subject = `Identified ${marker()}`;
  fill(el, '#subject', subject);
  fill(el, '#description', 'The VPN drops every ten minutes.');
  return subject;
}

/** Presses submit; resolves with the new ticket's id. */
function submit(el: TicketWidget): Promise<string> {
  const submitted = new Promise<string>((resolve) =>
    el.addEventListener('ticket-submitted', (e) => resolve(e.detail.id), {
      once: true,
    }),
  );
  $(el, '[part~="submit-button"]').click();
  return submitted;
}

/** The body of the submission whose subject is `subject`. */
async function sent(subject: string) {
  const calls = await requestsTo('/api/v1/tickets');
  const call = calls.find((c) => c.body.includes(subject));
  ok(call, `a submission of ${subject}`);
  return JSON.parse(call.body) as { requester: Record<string, string> };
}

/** The ids `GET /me/tickets` lists for `token`. */
async function listedFor(token: string): Promise<string[]> {
  const response = await fetch(`${endpoint}/me/tickets`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await response.json()) as { items: { id: string }[] };
  return page.items.map((t) => t.id);
}

describe('<ticket-widget> form while identified', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('shows whom it files for instead of asking an address, and files under them', async () => {
    const ada = address('ada');
    const token = await identityToken(ada, { name: 'Ada Lovelace' });
    const el = await mount({ 'poll-interval': '60000' });
    el.prefill({ email: 'typed-earlier@example.com' });
    ok(has(el, '#email'), 'an email field before identify()');

    // The claims show at once, before the server has answered.
    const identifying = el.identify(token);
    await el.updateComplete;
    ok(!has(el, '#email'), 'no email field');
    ok(!has(el, '#name'), 'no name field: the identity has one');
    match(
      text(el, '[part="requester"]'),
      new RegExp(`Ada Lovelace \\(${ada}\\)`),
    );
    await identifying;
    match(text(el, '[part="requester"]'), /Signed in: .* filed for/);
    await expectNoViolations(el, 'identified form');

    const subject = describeProblem(el);
    const id = await submit(el);
    const body = await sent(subject);
    equal(body.requester.email, ada, 'the address sent');
    equal(body.requester.name, 'Ada Lovelace', 'the name sent');
    ok((await listedFor(token)).includes(id), 'filed under the identity');
  });

  it('keeps the name field when the identity has no name, and sends what is typed', async () => {
    const ola = address('ola');
    const el = await mount({ 'poll-interval': '60000' });
    await el.identify(await identityToken(ola));
    ok(!has(el, '#email'), 'no email field');
    ok(has(el, '#name'), 'a name field');
    equal(/\(/.test(text(el, '[part="requester"]') ?? ''), false, 'no name');
    match(text(el, '[part="requester"]'), new RegExp(ola));

    const subject = describeProblem(el);
    fill(el, '#name', 'Ola N.');
    await submit(el);
    const body = await sent(subject);
    equal(body.requester.email, ola, 'the address sent');
    equal(body.requester.name, 'Ola N.', 'the name typed');
  });

  it('shows a name with markup from the token as text', async () => {
    const name = '<img src=x onerror="window.__pwnedName=1">';
    const el = await mount();
    await el.identify(await identityToken(address('mal'), { name }));
    match(text(el, '[part="requester"]'), /<img src=x/);
    equal(el.shadowRoot!.querySelectorAll('form img').length, 0, 'no img');
    equal((window as { __pwnedName?: number }).__pwnedName, undefined, 'ran');
  });

  it('asks for the address again after identify(null) and after signOut()', async () => {
    const el = await mount();
    el.prefill({ email: 'kept@example.com' });
    await el.identify(await identityToken(address('kim'), { name: 'Kim' }));
    ok(!has(el, '#email'), 'identified: no email field');

    await el.identify(null);
    ok(has(el, '#email') && has(el, '#name'), 'fields back');
    ok(!has(el, '[part="requester"]'), 'no identity line');
    equal($<HTMLInputElement>(el, '#email').value, 'kept@example.com', 'own');

    await el.identify(await identityToken(address('kim')));
    await el.signOut();
    ok(has(el, '#email'), 'signed out: field back');
    describeProblem(el);
    $(el, '[part~="submit-button"]').click();
    await waitFor(() => has(el, '#email-error'), 'the address demanded');
    match(text(el, '#email-error'), /Enter an email address/);
  });

  it('shows the server’s refusal of a bad identity when submitting', async () => {
    const eve = address('eve');
    const el = await mount();
    const codes: string[] = [];
    el.addEventListener('ticket-error', (e) => codes.push(e.detail.code));
    let filed = false;
    el.addEventListener('ticket-submitted', () => {
      filed = true;
    });
    await el.identify(await identityToken(eve, { ttlSeconds: -120 }));
    match(text(el, '[part="requester"]'), new RegExp(eve));

    describeProblem(el);
    $(el, '[part~="submit-button"]').click();
    await waitFor(() => has(el, '#form-error'), 'the refusal');
    match(text(el, '#form-error'), /expired/);
    equal(codes.at(-1), 'IDENTITY_EXPIRED', 'code');
    equal(filed, false, 'nothing filed');
    await expectNoViolations(el, 'identified form, refused');

    // Signed out, the refusal of the old identity no longer applies.
    await el.identify(null);
    await el.updateComplete;
    ok(!has(el, '#form-error'), 'the stale refusal is gone');
  });

  it('tabs from the category to the submit button past no address field', async () => {
    const el = await mount();
    await el.identify(await identityToken(address('lee'), { name: 'Lee' }));
    $(el, '#category').focus();
    const path: string[] = [];
    for (
      let i = 0;
      i < 10 && !active(el)?.matches('[part~="submit-button"]');
      i++
    ) {
      await sendKeys({ press: 'Tab' });
      path.push(active(el)?.id || active(el)?.getAttribute('part') || '?');
    }
    ok(active(el)?.matches('[part~="submit-button"]'), `reached: ${path}`);
    ok(!path.includes('email') && !path.includes('name'), `path: ${path}`);
  });

  it('has the assistant ask no address and file under the identity, and forgets the chat at sign-out', async function () {
    (this as unknown as { timeout(ms: number): void }).timeout(30_000);
    const bea = address('bea');
    const token = await identityToken(bea, { name: 'Bea' });
    const el = await mount({ assistant: '' });
    await el.identify(token);
    const nav = () =>
      el.shadowRoot!.querySelectorAll<HTMLElement>('nav button');
    nav()[2]!.click();
    await waitFor(() => has(el, '#assistant-input'), 'the assistant');
    const bot = () =>
      [...el.shadowRoot!.querySelectorAll('.log > li.bot')].at(-1)
        ?.textContent ?? '';
    const said = () => el.shadowRoot!.querySelectorAll('.log > li').length;
    const say = async (words: string, until: RegExp) => {
      const before = said();
      const input = $<HTMLTextAreaElement>(el, '#assistant-input');
      input.value = words;
      $(el, '[part~="assistant-send"]').click();
      await waitFor(
        () => said() > before + 1 && until.test(bot()),
        `an answer matching ${until}`,
      );
    };

    await say('the beamer in room 2 shows only blue', /.+/);
    const person = [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>('.choices button'),
    ].at(-1)!;
    person.click();
    await waitFor(() => /Anything to add/.test(bot()), 'the first question');
    await say('Since Monday, after the firmware update.', /open a ticket/i);
    ok(!/e-?mail|address/i.test(bot()), `no address asked: ${bot()}`);
    const calls = await requestsTo('/assistant/messages');
    ok(calls.length > 0, 'sent');
    $(el, '.log > li.bot:last-child .choices button').click();
    await waitFor(() => /opened ticket/i.test(bot()), 'the ticket');
    const [id] = await listedFor(token);
    ok(id, 'filed under the identity');

    // A fresh token of the same user keeps the conversation; none ends it.
    const mine = () => el.shadowRoot!.querySelectorAll('.log > li.you').length;
    const before = mine();
    await el.identify(await identityToken(bea, { name: 'Bea' }));
    await el.updateComplete;
    equal(mine(), before, 'kept across a fresh token');
    await el.identify(null);
    await el.updateComplete;
    equal(mine(), 0, 'gone at sign-out');
  });
});
