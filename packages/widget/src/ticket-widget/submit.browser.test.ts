import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  endpoint,
  equal,
  fault,
  fill,
  it,
  marker,
  match,
  mount,
  ok,
  requestsWith,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import type {
  TicketErrorDetail,
  TicketSubmittedDetail,
  TicketWidget,
} from '../index.js';

const storageKey = `ticketry:tickets:${endpoint}`;

/**
 * The submissions (`POST /tickets`) carrying `tag`: the suggestions'
 * `/kb/suggest` carries the typed words too, once typing pauses 400 ms,
 * which a slow machine does between two fields.
 */
const submissionsWith = async (tag: string) =>
  (await requestsWith(tag)).filter((r) => r.path.endsWith('/tickets'));

function fillValid(el: TicketWidget, tag: string) {
  fill(el, '#subject', `Printer jams on floor 3 ${tag}`);
  fill(el, '#description', `Every second page jams. ${tag}`);
  fill(el, '#email', 'ada@example.com');
}

describe('<ticket-widget> submission', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('shows the reference and stores a working token after a submit', async () => {
    const el = await mount();
    const tag = marker();
    const submitted: TicketSubmittedDetail[] = [];
    el.addEventListener('ticket-submitted', (e) => submitted.push(e.detail));
    fillValid(el, tag);
    fill(el, '#name', 'Ada Lovelace');
    fill(el, '#category', 'Printing');
    $(el, '[part~="submit-button"]').click();

    const ref = await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]')?.textContent,
      'the reference',
    );
    match(ref, /^T-\d+$/);
    equal(submitted.length, 1, 'ticket-submitted events');
    equal(submitted[0]?.ref, ref, 'event ref');
    equal(el.shadowRoot?.activeElement?.id, 'confirmation-heading', 'focus');

    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    equal(stored.length, 1, 'stored tickets');
    equal(stored[0].ref, ref, 'stored ref');
    equal(stored[0].id, submitted[0]?.id, 'stored id');
    const check = await fetch(`${endpoint}/tickets/${stored[0].id}`, {
      headers: { authorization: `Bearer ${stored[0].token}` },
    });
    equal(check.status, 200, 'GET with the stored token');
    equal((await check.json()).category, 'Printing', 'category sent');

    const [request] = await submissionsWith(tag);
    ok(request, 'the submission reached the server');
    const body = JSON.parse(request.body);
    equal(body.requester.name, 'Ada Lovelace', 'name sent');
    match(request.idempotencyKey, /^[0-9a-f-]{36}$/);
  });

  it('shows errors next to the fields and sends nothing when the subject is empty and the email bad', async () => {
    const el = await mount();
    const tag = marker();
    fill(el, '#description', `Details ${tag}`);
    fill(el, '#email', 'not-an-email');
    $(el, '[part~="submit-button"]').click();

    await waitFor(
      () => el.shadowRoot?.querySelector('#subject-error'),
      'error',
    );
    for (const field of ['subject', 'email']) {
      const control = $(el, `#${field}`);
      equal(control.getAttribute('aria-invalid'), 'true', `${field} invalid`);
      equal(
        control.getAttribute('aria-describedby'),
        `${field}-error`,
        `${field} described by`,
      );
      ok($(el, `#${field}-error`).textContent?.trim(), `${field} message`);
    }
    equal($(el, '#description').getAttribute('aria-invalid'), 'false', 'desc');
    equal(el.shadowRoot?.activeElement?.id, 'subject', 'focus on first error');

    await new Promise((r) => setTimeout(r, 300));
    equal((await submissionsWith(tag)).length, 0, 'requests sent');

    // Said out loud, and quiet again on another screen.
    const region = () =>
      $(el, '.visually-hidden[role="status"]').textContent?.trim();
    await waitFor(() => region(), 'the announcement');
    $(el, 'nav button:last-child').click();
    await el.updateComplete;
    equal(region(), '', 'the region after going to My requests');
  });

  it('places a server 422 next to the field it names', async () => {
    const el = await mount();
    const tag = marker();
    const errors: TicketErrorDetail[] = [];
    el.addEventListener('ticket-error', (e) => errors.push(e.detail));
    await fault({ blankField: { marker: tag, path: ['subject'] }, on: true });
    try {
      fillValid(el, tag);
      $(el, '[part~="submit-button"]').click();
      const message = await waitFor(
        () => el.shadowRoot?.querySelector('#subject-error')?.textContent,
        'the server error on the subject',
      );
      // The server's too_small issue, in the widget's words for it.
      match(message, /This field is required/);
    } finally {
      await fault({
        blankField: { marker: tag, path: ['subject'] },
        on: false,
      });
    }
    equal($(el, '#subject').getAttribute('aria-invalid'), 'true', 'invalid');
    equal(errors[0]?.code, 'VALIDATION_FAILED', 'ticket-error code');
    equal((await submissionsWith(tag)).length, 1, 'requests');
    equal(
      ($(el, '#subject') as HTMLInputElement).value,
      `Printer jams on floor 3 ${tag}`,
      'draft kept',
    );
  });

  it('sends one request when the button is clicked twice', async () => {
    const el = await mount();
    const tag = marker();
    fillValid(el, tag);
    const button = $<HTMLButtonElement>(el, '[part~="submit-button"]');
    button.click();
    button.click();
    await el.updateComplete;
    equal(button.disabled, true, 'disabled while sending');
    button.click();

    await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]'),
      'ref',
    );
    await new Promise((r) => setTimeout(r, 200));
    equal((await submissionsWith(tag)).length, 1, 'requests at the server');
    equal(
      JSON.parse(localStorage.getItem(storageKey) ?? '[]').length,
      1,
      'stored',
    );
  });

  it('saves the submission after a network failure and sends it with the same key when back online', async () => {
    const el = await mount();
    const tag = marker();
    const refs: string[] = [];
    el.addEventListener('ticket-submitted', (e) => refs.push(e.detail.ref));
    await fault({ dropSubmitsContaining: tag, on: true });
    fillValid(el, tag);
    $(el, '[part~="submit-button"]').click();

    const notice = await waitFor(
      () => el.shadowRoot?.querySelector('#form-notice')?.textContent,
      'the saved notice',
    );
    match(notice, /sent when you are back online/);
    equal(
      ($(el, '#email') as HTMLInputElement).value,
      'ada@example.com',
      'who is asking is kept',
    );

    await fault({ dropSubmitsContaining: tag, on: false });
    window.dispatchEvent(new Event('online'));
    await waitFor(() => refs.length === 1, 'the saved request to go out');
    const sent = await submissionsWith(tag);
    ok(sent.length >= 2, `expected a retry, saw ${sent.length} requests`);
    equal(new Set(sent.map((r) => r.idempotencyKey)).size, 1, 'distinct keys');
  });

  it('gets the first ticket back when the queued retry follows a lost answer', async () => {
    const el = await mount();
    const tag = marker();
    const refs: string[] = [];
    el.addEventListener('ticket-submitted', (e) => refs.push(e.detail.ref));
    await fault({ loseAnswersContaining: tag, on: true });
    fillValid(el, tag);
    $(el, '[part~="submit-button"]').click();
    await waitFor(
      () => el.shadowRoot?.querySelector('#form-notice'),
      'the saved notice',
    );
    await fault({ loseAnswersContaining: tag, on: false });
    window.dispatchEvent(new Event('online'));
    await waitFor(() => refs.length === 1, 'the saved request to go out');

    const sent = await submissionsWith(tag);
    equal(sent[0]?.status, 201, 'the lost answer created the ticket');
    equal(sent.at(-1)?.status, 200, 'the retry was a replay');
    equal(new Set(sent.map((r) => r.idempotencyKey)).size, 1, 'one key');
    equal(refs.length, 1, 'ticket-submitted events');
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    equal(stored.length, 1, 'stored tickets');
    const check = await fetch(`${endpoint}/tickets/${stored[0].id}`, {
      headers: { authorization: `Bearer ${stored[0].token}` },
    });
    equal(check.status, 200, 'the replay token opens the ticket');
  });

  it('uses a new idempotency key for the next draft after a success', async () => {
    const el = await mount();
    const first = marker();
    fillValid(el, first);
    $(el, '[part~="submit-button"]').click();
    await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]'),
      'ref',
    );
    $(el, '[part~="new-button"]').click();
    await el.updateComplete;
    equal(
      ($(el, '#email') as HTMLInputElement).value,
      'ada@example.com',
      'email kept',
    );
    equal(($(el, '#subject') as HTMLInputElement).value, '', 'subject cleared');

    const second = marker();
    fillValid(el, second);
    $(el, '[part~="submit-button"]').click();
    await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]'),
      'ref',
    );
    const [a] = await submissionsWith(first);
    const [b] = await submissionsWith(second);
    ok(a?.idempotencyKey && b?.idempotencyKey, 'both keyed');
    ok(a.idempotencyKey !== b.idempotencyKey, 'keys differ');
    equal(
      JSON.parse(localStorage.getItem(storageKey) ?? '[]').length,
      2,
      'stored',
    );
  });

  it('can be filled and submitted with the keyboard alone', async () => {
    const el = await mount();
    const tag = marker();
    const active = () => el.shadowRoot?.activeElement;
    for (let i = 0; i < 5 && active()?.id !== 'subject'; i++) {
      await sendKeys({ press: 'Tab' });
    }
    equal(active()?.id, 'subject', 'Tab reaches the subject');
    await sendKeys({ type: `Laptop will not boot ${tag}` });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Black screen after the logo.' });
    await sendKeys({ press: 'Tab' });
    equal(active()?.id, 'category', 'then the category');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'grace@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Grace' });
    await sendKeys({ press: 'Tab' });
    equal(active()?.getAttribute('part'), 'button submit-button', 'button');
    await sendKeys({ press: 'Enter' });

    await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]'),
      'ref',
    );
    const [request] = await submissionsWith(tag);
    ok(request, 'sent');
    const body = JSON.parse(request.body);
    equal(body.description, 'Black screen after the logo.', 'description');
    equal(body.requester.email, 'grace@example.com', 'email');
    equal(body.requester.name, 'Grace', 'name');
    equal(active()?.id, 'confirmation-heading', 'focus moved to the result');
  });
});
