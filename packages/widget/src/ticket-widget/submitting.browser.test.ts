import { formSchema, submissionSchemaFor } from '@ticketry/core/public';
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
import { TEST_FORM } from '../../test/form-fixture.js';
import '../define.js';
import type { TicketSubmittedDetail, TicketWidget } from '../index.js';

const W3 = `${location.origin}/w3/api/v1`;
/** The page's own fetch, kept while tests stub `window.fetch`. */
const realFetch = window.fetch.bind(window);

interface Made {
  id: string;
  subject: string;
  fields: Record<string, unknown>;
}

/** Tickets on the form API whose subject holds `tag`. */
async function ticketsWith(tag: string): Promise<Made[]> {
  const response = await realFetch(`/w3/control/tickets?q=${tag}`);
  return response.json();
}

function click(el: TicketWidget, selector: string) {
  $(el, selector).click();
}

function check(el: TicketWidget, selector: string, on: boolean) {
  const box = $<HTMLInputElement>(el, selector);
  box.checked = on;
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Picks an option, firing `change` (works across frames too). */
function pick(el: TicketWidget, selector: string, value: string) {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function choose(el: TicketWidget, files: File[]) {
  const input = $<HTMLInputElement>(el, '#attachments');
  const list = new DataTransfer();
  for (const file of files) list.items.add(file);
  input.files = list.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function mountForm(): Promise<TicketWidget> {
  const el = await mount({ endpoint: W3 });
  await waitFor(() => el.shadowRoot?.querySelector('#cf-office'), 'the form');
  return el;
}

function fillBuiltIns(el: TicketWidget, tag: string) {
  fill(el, '#subject', `Scanner offline ${tag}`);
  fill(el, '#description', `It shows error 7. ${tag}`);
  fill(el, '#email', 'ada@example.com');
}

function fillRequired(el: TicketWidget, tag: string) {
  fillBuiltIns(el, tag);
  fill(el, '#cf-steps', 'Switch on\nScan');
  pick(el, '#cf-office', 'Lyon');
  check(el, '#cf-agree', true);
}

const errorIds = (el: TicketWidget) =>
  [...(el.shadowRoot?.querySelectorAll('.error') ?? [])].map((e) =>
    e.id.replace(/-error$/, ''),
  );

async function clearOutbox() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('ticketry-outbox', 1);
    r.onupgradeneeded = () =>
      r.result.createObjectStore('submissions', { keyPath: 'key' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  await new Promise((resolve) => {
    const tx = db.transaction('submissions', 'readwrite');
    tx.objectStore('submissions').clear();
    tx.oncomplete = resolve;
  });
  db.close();
}

async function outboxSize(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('ticketry-outbox', 1);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const count = await new Promise<number>((resolve) => {
    const r = db.transaction('submissions').objectStore('submissions').count();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  return count;
}

describe('<ticket-widget> custom fields', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('renders the published fields after the built-in ones, labelled', async () => {
    const el = await mountForm();
    const ids = [
      ...(el.shadowRoot?.querySelectorAll('input, textarea, select') ?? []),
    ].map((c) => c.id);
    equal(
      ids.join(' '),
      'subject description category email name cf-asset cf-steps cf-office cf-since cf-agree attachments',
      'control order',
    );
    equal(
      $(el, 'label[for="cf-steps"]').textContent?.trim(),
      'Steps to reproduce',
      'required label',
    );
    match(
      $(el, 'label[for="cf-asset"]').textContent,
      /Asset tag\s+\(optional\)/,
    );
    equal($<HTMLInputElement>(el, '#cf-since').type, 'date', 'date input');
    equal($<HTMLInputElement>(el, '#cf-agree').type, 'checkbox', 'checkbox');
    match($(el, '#cf-steps').getAttribute('aria-describedby'), /cf-steps-hint/);
  });

  it('finds the same fields wrong as the server, and sends nothing until they are right', async () => {
    const el = await mountForm();
    const tag = marker();
    fillBuiltIns(el, tag);
    fill(el, '#cf-asset', 'TOO-LONG-TAG');
    fill(el, '#cf-steps', '   ');
    click(el, '[part~="submit-button"]');
    await waitFor(
      () => el.shadowRoot?.querySelector('#cf-steps-error'),
      'errors',
    );
    const shown = errorIds(el).sort();

    // The server's verdict on the same body, and the shared schema's.
    const body = {
      subject: `Scanner offline ${tag}`,
      description: `It shows error 7. ${tag}`,
      requester: { email: 'ada@example.com' },
      fields: { asset: 'TOO-LONG-TAG', steps: '   ', agree: false },
    };
    const response = await fetch(`${W3}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    equal(response.status, 422, 'server status');
    const { error } = await response.json();
    const server = error.issues
      .map((i: { path: string[] }) => `cf-${i.path[1]}`)
      .sort();
    equal(shown.join(' '), server.join(' '), 'widget errors = server issues');
    equal(shown.join(' '), 'cf-agree cf-asset cf-office cf-steps', 'fields');
    const local = submissionSchemaFor(formSchema.parse(TEST_FORM)).safeParse(
      body,
    );
    equal(local.error?.issues.length, server.length, 'shared schema');
    equal(el.shadowRoot?.activeElement?.id, 'cf-asset', 'focus on first error');
    equal((await ticketsWith(tag)).length, 0, 'nothing sent');

    fill(el, '#cf-asset', 'PC-42');
    fill(el, '#cf-steps', 'Switch on');
    fill(el, '#cf-office', 'Berlin');
    fill(el, '#cf-since', '2025-04-01');
    check(el, '#cf-agree', true);
    click(el, '[part~="submit-button"]');
    await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]'),
      'the reference',
    );
    const [made] = await ticketsWith(tag);
    ok(made, 'ticket made');
    equal(
      JSON.stringify(made.fields),
      JSON.stringify({
        asset: 'PC-42',
        steps: 'Switch on',
        office: 'Berlin',
        since: '2025-04-01',
        agree: true,
      }),
      'fields stored',
    );
  });
});

interface AxeResult {
  violations: { id: string; nodes: { target: unknown }[] }[];
}

/** axe-core's WCAG A and AA findings for the widget, as text. */
async function axeFindings(el: TicketWidget): Promise<string> {
  const w = window as unknown as {
    axe?: { run(e: Element, o: object): Promise<AxeResult> };
  };
  if (!w.axe) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  const { violations } = await w.axe!.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
  });
  return violations
    .map((v) => `${v.id} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)
    .join('\n');
}

describe('<ticket-widget> submitting, accessibility', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearOutbox();
  });
  afterEach(() => {
    window.fetch = realFetch;
    unmountAll();
  });

  it('has no axe violations with custom fields, their errors, and the offline note', async () => {
    const el = await mountForm();
    equal(await axeFindings(el), '', 'the form');
    click(el, '[part~="submit-button"]');
    await waitFor(
      () => el.shadowRoot?.querySelector('#cf-steps-error'),
      'errors',
    );
    choose(el, [new File(['GIF89a'], 'cat.gif', { type: 'image/gif' })]);
    await el.updateComplete;
    equal(await axeFindings(el), '', 'with errors');
    fillRequired(el, marker());
    choose(el, []);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    click(el, '[part~="submit-button"]');
    await waitFor(() => el.shadowRoot?.querySelector('#form-notice'), 'notice');
    equal(await axeFindings(el), '', 'offline');
    window.fetch = realFetch;
    await clearOutbox();
  });
});

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
      /^fake\.png could not be uploaded: /,
    );
    equal(
      $(el, '#attachments').getAttribute('aria-invalid'),
      'true',
      'invalid',
    );
    equal((await ticketsWith(tag)).length, 0, 'nothing filed');
  });
});

