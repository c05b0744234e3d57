import { sendKeys } from '@web/test-runner-commands';
import { expectNoViolations } from '../../test/axe-kit.js';
import {
  afterEach,
  describe,
  equal,
  it,
  marker,
  match,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import {
  fileTicket,
  mountConsole,
  q,
  qa,
  shown,
  signIn,
  unmountConsoles,
} from '../../test/console-kit.js';
import { foreignNodes } from '../../test/console-xss-kit.js';
import type { TicketConsole } from './ticket-console.js';

// The alerts view. The test desk's history raises no surge, so the
// alert routes are answered here, in the shapes of
// packages/adapters/src/http/server/predict-routes.ts; the tickets
// they link, and the parent, are real ones of the test server.

const slow = (test: unknown) =>
  (test as { timeout(ms: number): void }).timeout(30_000);

const hits: string[] = [];
(window as unknown as Record<string, unknown>).__alertXss = () =>
  hits.push('xss');
const HOSTILE = '<img src=x onerror="__alertXss()">printer';

type Answer = { status: number; body: unknown };

/** Answers `METHOD /path` (under the API root) here; the rest goes on. */
function answering(routes: Record<string, () => Answer>): () => void {
  const real = window.fetch;
  window.fetch = (input, init) => {
    const path = new URL(String(input)).pathname.replace(/^\/api\/v1/, '');
    const route = routes[`${init?.method ?? 'GET'} ${path}`];
    if (!route) return real(input, init);
    const { status, body } = route();
    return Promise.resolve(Response.json(body, { status }));
  };
  return () => {
    window.fetch = real;
  };
}

/** Two alerts over real tickets: ISO instants, and epoch ms as before. */
async function twoAlerts() {
  const stamp = marker();
  const a = await fileTicket(`Printer ${stamp} offline`);
  const b = await fileTicket(`Printer ${stamp} jams`);
  const c = await fileTicket(`VPN ${stamp} drops`);
  const alerts = [
    {
      id: `alert-${stamp}-1`,
      by: 'category',
      key: 'Hardware',
      at: '2026-03-02T10:00:00.000Z',
      since: '2026-03-02T07:00:00.000Z',
      observed: 2,
      expected: 0.4,
      ticketIds: [a.id, b.id],
    },
    {
      id: `alert-${stamp}-2`,
      by: 'text',
      key: HOSTILE,
      at: Date.parse('2026-03-01T12:00:00Z'),
      since: Date.parse('2026-03-01T09:00:00Z'),
      observed: 1,
      expected: 0.1,
      ticketIds: [c.id],
    },
  ];
  return { alerts, tickets: [a, b, c] };
}

const live = (el: TicketConsole) =>
  q(el, '[role=status][aria-live]').textContent?.trim() ?? '';

async function openAlertsTab(el: TicketConsole) {
  await signIn(el);
  await waitFor(() => el.risks !== null, 'predictions on');
  const tab = await shown(el, 'nav[aria-label=Queues] .alerts-tab');
  tab.focus();
  await sendKeys({ press: 'Enter' });
  await waitFor(() => el.view === 'alerts' && !el.busy, 'the alerts view');
}

describe('<ticket-console> possible incidents', () => {
  afterEach(() => unmountConsoles());

  it('lists each alert with its count, group, times and tickets, as text', async function () {
    slow(this);
    const { alerts, tickets } = await twoAlerts();
    const restore = answering({
      'GET /alerts': () => ({ status: 200, body: { alerts } }),
    });
    try {
      const el = await mountConsole();
      await openAlertsTab(el);
      const items = qa(el, 'li.alert-item');
      equal(items.length, 2, 'alerts');
      const [first, second] = items as [HTMLElement, HTMLElement];
      match(
        first.querySelector('h3')?.textContent ?? '',
        /2 tickets: category Hardware/,
      );
      equal(
        first.querySelectorAll('time')[0]?.getAttribute('datetime'),
        alerts[0]!.since,
        'since',
      );
      // Epoch milliseconds read as well as ISO strings.
      equal(
        second.querySelectorAll('time')[0]?.getAttribute('datetime'),
        '2026-03-01T09:00:00.000Z',
        'since from epoch ms',
      );
      ok(second.textContent?.includes(HOSTILE), 'the text cluster as text');
      equal(foreignNodes(el.shadowRoot!).join(' '), '', 'elements from data');
      equal(hits.join(), '', 'script ran');
      equal(live(el), '2 possible incidents', 'announced');
      equal(el.shadowRoot!.activeElement?.id, 'alerts-heading', 'focus');
      await expectNoViolations(el, 'alerts view');

      // A linked ticket opens by keyboard.
      const open = first.querySelector<HTMLButtonElement>('button.open')!;
      open.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => el.open?.ticket.id === tickets[0]!.id, 'ticket');
      equal(el.view, 'ticket', 'the ticket view');
    } finally {
      restore();
    }
  });

  it('creates the parent, says so, opens it, and says when it existed', async function () {
    slow(this);
    const { alerts, tickets } = await twoAlerts();
    const parent = await fileTicket(`Possible incident ${marker()}`);
    const children = tickets.slice(0, 2).map((t) => t.id);
    let asked = 0;
    const restore = answering({
      'GET /alerts': () => ({ status: 200, body: { alerts } }),
      [`POST /alerts/${alerts[0]!.id}/parent`]: () => ({
        status: asked++ ? 200 : 201,
        body: { parentId: parent.id, children },
      }),
    });
    try {
      const el = await mountConsole();
      await openAlertsTab(el);
      const create = qa<HTMLButtonElement>(el, 'button.create-parent')[0]!;
      create.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => el.open?.ticket.id === parent.id, 'the parent');
      equal(
        live(el),
        `Parent ticket ${parent.ref} created, linking 2 tickets`,
        'announced',
      );
      await el.showAlerts();
      q<HTMLButtonElement>(el, 'button.create-parent').click();
      await waitFor(() => el.view === 'ticket', 'the parent again');
      await waitFor(() => /already existed/.test(live(el)), 'existed');
      equal(
        live(el),
        `Parent ticket ${parent.ref} already existed, linking 2 tickets`,
      );
      equal(asked, 2, 'both asks reached the route');
    } finally {
      restore();
    }
  });

  it('says when there are none, and is reachable from the dashboard', async function () {
    slow(this);
    const restore = answering({
      'GET /alerts': () => ({ status: 200, body: { alerts: [] } }),
    });
    try {
      const el = await mountConsole();
      await signIn(el);
      await el.showDashboard();
      const show = await shown<HTMLButtonElement>(
        el,
        '[data-chart=alerts] button.show-alerts',
      );
      equal(q(el, '[data-chart=alerts] strong').textContent, '0', 'count');
      show.click();
      await waitFor(() => el.view === 'alerts' && !el.busy, 'the alerts');
      match(q(el, 'section').textContent ?? '', /No possible incidents/);
      equal(qa(el, 'li.alert-item').length, 0, 'no alerts');
      await expectNoViolations(el, 'alerts view, empty');
    } finally {
      restore();
    }
  });

  it('refuses an answer of another shape', async () => {
    const restore = answering({
      'GET /alerts': () => ({
        status: 200,
        body: { alerts: [{ id: 'a', by: 'category', key: 'x', at: true }] },
      }),
    });
    try {
      const el = await mountConsole();
      await signIn(el);
      await el.showAlerts();
      match(q(el, '[role=alert]').textContent ?? '', /alerts\.0\.at/);
      ok(el.view !== 'alerts', 'no half-drawn view');
    } finally {
      restore();
    }
  });
});
