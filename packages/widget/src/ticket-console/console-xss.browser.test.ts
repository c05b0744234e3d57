import { expectNoViolations } from '../../test/axe-kit.js';
import { afterEach, describe, equal, it, ok } from '../../test/browser-kit.js';
import {
  AGENT_EMAIL,
  callAs,
  mountConsole,
  q,
  qa,
  sessionFor,
  signIn,
  unmountConsoles,
} from '../../test/console-kit.js';
import {
  type ConsoleSeed,
  clip,
  foreignNodes,
  seedAll,
  seedTicket,
  tagCounts,
  until,
} from '../../test/console-xss-kit.js';
import { sendMail } from '../../test/mail-kit.js';
import { XSS_PAYLOADS } from '../../test/xss-payloads.js';
import type { TicketConsole } from './ticket-console.js';

// Every payload of the corpus goes through the real API (and through
// mail intake) into every field the console shows an agent: subject,
// description, public reply, internal note, category, tag, a custom
// field, a priority reason (the audit timeline shows the last four),
// then the queue, the ticket, its timeline and the dashboard render
// in Chromium. Agent names (header, presence notice) and macro names
// are put on the component as the API would answer them. Nothing may
// run, no element or attribute may come from the data (allow-lists),
// and the ticket view has the elements of a ticket of plain words.

const hits: string[] = [];
const page = window as unknown as Record<string, unknown>;
page.__xss = () => hits.push('__xss');
for (const dialog of ['alert', 'confirm', 'prompt', 'print']) {
  page[dialog] = () => hits.push(dialog);
}

const TEXTS = XSS_PAYLOADS.map((p) => p.text);
/** Renders checked, per view: printed at the end as the suite's figures. */
const figures = { queue: 0, ticket: 0, dashboard: 0, names: 0, mail: 0 };

const { before, after } = globalThis as unknown as {
  before(hook: (this: { timeout(ms: number): void }) => unknown): void;
  after(hook: () => unknown): void;
};

function check(el: TicketConsole, what: string): void {
  const foreign = foreignNodes(el.shadowRoot!);
  equal(foreign.join(' '), '', `${what}: elements or attributes from data`);
  equal(hits.join(), '', `${what}: ran script`);
}

/** Opens a ticket in the detail view and waits for `messages` messages. */
async function openDetail(el: TicketConsole, id: string, messages: number) {
  await el.openTicket(id);
  await until(
    () =>
      el.open?.ticket.id === id &&
      el.view === 'ticket' &&
      qa(el, '.conversation li').length === messages,
    `ticket ${id}`,
  );
  await el.updateComplete;
}

async function signedIn(): Promise<TicketConsole> {
  const el = await mountConsole();
  await signIn(el);
  equal(el.view, 'queue', 'signed in');
  return el;
}

after(() => {
  // biome-ignore lint/suspicious/noConsole: the suite's figures, for docs/security.md
  console.log(`console XSS figures: ${JSON.stringify(figures)}`);
});

