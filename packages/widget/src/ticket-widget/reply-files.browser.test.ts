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
import { choose } from '../../test/form-kit.js';
import {
  expectNoViolations,
  focusedId,
  text,
} from '../../test/tracking-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

/** The test API with a form that takes PNG, text and PDF files. */
const W3 = `${location.origin}/w3/api/v1`;

const png = (name: string) =>
  new File(
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])],
    name,
    { type: 'image/png' },
  );

/** Submits a ticket on the form API and opens its tracking view. */
async function openTicket(): Promise<TicketWidget> {
  const el = await mount({ endpoint: W3, 'poll-interval': '60000' });
  await waitFor(() => el.shadowRoot?.querySelector('#cf-office'), 'the form');
  fill(el, '#subject', `Printer jams ${marker()}`);
  fill(el, '#description', 'Tray 2 jams on every page.');
  fill(el, '#email', 'ada@example.com');
  fill(el, '#cf-steps', 'Print a page');
  const office = $<HTMLSelectElement>(el, '#cf-office');
  office.value = 'Lyon';
  office.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  const agree = $<HTMLInputElement>(el, '#cf-agree');
  agree.checked = true;
  agree.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  $(el, '[part~="submit-button"]').click();
  await waitFor(
    () => el.shadowRoot?.querySelector('[part~="open-button"]'),
    'the confirmation',
  );
  $(el, '[part~="open-button"]').click();
  await waitFor(() => text(el, '[part="status"]'), 'the status');
  await waitFor(() => el.shadowRoot?.querySelector('#reply-files'), 'picker');
  return el;
}

/** Counts the uploads the page starts, until `stop()`. */
function countUploads() {
  const open = XMLHttpRequest.prototype.open;
  let count = 0;
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    ...args: Parameters<XMLHttpRequest['open']>
  ) {
    if (String(args[1]).includes('/attachments')) count += 1;
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open'];
  return {
    get count() {
      return count;
    },
    stop: () => {
      XMLHttpRequest.prototype.open = open;
    },
  };
}

const messages = (el: TicketWidget) =>
  el.shadowRoot?.querySelectorAll('[part~="message"]').length ?? 0;

