import { expectNoViolations } from '../../test/axe-kit.js';
import {
  act,
  afterEach,
  describe,
  endpoint,
  equal,
  it,
  marker,
  match,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import {
  AGENT_EMAIL,
  callAs,
  fileTicket,
  mountConsole,
  q,
  qa,
  sessionFor,
  shown,
  signIn,
  unmountConsoles,
} from '../../test/console-kit.js';
import { foreignNodes } from '../../test/console-xss-kit.js';
import { XSS_PAYLOADS } from '../../test/xss-payloads.js';
import type { TicketConsole } from './ticket-console.js';

// The knowledge base on a ticket, against the real HTTP handler of the
// test backend: suggestions (articles and similar resolved tickets) and
// "Draft article" on resolved tickets. Articles carry XSS payloads in
// their title and body; nothing may run and no element may come from
// them.

const hits: string[] = [];
const page = window as unknown as Record<string, unknown>;
page.__xss = () => hits.push('__xss');

const slow = (test: unknown) =>
  (test as { timeout(ms: number): void }).timeout(60_000);

const PAYLOADS = XSS_PAYLOADS.slice(0, 40).map((p) => p.text);

/** A published article about `topic`, with payloads in title and body. */
async function hostileArticle(token: string, topic: string) {
  const body = `${topic}: replace the fuser unit.\n\n${PAYLOADS.join('\n\n')}`;
  const answer = await callAs(token, '/kb/articles', {
    body: {
      title: `${topic} ${PAYLOADS[0]}`.slice(0, 200),
      body,
      status: 'published',
      tags: [],
      locale: 'en',
      category: null,
    },
  });
  ok(answer.status === 201, `article: ${JSON.stringify(answer.body)}`);
  return answer.body.id as string;
}

async function resolved(subject: string) {
  const t = await fileTicket(subject);
  await act(t.id, { type: 'triage', impact: 'low', urgency: 'low' });
  await act(t.id, {
    type: 'resolve',
    code: 'fixed',
    note: `Replaced the fuser unit. ${PAYLOADS[1]}`,
  });
  return t;
}

async function openIn(el: TicketConsole, id: string) {
  await el.openTicket(id);
  await waitFor(() => el.open?.ticket.id === id, `ticket ${id}`);
  return shown(el, 'section.kb');
}

const kbItems = (el: TicketConsole) => qa(el, '.kb-suggestions li');

describe('<ticket-console> knowledge base on a ticket', () => {
  afterEach(() => unmountConsoles());

  it('shows articles and similar resolved tickets as text, and opens one', async function () {
    slow(this);
    const token = await sessionFor(AGENT_EMAIL);
    const topic = `Fuser ${marker()} smears toner`;
    const articleId = await hostileArticle(token, topic);
    const earlier = await resolved(`${topic} on every page`);
    const now = await fileTicket(`${topic} on the second floor`);
    const el = await mountConsole();
    await signIn(el);
    await openIn(el, now.id);
    await waitFor(() => kbItems(el).length >= 2, 'two suggestions');
    const text = q(el, 'section.kb').textContent ?? '';
    match(text, new RegExp(articleId));
    ok(text.includes(PAYLOADS[0]!.slice(0, 30)), 'payload shown as text');
    equal(foreignNodes(el.shadowRoot!).join(' '), '', 'elements from data');
    equal(hits.join(), '', 'script ran');
    ok(
      !el.shadowRoot!.querySelector('.draft-article'),
      'no draft: not resolved',
    );
    await expectNoViolations(el, 'ticket with suggestions');

    const open = qa<HTMLButtonElement>(el, '.kb-suggestions button').find((b) =>
      b.textContent?.includes(earlier.id),
    );
    ok(open, 'a button to the resolved ticket');
    open.click();
    await waitFor(() => el.open?.ticket.id === earlier.id, 'the resolved one');
    await shown(el, '.draft-article');
  });

  it('turns a resolved ticket into a draft article in one action', async function () {
    slow(this);
    const token = await sessionFor(AGENT_EMAIL);
    const subject = `Scanner ${marker()} ${PAYLOADS[2]}`.slice(0, 200);
    const t = await resolved(subject);
    const el = await mountConsole();
    await signIn(el);
    await openIn(el, t.id);
    q<HTMLButtonElement>(el, '.draft-article').click();
    const notice = await shown(el, 'section.kb .notice');
    match(notice.textContent, /Draft article created/);
    ok(notice.textContent?.includes(subject.slice(0, 40)), 'title as text');
    const id = /id (\S+),/.exec(notice.textContent ?? '')?.[1];
    ok(id, 'the draft id is shown');
    const saved = await callAs(token, `/kb/articles/${id}`);
    equal(saved.body.status, 'draft', 'status');
    equal(saved.body.sourceTicketId, t.id, 'source ticket');
    equal(foreignNodes(el.shadowRoot!).join(' '), '', 'elements from data');
    equal(hits.join(), '', 'script ran');
    await expectNoViolations(el, 'ticket with a draft article');
  });

  it('says when "Draft article" opened the draft made before', async function () {
    slow(this);
    const token = await sessionFor(AGENT_EMAIL);
    const t = await resolved(`Dock ${marker()} stays dark`);
    const before = await callAs(token, `/tickets/${t.id}/kb-draft`, {
      method: 'POST',
    });
    equal(before.status, 201, 'the first draft');
    const el = await mountConsole();
    await signIn(el);
    await openIn(el, t.id);
    q<HTMLButtonElement>(el, '.draft-article').click();
    const notice = await shown(el, 'section.kb .notice');
    match(notice.textContent, /Opened the existing draft article/);
    ok(!/created/.test(notice.textContent ?? ''), 'not "created"');
    ok(notice.textContent?.includes(before.body.id), 'the same draft');
    const live = q(el, '[role=status][aria-live]').textContent ?? '';
    match(live, new RegExp(`existing draft article ${before.body.id}`));
  });

  it('names what the requester was offered in the timeline', async function () {
    slow(this);
    const filed = await fetch(`${endpoint}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: `VPN client says the certificate expired ${marker()}`,
        description: 'The VPN client says the certificate expired.',
        requester: { email: 'grace@example.com', name: 'Grace' },
      }),
    });
    const { ticket, accessToken } = await filed.json();
    const offered = await fetch(`${endpoint}/tickets/${ticket.id}/kb-offered`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
      },
      body: JSON.stringify({ offered: ['article:vpn-certificate'] }),
    });
    equal(offered.status, 201, 'recorded');
    const el = await mountConsole();
    await signIn(el);
    await openIn(el, ticket.id);
    const line = () =>
      qa(el, '.timeline li').find((li) =>
        li.textContent?.includes('kb_offered'),
      );
    await waitFor(
      () => line()?.textContent?.includes('VPN client says the certificate'),
      'the offered title',
    );
    match(
      line()?.textContent ?? '',
      /offered: VPN client says the certificate expired \(article:vpn-certificate\)/,
    );
  });

  it('shows why a draft failed', async function () {
    slow(this);
    const t = await resolved(`Badge reader ${marker()} beeps`);
    const el = await mountConsole();
    await signIn(el);
    await openIn(el, t.id);
    // The real handler always has a resolution here: answer as it
    // does for a ticket without one.
    const real = window.fetch;
    window.fetch = (input, init) =>
      String(input).endsWith('/kb-draft')
        ? Promise.resolve(
            Response.json(
              {
                error: {
                  code: 'KB_NO_RESOLUTION',
                  message: 'ticket has no resolution to draft from',
                },
              },
              { status: 409 },
            ),
          )
        : real(input, init);
    try {
      q<HTMLButtonElement>(el, '.draft-article').click();
      const alert = await shown(el, 'section.kb [role="alert"]');
      match(alert.textContent, /not created: .*KB_NO_RESOLUTION/);
    } finally {
      window.fetch = real;
    }
    await expectNoViolations(el, 'a failed draft');
  });
});
