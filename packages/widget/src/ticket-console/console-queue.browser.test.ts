import { setViewport } from '@web/test-runner-commands';
import { expectNoViolations } from '../../test/axe-kit.js';
import {
  afterEach,
  describe,
  equal,
  it,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import {
  callAs,
  fileTicket,
  mountConsole,
  q,
  qa,
  shown,
  signIn,
  unmountConsoles,
} from '../../test/console-kit.js';
import { LANDING } from './queue-load.js';
import { queueQueries } from './queues.js';
import type { TicketConsole } from './ticket-console.js';

afterEach(async () => {
  unmountConsoles();
  await setViewport({ width: 800, height: 600 });
});

const noFilters = { priority: '', status: '', text: '', sortByDue: false };

/** Whether `queue` holds a ticket for the signed-in agent, asked of the server. */
async function holds(el: TicketConsole, queue: (typeof LANDING)[number]) {
  const queries = queueQueries(queue, el.agent!, noFilters, Date.now());
  for (const query of queries) {
    const params = new URLSearchParams(
      Object.entries({ ...query, limit: '1' }) as [string, string][],
    );
    const page = await callAs(el.api.token!, `/tickets?${params}`);
    if (page.body.items.length) return true;
  }
  return false;
}

async function showAll(el: TicketConsole, text = '') {
  el.filters = { ...noFilters, text };
  await el.showQueue('all');
  await waitFor(() => el.queue === 'all' && !el.busy, 'the all queue');
}

describe('<ticket-console> queue', () => {
  it("lands on the first non-empty of mine, my team's and unassigned", async () => {
    await fileTicket(`Landing ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    await waitFor(() => el.view === 'queue' && !el.busy, 'the queue');
    const at = LANDING.indexOf(el.queue as (typeof LANDING)[number]);
    ok(at >= 0, `landed on ${el.queue}`);
    for (const before of LANDING.slice(0, at)) {
      equal(await holds(el, before), false, `${before} is empty`);
    }
    equal(await holds(el, el.queue as (typeof LANDING)[number]), true);
    // A page that names its queue gets that one.
    const named = await mountConsole();
    named.setAttribute('queue', 'all');
    await signIn(named);
    await waitFor(() => named.view === 'queue' && !named.busy, 'named');
    equal(named.queue, 'all', 'the named queue');
  });

  it('shows the status filter as it is and counts tickets in good English', async () => {
    const stamp = `Plural${Date.now()}`;
    await fileTicket(`${stamp} only one`);
    const el = await mountConsole();
    await signIn(el);
    await showAll(el);
    const blank = () =>
      q(el, '#status option[value=""]').textContent?.trim() ?? '';
    equal(blank(), 'Any', 'every status in All');
    ok(qa(el, 'tbody tr').length > 0, 'listed');
    await el.showQueue('mine');
    await waitFor(() => !el.busy, 'mine');
    equal(blank(), 'Active', 'active statuses elsewhere');
    await showAll(el, stamp);
    await waitFor(() => qa(el, 'tbody tr').length === 1, 'one ticket');
    equal(el.announcement, '1 ticket', 'announced');
    ok(q(el, 'caption').textContent?.includes('All: 1 ticket;'), 'caption');
    ok(
      q(el, '.scroll').getAttribute('aria-label')?.endsWith('1 ticket'),
      'region name',
    );
  });

  it('fits a 390 px wide screen: the table scrolls in a focusable region', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await mountConsole();
    await signIn(el);
    await showAll(el);
    await shown(el, 'tbody tr');
    const region = q(el, '.scroll');
    equal(region.getAttribute('role'), 'region');
    equal(region.tabIndex, 0, 'focusable');
    ok(region.scrollWidth > region.clientWidth, 'the table scrolls inside');
    const page = document.documentElement;
    ok(page.scrollWidth <= 390, `page ${page.scrollWidth} px wide`);
    // References stay on one line ("T-1986", not "T-" over "1986").
    for (const button of qa(el, 'button.open').slice(0, 5)) {
      const lines = button.getClientRects().length;
      const height = button.getBoundingClientRect().height;
      ok(lines === 1 && height < 50, `${button.textContent} ${height}px`);
    }
    await expectNoViolations(el, 'queue at 390 px');
  });
});
