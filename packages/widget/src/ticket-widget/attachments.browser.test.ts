import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  it,
  marker,
  match,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import {
  choose,
  click,
  fillRequired,
  mountForm,
  ticketsWith,
} from '../../test/form-kit.js';
import '../define.js';

describe('<ticket-widget> attachments', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('uploads with a progress bar, then lists the files as download links', async () => {
    const el = await mountForm();
    const tag = marker();
    fillRequired(el, tag);
    const big = new File(['x'.repeat(1_500_000)], 'big log.txt', {
      type: 'text/plain',
    });
    const png = new File(
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])],
      'shot.png',
      { type: 'image/png' },
    );
    choose(el, [big, png]);
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const bar = el.shadowRoot?.querySelector('progress');
      if (bar)
        seen.push(`${bar.getAttribute('aria-label')}:${bar.value}/${bar.max}`);
    });
    observer.observe(el.shadowRoot!, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    click(el, '[part~="submit-button"]');
    await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]'),
      'the reference',
    );
    observer.disconnect();
    ok(seen.length > 0, 'a progress bar showed');
    ok(
      seen.every((s) => s.startsWith('Uploading attachments:')),
      `labelled: ${seen}`,
    );
    ok(
      seen.every((s) => s.endsWith('/100')),
      'max 100',
    );
    equal(el.shadowRoot?.querySelector('progress'), null, 'bar gone after');

    click(el, '[part~="open-button"]');
    const links = await waitFor(() => {
      const found =
        el.shadowRoot?.querySelectorAll<HTMLAnchorElement>(
          '[part="file-link"]',
        );
      return found?.length === 2 ? [...found] : null;
    }, 'file links');
    equal(
      links.map((a) => a.textContent).join(', '),
      'big log.txt, shot.png',
      'names',
    );
    const file = await fetch(links[1]!.href);
    equal(file.status, 200, 'download');
    match(file.headers.get('content-disposition'), /^attachment;/);
    equal(file.headers.get('x-content-type-options'), 'nosniff', 'nosniff');
    equal((await file.arrayBuffer()).byteLength, 10, 'bytes');
  });

  it('refuses a type or size the form does not take, before any upload', async () => {
    const el = await mountForm();
    const tag = marker();
    fillRequired(el, tag);
    choose(el, [new File(['GIF89a'], 'cat.gif', { type: 'image/gif' })]);
    await el.updateComplete;
    match(
      $(el, '#attachments-error').textContent,
      /cat\.gif is not a type this form accepts/,
    );
    equal(
      $(el, '#attachments').getAttribute('aria-invalid'),
      'true',
      'invalid',
    );
    choose(el, [
      new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'huge.txt', {
        type: 'text/plain',
      }),
    ]);
    await el.updateComplete;
    match(
      $(el, '#attachments-error').textContent,
      /huge\.txt is larger than 2 MB/,
    );
    choose(el, [new File([], 'blank.txt', { type: 'text/plain' })]);
    await el.updateComplete;
    match($(el, '#attachments-error').textContent, /blank\.txt is empty/);
    choose(el, [new File(['x'], '...', { type: 'text/plain' })]);
    await el.updateComplete;
    match($(el, '#attachments-error').textContent, /^\.\.\.: rename the file/);
    // A name posing as another type is refused before upload, shown
    // without its override.
    choose(el, [
      new File(['x'], 'invoice\u202etxt.exe', { type: 'text/plain' }),
    ]);
    await el.updateComplete;
    equal(
      $(el, '#attachments-error').textContent?.trim(),
      'invoicetxt.exe: rename the file (1 to 200 characters, no hidden characters) and attach it again',
    );
    click(el, '[part~="submit-button"]');
    await el.updateComplete;
    await waitFor(
      () => el.shadowRoot?.activeElement?.id === 'attachments',
      'focus on the picker',
    );
    equal((await ticketsWith(tag)).length, 0, 'nothing sent');
  });

  it('names a file the server refuses under the picker, which takes the focus', async () => {
    const el = await mountForm();
    const tag = marker();
    fillRequired(el, tag);
    // Declared a PNG, but its bytes are text: the server refuses it.
    choose(el, [
      new File(['not a picture'], 'fake.png', { type: 'image/png' }),
    ]);
    click(el, '[part~="submit-button"]');
    await waitFor(
      () => el.shadowRoot?.activeElement?.id === 'attachments',
      'focus on the picker',
    );
    match(
      $(el, '#attachments-error').textContent,
      /^fake\.png is not a type this form accepts$/,
    );
    equal(
      $(el, '#attachments').getAttribute('aria-invalid'),
      'true',
      'invalid',
    );
    equal((await ticketsWith(tag)).length, 0, 'nothing filed');
  });
});
