import {
  $,
  act,
  afterEach,
  describe,
  equal,
  identityToken,
  it,
  mount,
  ok,
  unmountAll,
} from '../../test/browser-kit.js';
import { sendMail } from '../../test/mail-kit.js';
import { XSS_PAYLOADS } from '../../test/xss-payloads.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

// Every payload of the corpus arrives by mail (subject, text body, the
// sender's name and an attachment's name), an agent answers with it, and
// the requester, signed in through the host site's identity, opens the
// ticket in the tracking view. Nothing may run and no element may come
// from the data: each screen has the elements of a ticket of plain words.

const hits: string[] = [];
const page = window as unknown as Record<string, unknown>;
page.__xss = () => hits.push('__xss');
for (const dialog of ['alert', 'confirm', 'prompt', 'print']) {
  page[dialog] = () => hits.push(dialog);
}

interface MailTicket {
  id: string;
  email: string;
  text: string;
}

async function byMail(text: string, n: number): Promise<MailTicket> {
  const email = `mail-xss-${n}@example.com`;
  const ticket = await sendMail({
    from: email,
    name: text,
    subject: text,
    text,
    attachmentName: text,
  });
  await act(ticket.id, { type: 'reply', body: text });
  return { id: ticket.id, email, text };
}

/** How many elements of each tag name are under `root`, links aside. */
function tags(root: ParentNode): string {
  const count = new Map<string, number>();
  for (const el of root.querySelectorAll('*')) {
    if (el.localName === 'a') continue;
    count.set(el.localName, (count.get(el.localName) ?? 0) + 1);
  }
  return [...count]
    .sort()
    .map(([t, n]) => `${t}:${n}`)
    .join(' ');
}

async function until<T>(probe: () => T, what: string): Promise<NonNullable<T>> {
  const end = Date.now() + 5_000;
  for (;;) {
    const value = probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Signs in as the ticket's sender and opens it from My requests. */
async function showMailTicket(entry: MailTicket): Promise<TicketWidget> {
  localStorage.clear();
  const el = await mount({ 'poll-interval': '600000' });
  await el.identify(await identityToken(entry.email));
  const nav = el.shadowRoot!.querySelectorAll<HTMLElement>(
    '[part~="nav-button"]',
  );
  nav[nav.length - 1]!.click();
  const item = await until(
    () =>
      el.shadowRoot?.querySelector('.meta') &&
      el.shadowRoot.querySelector<HTMLElement>(`[data-id="${entry.id}"]`),
    'the list item',
  );
  item.click();
  await until(
    () => el.shadowRoot?.querySelectorAll('[part~="message"]').length === 2,
    `ticket ${entry.id}`,
  );
  await el.updateComplete;
  return el;
}

const { before } = globalThis as unknown as {
  before(hook: (this: { timeout(ms: number): void }) => unknown): void;
};

describe('<ticket-widget> showing tickets that came by mail', () => {
  let control: MailTicket;
  const seeded: MailTicket[] = [];

  before(async function () {
    this.timeout(180_000);
    control = await byMail('Plain words\nabout a printer', -1);
    const texts = XSS_PAYLOADS.map((p) => p.text);
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const n = next++;
        seeded[n] = await byMail(texts[n]!, n);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  });

  afterEach(() => unmountAll());

  it('renders every payload from mail as text in the tracking view, running nothing', async function () {
    (this as { timeout(ms: number): void }).timeout(180_000);
    const documentBefore = tags(document);
    const expected = tags((await showMailTicket(control)).shadowRoot!);
    unmountAll();
    for (const entry of seeded) {
      const el = await showMailTicket(entry);
      const root = el.shadowRoot!;
      const what = `mail payload ${JSON.stringify(entry.text.slice(0, 60))}`;
      equal(tags(root), expected, `${what}: elements`);
      for (const a of root.querySelectorAll('a')) {
        const href = a.getAttribute('href') ?? '';
        ok(/^https?:\/\//.test(href), `${what}: a link to ${href}`);
      }
      const heading = $(el, '#ticket-heading').textContent ?? '';
      // The intake folds spacing and drops direction overrides.
      const subject = entry.text
        .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 40);
      ok(
        heading.replace(/\s+/g, ' ').includes(subject.trim()),
        `${what}: subject shown as text`,
      );
      const reply = [...root.querySelectorAll('[part~="message"] .body')][1];
      equal(reply?.textContent, entry.text.trim(), `${what}: reply as text`);
      equal(hits.join(), '', `${what}: ran script`);
      unmountAll();
    }
    // Handlers such as onerror fire later, if an element was ever made.
    await new Promise((r) => setTimeout(r, 300));
    equal(hits.join(), '', 'script ran');
    equal(tags(document), documentBefore, 'elements in the page');
  });
});