describe('<ticket-widget> files with a reply', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('offers the form’s picker under the reply box, labelled, with its rules', async () => {
    const el = await openTicket();
    const picker = $<HTMLInputElement>(el, '#reply-files');
    equal(picker.type, 'file', 'a file input');
    ok(picker.multiple, 'several files');
    match(
      $(el, 'label[for="reply-files"]').textContent,
      /Attachments\s+\(optional\)/,
    );
    equal(
      $(el, '#reply-files-hint').textContent?.trim(),
      'Up to 3 files, 2 MB each: \u2066.png .txt .pdf\u2069',
    );
    equal(picker.getAttribute('aria-describedby'), 'reply-files-hint');
    const order = [...el.shadowRoot!.querySelectorAll('#reply-form [id]')]
      .map((e) => e.id)
      .filter((id) => ['reply', 'reply-files', 'reply-button'].includes(id));
    equal(order.join(' '), 'reply reply-files reply-button', 'under the box');
    const { height } = picker.getBoundingClientRect();
    ok(height >= 44, `the picker is ${height} px high`);
    await expectNoViolations(el, 'reply with a picker');
  });

  it('writes the reply’s length limit in the locale’s digits', async () => {
    const el = await openTicket();
    fill(el, '#reply', 'x'.repeat(20_001));
    $(el, '#reply-button').click();
    await waitFor(
      () =>
        /Use at most 20,000 characters\./.test(text(el, '#reply-error') ?? ''),
      'the limit, formatted',
    );
  });

  it('refuses a type the form does not take before any upload', async () => {
    const el = await openTicket();
    const uploads = countUploads();
    try {
      fill(el, '#reply', 'Here is a photo.');
      choose(
        el,
        [new File(['GIF89a'], 'cat.gif', { type: 'image/gif' })],
        '#reply-files',
      );
      await el.updateComplete;
      equal(
        $(el, '#reply-files-error').textContent?.trim(),
        'cat.gif is not a type this form accepts',
      );
      const picker = $(el, '#reply-files');
      equal(picker.getAttribute('aria-invalid'), 'true', 'invalid');
      match(picker.getAttribute('aria-describedby'), /reply-files-error/);
      await expectNoViolations(el, 'reply with a file error');
      $(el, '#reply-button').click();
      await waitFor(() => focusedId(el) === 'reply-files', 'focus on picker');
      equal(uploads.count, 0, 'nothing uploaded');
      equal(messages(el), 1, 'no reply sent');
      equal($<HTMLTextAreaElement>(el, '#reply').value, 'Here is a photo.');
    } finally {
      uploads.stop();
    }
  });

  it('uploads with a progress bar, sends the reply with the files, and empties the picker', async () => {
    const el = await openTicket();
    fill(el, '#reply', 'The error page and the log.');
    const log = new File(['x'.repeat(600_000)], 'jam log.txt', {
      type: 'text/plain',
    });
    choose(el, [png('jam.png'), log], '#reply-files');
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const bar = el.shadowRoot?.querySelector('#reply-form progress');
      if (bar)
        seen.push(
          `${bar.getAttribute('aria-label')}:${bar.getAttribute('value')}`,
        );
    });
    observer.observe(el.shadowRoot!, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    $(el, '#reply-button').click();
    await waitFor(() => messages(el) === 2, 'the reply on screen');
    observer.disconnect();
    ok(seen.length > 0, 'a progress bar showed');
    ok(
      seen.every((s) => s.startsWith('Uploading attachments:')),
      `labelled: ${seen}`,
    );
    equal(el.shadowRoot?.querySelector('progress'), null, 'bar gone after');

    const reply = el.shadowRoot!.querySelectorAll('[part~="message"]')[1]!;
    match(reply.textContent, /The error page and the log\./);
    const links = [
      ...reply.querySelectorAll<HTMLAnchorElement>('[part="file-link"]'),
    ];
    equal(
      links.map((a) => a.textContent).join(', '),
      'jam.png, jam log.txt',
      'the files on the message',
    );
    const file = await fetch(links[0]!.href);
    equal(file.status, 200, 'download');
    equal((await file.arrayBuffer()).byteLength, 10, 'bytes');

    equal($<HTMLInputElement>(el, '#reply-files').files?.length, 0, 'emptied');
    equal($<HTMLTextAreaElement>(el, '#reply').value, '', 'box emptied');
    equal(el.shadowRoot?.querySelector('#reply-files-error'), null);
  });

  it('keeps the reply text and names the file when an upload fails', async () => {
    const el = await openTicket();
    fill(el, '#reply', 'Screenshot attached.');
    // Declared a PNG, but its bytes are text: the server refuses it.
    const fake = new File(['not a picture'], 'fake.png', { type: 'image/png' });
    choose(el, [png('first.png'), fake], '#reply-files');
    $(el, '#reply-button').click();
    const error = await waitFor(
      () => el.shadowRoot?.querySelector('#reply-files-error'),
      'the upload error',
    );
    equal(
      error.textContent?.trim(),
      'fake.png is not a type this form accepts',
    );
    const picker = $(el, '#reply-files');
    match(picker.getAttribute('aria-describedby'), /reply-files-error/);
    equal(picker.getAttribute('aria-invalid'), 'true', 'invalid');
    await waitFor(() => focusedId(el) === 'reply-files', 'focus on picker');
    equal($<HTMLTextAreaElement>(el, '#reply').value, 'Screenshot attached.');
    equal(messages(el), 1, 'no reply sent');
    equal(el.shadowRoot?.querySelector('progress'), null, 'bar gone');
    await expectNoViolations(el, 'reply after a failed upload');

    // Without the refused file, the same reply goes with the other one.
    choose(el, [png('first.png')], '#reply-files');
    await el.updateComplete;
    equal(el.shadowRoot?.querySelector('#reply-files-error'), null, 'cleared');
    $(el, '#reply-button').click();
    await waitFor(() => messages(el) === 2, 'the reply on screen');
    const reply = el.shadowRoot!.querySelectorAll('[part~="message"]')[1]!;
    equal(
      text(el, '[part~="message"]:last-child [part="file-link"]'),
      'first.png',
    );
    match(reply.textContent, /Screenshot attached\./);
  });
});

describe('<ticket-widget> files the server refuses with a reply', () => {
  const realFetch = window.fetch;
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    window.fetch = realFetch;
    unmountAll();
  });

  it('tells under the picker when the server does not know the files', async () => {
    const el = await openTicket();
    // The reply names a file the server never received under its key.
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.endsWith('/messages') || typeof init?.body !== 'string') {
        return realFetch(input, init);
      }
      const body = JSON.parse(init.body);
      body.attachments = ['att_0123456789abcdef0123456789abcdef'];
      return realFetch(input, { ...init, body: JSON.stringify(body) });
    };
    fill(el, '#reply', 'One more screenshot.');
    choose(el, [png('more.png')], '#reply-files');
    $(el, '#reply-button').click();
    const error = await waitFor(
      () => el.shadowRoot?.querySelector('#reply-files-error'),
      'the error',
    );
    equal(error.textContent?.trim(), 'Some fields need a second look.');
    await waitFor(() => focusedId(el) === 'reply-files', 'focus on picker');
    equal($<HTMLTextAreaElement>(el, '#reply').value, 'One more screenshot.');
    equal(el.shadowRoot?.querySelector('#reply-error'), null, 'box is fine');
    equal(messages(el), 1, 'no reply');
  });
});