describe('<ticket-console> against XSS payloads', () => {
  let token: string;
  let control: ConsoleSeed;
  let seeded: ConsoleSeed[];

  before(async function () {
    this.timeout(300_000);
    token = await sessionFor(AGENT_EMAIL);
    const seed = (text: string, n: number) => seedTicket(token, text, n);
    control = (await seedAll(['Plain words about a printer'], seed))[0]!;
    seeded = await seedAll(TEXTS, seed);
  });

  afterEach(unmountConsoles);

  it('shows every payload as text in the ticket view and timeline', async function () {
    (this as { timeout(ms: number): void }).timeout(300_000);
    // axe-core loads as a script of its own: before the page is counted.
    await expectNoViolations(await signedIn(), 'sign-in and queue');
    unmountConsoles();
    const documentBefore = tagCounts(document);
    const el = await signedIn();
    await openDetail(el, control!.id, 3);
    const expected = tagCounts(el.shadowRoot!);
    check(el, 'control');
    for (const [i, entry] of seeded.entries()) {
      await openDetail(el, entry.id, 3);
      const what = `payload ${JSON.stringify(entry.text.slice(0, 60))}`;
      equal(tagCounts(el.shadowRoot!), expected, `${what}: elements`);
      check(el, what);
      const heading = q(el, '#ticket-heading').textContent ?? '';
      ok(
        heading.includes(clip(entry.text, 200).trim()),
        `${what}: subject as text`,
      );
      for (const body of qa(el, '.conversation .body')) {
        equal(body.textContent, entry.text.trim(), `${what}: message`);
      }
      if (i % 100 === 0) await expectNoViolations(el, `ticket view ${i}`);
      figures.ticket++;
    }
    unmountConsoles();
    await new Promise((r) => setTimeout(r, 300));
    equal(hits.join(), '', 'script ran');
    equal(tagCounts(document), documentBefore, 'elements in the page');
  });

  it('lists every payload as text in the queue, page by page', async function () {
    (this as { timeout(ms: number): void }).timeout(120_000);
    const el = await signedIn();
    await el.showQueue('all');
    check(el, 'the all queue');
    figures.queue++;
    const ids = new Set(seeded.map((s) => s.id));
    let cursor = '';
    let listed = 0;
    do {
      const query = `/tickets?limit=100${cursor && `&cursor=${encodeURIComponent(cursor)}`}`;
      const page = await callAs(token, query);
      el.tickets = page.body.items;
      await el.updateComplete;
      check(el, `queue page ${figures.queue}`);
      const rows = qa(el, 'tbody tr');
      equal(rows.length, page.body.items.length, 'rows');
      listed += page.body.items.filter((t: { id: string }) =>
        ids.has(t.id),
      ).length;
      figures.queue++;
      cursor = page.body.nextCursor ?? '';
    } while (cursor);
    equal(listed, seeded.length, 'every payload ticket listed');
    await expectNoViolations(el, 'queue of payloads');
  });

  it('draws the dashboard over the payload tickets', async () => {
    const el = await signedIn();
    await el.showDashboard();
    await until(() => qa(el, '[data-chart=volume]').length, 'the charts');
    check(el, 'dashboard');
    figures.dashboard++;
    await expectNoViolations(el, 'dashboard view');
  });

  it('shows payloads as agent, colleague and macro names as text', async function () {
    (this as { timeout(ms: number): void }).timeout(120_000);
    const el = await signedIn();
    await openDetail(el, control!.id, 3);
    const agent = el.agent!;
    const expected = tagCounts(el.shadowRoot!);
    el.macros = [{ id: 'control-macro', name: 'Restart the spooler' }];
    el.open = { ...el.open!, viewers: ['Console supervisor'] };
    await el.updateComplete;
    const withNames = tagCounts(el.shadowRoot!);
    ok(withNames !== expected, 'macros and viewers shown');
    for (const text of TEXTS) {
      el.agent = { ...agent, name: text };
      el.macros = [{ id: 'macro-1', name: text }];
      el.open = { ...el.open!, viewers: [text] };
      await el.updateComplete;
      const what = `name ${JSON.stringify(text.slice(0, 60))}`;
      equal(tagCounts(el.shadowRoot!), withNames, `${what}: elements`);
      check(el, what);
      ok(q(el, '.me').textContent?.includes(text.trim()), `${what}: as text`);
      figures.names++;
    }
  });
});

describe('<ticket-console> showing payloads that came by mail', () => {
  let mailed: { id: string; text: string }[];
  let control: { id: string };

  before(async function () {
    this.timeout(300_000);
    const byMail = async (text: string, n: number) => {
      const ticket = await sendMail({
        from: `console-mail-xss-${n}@example.com`,
        name: text,
        subject: text,
        text,
        attachmentName: text,
      });
      return { id: ticket.id, ref: ticket.ref, text };
    };
    control = (await seedAll(['Plain words\nabout a printer'], byMail))[0]!;
    mailed = await seedAll(TEXTS, byMail, 4);
  });

  afterEach(unmountConsoles);

  it('shows every mailed payload as text in the ticket view', async function () {
    (this as { timeout(ms: number): void }).timeout(300_000);
    const el = await signedIn();
    await openDetail(el, control.id, 1);
    const expected = tagCounts(el.shadowRoot!);
    for (const entry of mailed) {
      await openDetail(el, entry.id, 1);
      const what = `mail ${JSON.stringify(entry.text.slice(0, 60))}`;
      equal(tagCounts(el.shadowRoot!), expected, `${what}: elements`);
      check(el, what);
      figures.mail++;
    }
    await new Promise((r) => setTimeout(r, 300));
    equal(hits.join(), '', 'script ran');
  });
});
