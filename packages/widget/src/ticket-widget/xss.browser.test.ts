import {
  $,
  act,
  afterEach,
  describe,
  endpoint,
  equal,
  it,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { XSS_PAYLOADS } from '../../test/xss-payloads.js';
import '../define.js';
import { LIMITS } from '@ticketry/core/public';
import type { TicketWidget } from '../index.js';
import { createTokenStore, type StoredTicket } from './token-store.js';

// Every payload goes through the real API into every field a requester
// can see (subject, description, category, name, an agent's reply, the
// requester's reply, the resolution note, the rating comment), then the
// widget shows the list and each ticket. Nothing may run and no element
// may come from the data: each screen has exactly the elements of the
// same screen for a ticket of plain words, links aside (http/https only).

const hits: string[] = [];
const page = window as unknown as Record<string, unknown>;
page.__xss = () => hits.push('__xss');
for (const dialog of ['alert', 'confirm', 'prompt', 'print']) {
  page[dialog] = () => hits.push(dialog);
}

/**
 * One-line fields (subject, name, category) refuse direction overrides
 * and mail drops them, so payloads go there without them; descriptions,
 * replies and field values keep them.
 */
const oneLine = (text: string) =>
  text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/** At most `max` UTF-16 units, never splitting a character. */
function clip(text: string, max: number): string {
  let out = '';
  for (const char of oneLine(text)) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

async function api(path: string, init: RequestInit & { token?: string }) {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const response = await fetch(`${endpoint}${path}`, { ...init, headers });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return { body, etag: response.headers.get('etag') };
}

interface Seeded extends StoredTicket {
  text: string;
}

/**
 * One ticket carrying `text` in every field, resolved and rated. It goes
 * from new straight to resolved: the fewest requests per payload.
 */
async function seed(text: string, n: number): Promise<Seeded> {
  const { body } = await api('/tickets', {
    method: 'POST',
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      subject: clip(text, LIMITS.subject),
      description: text,
      category: clip(text, LIMITS.label),
      requester: {
        email: `xss${n}@example.com`,
        name: clip(text, LIMITS.name),
      },
    }),
  });
  const { id, ref } = body.ticket;
  const token: string = body.accessToken;
  await act(id, { type: 'reply', body: text });
  await api(`/tickets/${id}/messages`, {
    method: 'POST',
    token,
    body: JSON.stringify({ body: text }),
  });
  await act(id, { type: 'resolve', code: 'fixed', note: text });
  const { etag } = await api(`/tickets/${id}`, { token });
  await api(`/tickets/${id}/commands`, {
    method: 'POST',
    token,
    headers: { 'if-match': etag ?? '' },
    body: JSON.stringify({ type: 'rate', rating: 2, comment: text }),
  });
  return { id, ref, token, text };
}