describe('<ticket-widget> prefill', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('fills untouched fields, custom ones once the form arrives, and never overwrites typing', async () => {
    const el = document.createElement('ticket-widget');
    el.prefill({
      subject: 'From the host',
      email: 'host@example.com',
      fields: { asset: 'PC-7', agree: true, office: 42 as unknown as string },
    });
    el.setAttribute('endpoint', W3);
    document.body.append(el);
    try {
      await waitFor(
        () => el.shadowRoot?.querySelector('#cf-asset'),
        'the form',
      );
      await el.updateComplete;
      equal(
        $<HTMLInputElement>(el, '#subject').value,
        'From the host',
        'subject',
      );
      equal(
        $<HTMLInputElement>(el, '#email').value,
        'host@example.com',
        'email',
      );
      equal($<HTMLInputElement>(el, '#cf-asset').value, 'PC-7', 'custom text');
      equal($<HTMLInputElement>(el, '#cf-agree').checked, true, 'checkbox');
      equal(
        $<HTMLSelectElement>(el, '#cf-office').value,
        '',
        'wrong type skipped',
      );

      fill(el, '#subject', 'Typed by me');
      el.prefill({
        subject: 'Host again',
        description: 'Filled',
        fields: { asset: 'PC-8' },
      });
      await el.updateComplete;
      equal(
        $<HTMLInputElement>(el, '#subject').value,
        'Typed by me',
        'typing wins',
      );
      equal(
        $<HTMLTextAreaElement>(el, '#description').value,
        'Filled',
        'untouched filled',
      );
      equal(
        $<HTMLInputElement>(el, '#cf-asset').value,
        'PC-8',
        'prefill may replace prefill',
      );
    } finally {
      el.remove();
    }
  });
});

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
