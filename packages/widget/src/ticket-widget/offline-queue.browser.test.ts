import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  it,
  marker,
  match,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import {
  choose,
  clearOutbox,
  click,
  fillRequired,
  mountForm,
  outboxSize,
  realFetch,
  ticketsWith,
} from '../../test/form-kit.js';
import '../define.js';
import type { TicketSubmittedDetail, TicketWidget } from '../index.js';

describe('<ticket-widget> offline queue', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearOutbox();
  });
  afterEach(() => {
    window.fetch = realFetch;
    unmountAll();
  });

  it('empties the file picker with the form when a submission is saved offline', async () => {
    const el = await mountForm();
    fillRequired(el, marker());
    choose(el, [new File(['x'], 'note.txt', { type: 'text/plain' })]);
    const picker = $<HTMLInputElement>(el, '#attachments');
    equal(picker.files?.length, 1, 'a file chosen');
    // Slow to fail: the button stays disabled over several frames.
    window.fetch = async () => {
      await new Promise((r) => setTimeout(r, 300));
      throw new TypeError('Failed to fetch');
    };
    $(el, '[part~="submit-button"]').focus();
    click(el, '[part~="submit-button"]');
    await waitFor(() => el.shadowRoot?.querySelector('#form-notice'), 'notice');
    equal($<HTMLInputElement>(el, '#attachments').files?.length, 0, 'emptied');
    await waitFor(
      () => el.shadowRoot?.activeElement?.matches('[part~="submit-button"]'),
      'focus back on the submit button',
    );
  });

  it('saves a submission while the network fails, tells the requester, and sends it once when back online', async () => {
    const el = await mountForm();
    const tag = marker();
    const made: TicketSubmittedDetail[] = [];
    el.addEventListener('ticket-submitted', (e) => made.push(e.detail));
    fillRequired(el, tag);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    click(el, '[part~="submit-button"]');
    const notice = await waitFor(
      () => el.shadowRoot?.querySelector('#form-notice')?.textContent,
      'notice',
    );
    match(notice, /sent when you are back online/);
    const live = await waitFor(
      () =>
        el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim(),
      'announcement',
    );
    match(live, /sent when you are back online/);
    equal(await outboxSize(), 1, 'queued');
    equal($<HTMLInputElement>(el, '#subject').value, '', 'form emptied');
    equal((await ticketsWith(tag)).length, 0, 'nothing reached the server');

    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 100));
    equal(await outboxSize(), 1, 'still queued while fetch fails');

    window.fetch = realFetch;
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => (await outboxSize()) === 0, 'the queue to empty');
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    const tickets = await ticketsWith(tag);
    equal(tickets.length, 1, 'one ticket');
    equal(made.length, 1, 'one ticket-submitted');
    match(
      el.shadowRoot?.querySelector('#form-notice')?.textContent,
      /reference is T-\d+/,
    );
  });

  it('says why a saved submission waits when the server answers 429, and keeps it', async () => {
    const el = await mountForm();
    const errors: string[] = [];
    el.addEventListener('ticket-error', (e) => errors.push(e.detail.code));
    fillRequired(el, marker());
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    click(el, '[part~="submit-button"]');
    await waitFor(() => el.shadowRoot?.querySelector('#form-notice'), 'notice');
    const limited = { code: 'RATE_LIMITED', message: 'slow down' };
    window.fetch = async () =>
      new Response(JSON.stringify({ error: limited }), {
        status: 429,
        headers: { 'content-type': 'application/json' },
      });
    window.dispatchEvent(new Event('online'));
    const notice = await waitFor(() => {
      const text = el.shadowRoot?.querySelector('#form-notice')?.textContent;
      return text?.includes('Too many requests') ? text : undefined;
    }, 'the notice to say why');
    match(notice, /Wait a minute/);
    equal(errors.join(), 'RATE_LIMITED', 'one ticket-error');
    equal(await outboxSize(), 1, 'still saved');
  });

  it('makes one ticket when the answer was lost and the retry comes from the queue', async () => {
    const el = await mountForm();
    const tag = marker();
    fillRequired(el, tag);
    // The request reaches the server; its answer never comes back.
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      await realFetch(...args);
      throw new TypeError('Failed to fetch');
    };
    click(el, '[part~="submit-button"]');
    await waitFor(() => el.shadowRoot?.querySelector('#form-notice'), 'notice');
    equal((await ticketsWith(tag)).length, 1, 'the server made it');
    window.fetch = realFetch;
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => (await outboxSize()) === 0, 'the queue to empty');
    equal((await ticketsWith(tag)).length, 1, 'still one ticket');
  });

  it('keeps the queue across a reload and sends it on the next load', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/packages/widget/test/outbox-frame.html';
    document.body.append(frame);
    try {
      const tag = marker();
      const win = () => frame.contentWindow as Window & typeof globalThis;
      const widget = () =>
        win().document?.querySelector('ticket-widget') as TicketWidget | null;
      await waitFor(
        () => widget()?.shadowRoot?.querySelector('#cf-office'),
        'the framed form',
      );
      const el = widget()!;
      fillRequired(el, tag);
      win().fetch = () => Promise.reject(new TypeError('Failed to fetch'));
      click(el, '[part~="submit-button"]');
      await waitFor(
        () => el.shadowRoot?.querySelector('#form-notice'),
        'notice',
      );
      equal(await outboxSize(), 1, 'queued');

      // The page comes back (fetch works again) and finds the queue.
      const loaded = new Promise((r) =>
        frame.addEventListener('load', r, { once: true }),
      );
      win().location.reload();
      await loaded;
      await waitFor(
        async () => (await ticketsWith(tag)).length === 1,
        'the ticket after reload',
      );
      await waitFor(
        async () => (await outboxSize()) === 0,
        'the queue to empty',
      );
      equal((await ticketsWith(tag)).length, 1, 'one ticket');
    } finally {
      frame.remove();
    }
  });
});