async function seedAll(texts: readonly string[]): Promise<Seeded[]> {
  const out: Seeded[] = new Array(texts.length);
  let next = 0;
  const worker = async () => {
    while (next < texts.length) {
      const i = next++;
      out[i] = await seed(texts[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return out;
}

/** How many elements of each tag name are under `root`, links aside. */
function tags(root: ParentNode): string {
  const count = new Map<string, number>();
  for (const el of root.querySelectorAll('*')) {
    if (el.localName !== 'a') {
      count.set(el.localName, (count.get(el.localName) ?? 0) + 1);
    }
  }
  return [...count]
    .sort()
    .map(([t, n]) => `${t}:${n}`)
    .join(' ');
}

function checkLinks(root: ParentNode, what: string): void {
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    ok(/^https?:\/\//.test(href), `${what}: a link to ${href.slice(0, 80)}`);
  }
}

/** Like `waitFor`, checking every 2 ms: hundreds of screens to go. */
async function until<T>(probe: () => T, what: string): Promise<NonNullable<T>> {
  const end = Date.now() + 5_000;
  for (;;) {
    const value = probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function openList(el: TicketWidget): void {
  const nav = el.shadowRoot!.querySelectorAll<HTMLElement>(
    '[part~="nav-button"]',
  );
  nav[nav.length - 1]!.click();
}

/** Shows the one stored ticket in a fresh widget and waits for it. */
async function showTicket(entry: Seeded): Promise<TicketWidget> {
  localStorage.clear();
  createTokenStore(endpoint).save(entry);
  const el = await mount({ 'poll-interval': '600000' });
  openList(el);
  const item = await until(
    () =>
      el.shadowRoot?.querySelector('.meta') &&
      el.shadowRoot.querySelector<HTMLElement>(`[data-id="${entry.id}"]`),
    'the list item',
  );
  item.click();
  await until(
    () =>
      el.shadowRoot?.querySelector('[part~="resolution"]') &&
      el.shadowRoot.querySelectorAll('[part~="message"]').length === 3,
    `ticket ${entry.ref}`,
  );
  await el.updateComplete;
  return el;
}

const normalized = (text: string) => text.trim();

const { before } = globalThis as unknown as {
  before(hook: (this: { timeout(ms: number): void }) => unknown): void;
};

describe('<ticket-widget> against XSS payloads', () => {
  let control: Seeded;
  let seeded: Seeded[];

  before(async function () {
    this.timeout(180_000);
    [control] = (await seedAll(['Plain words about a printer'])) as [Seeded];
    seeded = await seedAll(XSS_PAYLOADS.map((p) => p.text));
  });

  afterEach(() => unmountAll());

  it('keeps a corpus of at least 200 distinct payloads', () => {
    equal(
      new Set(XSS_PAYLOADS.map((p) => p.text)).size,
      XSS_PAYLOADS.length,
      'distinct',
    );
    ok(XSS_PAYLOADS.length >= 200, `only ${XSS_PAYLOADS.length} payloads`);
  });

  it('renders every payload in every field as text, running nothing', async function () {
    (this as { timeout(ms: number): void }).timeout(120_000);
    const documentBefore = tags(document);

    const shown = await showTicket(control);
    const expected = tags(shown.shadowRoot!);
    unmountAll();

    for (const entry of seeded) {
      const el = await showTicket(entry);
      const root = el.shadowRoot!;
      const what = `payload ${JSON.stringify(entry.text.slice(0, 60))}`;
      equal(tags(root), expected, `${what}: elements`);
      checkLinks(root, what);
      const heading = $(el, '#ticket-heading').textContent ?? '';
      ok(
        heading.includes(normalized(clip(entry.text, LIMITS.subject))),
        `${what}: subject shown as text`,
      );
      const bodies = [...root.querySelectorAll('[part~="message"] .body')];
      for (const body of bodies) {
        equal(body.textContent, normalized(entry.text), `${what}: message`);
      }
      equal(hits.join(), '', `${what}: ran script`);
      unmountAll();
    }

    // Handlers such as onerror fire later, if an element was ever made.
    await new Promise((r) => setTimeout(r, 300));
    equal(hits.join(), '', 'script ran');
    equal(tags(document), documentBefore, 'elements in the page');
  });

  it('lists every payload as text in My requests', async function () {
    (this as { timeout(ms: number): void }).timeout(60_000);
    localStorage.clear();
    const store = createTokenStore(endpoint);
    for (const entry of [control, ...seeded]) store.save(entry);
    const el = await mount();
    openList(el);
    const items = await waitFor(
      () => {
        const found = [
          ...el.shadowRoot!.querySelectorAll('[part~="list-item"]'),
        ];
        const loaded = found.filter((li) => li.querySelector('.meta'));
        return loaded.length === seeded.length + 1 ? found : null;
      },
      'every summary',
      20_000,
    );
    const byId = new Map(
      items.map((li) => [
        li.querySelector('[data-id]')?.getAttribute('data-id'),
        li,
      ]),
    );
    const expected = tags(byId.get(control.id)!);
    for (const entry of seeded) {
      const li = byId.get(entry.id);
      ok(li, `no list item for ${entry.ref}`);
      const what = `payload ${JSON.stringify(entry.text.slice(0, 60))}`;
      equal(tags(li), expected, `${what}: elements`);
      ok(
        li.textContent?.includes(normalized(clip(entry.text, LIMITS.subject))),
        `${what}: subject as text`,
      );
    }
    await new Promise((r) => setTimeout(r, 300));
    equal(hits.join(), '', 'script ran');
  });
});

// The same corpus as attachment names and custom field values, on the
// `/w3` API, whose form has custom fields and takes attachments.
const W3 = `${location.origin}/w3/api/v1`;
const FILES_PER_TICKET = 3;

/**
 * The name the server keeps: the last path segment, trimmed, with `.txt`;
 * null when it refuses the name (empty, or a line break or tab in it).
 */
function keptName(sent: string): string | null {
  const base = sent.split(/[/\\]/).pop()?.trim() ?? '';
  if (!base || /[\t\n\r]/.test(base)) return null;
  return /\.(txt|log)$/i.test(base) ? base : `${base}.txt`;
}

/** A ticket on `/w3` with one file per name; names the server refuses become plain ones. */
async function seedFiles(names: readonly string[], n: number) {
  const key = crypto.randomUUID();
  const ids: string[] = [];
  const kept: string[] = [];
  for (const [i, raw] of names.entries()) {
    const name = keptName(clip(raw, 200)) ? clip(raw, 200) : `plain ${i}.txt`;
    const response = await fetch(
      `${W3}/attachments?${new URLSearchParams({ name })}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'idempotency-key': key },
        body: `file ${i}`,
      },
    );
    ok(response.status === 201, `upload ${JSON.stringify(name.slice(0, 40))}`);
    ids.push((await response.json()).id);
    kept.push(keptName(name)!);
  }
  const response = await fetch(`${W3}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      subject: `Files ${n}`,
      description: 'Files named after payloads',
      requester: { email: `files${n}@example.com` },
      fields: { steps: 'Open the file', office: 'Berlin', agree: true },
      attachments: ids,
    }),
  });
  const body = await response.json();
  ok(response.status === 201, `submit: ${JSON.stringify(body)}`);
  return {
    id: body.ticket.id as string,
    ref: body.ticket.ref as string,
    token: body.accessToken as string,
    kept,
  };
}

async function showFiles(entry: StoredTicket, count: number) {
  localStorage.clear();
  createTokenStore(W3).save(entry);
  const el = await mount({ endpoint: W3, 'poll-interval': '600000' });
  openList(el);
  const item = await until(
    () =>
      el.shadowRoot?.querySelector('.meta') &&
      el.shadowRoot.querySelector<HTMLElement>(`[data-id="${entry.id}"]`),
    'the list item',
  );
  item.click();
  await until(
    () =>
      el.shadowRoot?.querySelectorAll('[part="file-link"]').length === count,
    `the files of ${entry.ref}`,
  );
  // The reply's file picker comes with the form's rules: wait for it, so
  // every ticket is counted with it.
  await until(() => el.shadowRoot?.querySelector('#reply-files'), 'picker');
  await el.updateComplete;
  return el;
}

describe('<ticket-widget> against XSS payloads in files and custom fields', () => {
  it('shows every payload as an attachment name, as text', async function () {
    (this as { timeout(ms: number): void }).timeout(120_000);
    const texts = XSS_PAYLOADS.map((p) => p.text);
    const control = await seedFiles(['a.txt', 'b.txt', 'c.txt'], -1);
    const expected = tags((await showFiles(control, 3)).shadowRoot!);
    unmountAll();
    for (let i = 0; i < texts.length; i += FILES_PER_TICKET) {
      const names = texts.slice(i, i + FILES_PER_TICKET);
      while (names.length < FILES_PER_TICKET) names.push('padding.txt');
      const entry = await seedFiles(names, i);
      const el = await showFiles(entry, FILES_PER_TICKET);
      const root = el.shadowRoot!;
      const what = `files ${i}–${i + FILES_PER_TICKET - 1}`;
      equal(tags(root), expected, `${what}: elements`);
      checkLinks(root, what);
      const shown = [...root.querySelectorAll('[part="file-link"] bdi')].map(
        (b) => b.textContent,
      );
      equal(shown.join('|'), entry.kept.join('|'), `${what}: names as text`);
      equal(hits.join(), '', `${what}: ran script`);
      unmountAll();
    }
    await new Promise((r) => setTimeout(r, 300));
    equal(hits.join(), '', 'script ran');
  });

  it('keeps every payload prefilled into custom fields as a value', async () => {
    const el = await mount({ endpoint: W3 });
    await until(() => el.shadowRoot?.querySelector('#cf-steps'), 'the form');
    const expected = tags(el.shadowRoot!);
    const steps = $<HTMLTextAreaElement>(el, '#cf-steps');
    const lines = (s: string) => s.replace(/\r\n?/g, '\n');
    for (const { text } of XSS_PAYLOADS) {
      el.prefill({ fields: { asset: text, steps: text } });
      await el.updateComplete;
      const what = `payload ${JSON.stringify(text.slice(0, 60))}`;
      equal(tags(el.shadowRoot!), expected, `${what}: elements`);
      equal(lines(steps.value), lines(text), `${what}: long text value`);
    }
    await new Promise((r) => setTimeout(r, 300));
    equal(hits.join(), '', 'script ran');
  });
});
