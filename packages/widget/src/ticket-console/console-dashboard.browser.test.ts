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
import { DEFAULT_WEEKS, dashboardReport } from './dashboard-host.js';
import type { TicketConsole } from './ticket-console.js';

afterEach(unmountConsoles);

const DAY = 86_400_000;
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const query = (p: { from?: string; to?: string }) =>
  `from=${encodeURIComponent(p.from!)}&to=${encodeURIComponent(p.to!)}`;
const opened = (report: { volume: { day: { created: number }[] } }) =>
  report.volume.day.reduce((n, d) => n + d.created, 0);

async function openDashboard(el: TicketConsole) {
  q(el, 'nav[aria-label=Console] button:nth-child(2)').click();
  await shown(el, '[data-chart=volume]');
  await waitFor(() => el.view === 'dashboard' && !el.busy, 'the dashboard');
}

describe('<ticket-console> dashboard', () => {
  it('opens on the last 12 weeks, its figures and deflection rate over them', async () => {
    const el = await mountConsole();
    await signIn(el);
    await openDashboard(el);
    await expectNoViolations(el, 'dashboard view');
    const period = el.period!;
    equal(period.basis, 'recent', 'the default period');
    const [from, to] = [Date.parse(period.from!), Date.parse(period.to!)];
    equal(to - from, DEFAULT_WEEKS * 7 * DAY, '12 weeks');
    ok(to > Date.now() && to - Date.now() <= DAY, 'up to the end of today');
    equal(q<HTMLInputElement>(el, '#from').value, period.from!.slice(0, 10));
    equal(q<HTMLInputElement>(el, '#to').value, period.to!.slice(0, 10));
    const token = el.api.token!;
    const metrics = (await callAs(token, `/metrics?${query(period)}`)).body;
    const { dashboardData } = await import('./dashboard/chart-data.js');
    const data = dashboardData(metrics);
    const cells = (chart: string) =>
      qa(el, `[data-chart=${chart}] tbody tr`).map((r) =>
        [...r.querySelectorAll('td')].map((c) => c.textContent),
      );
    const backlog = data.backlogAge.map((d) => [d.label, String(d.value)]);
    equal(JSON.stringify(cells('backlog-age')), JSON.stringify(backlog));
    const weeks = cells('volume').length;
    equal(weeks, metrics.volume.week.length, 'weeks');
    ok(weeks >= DEFAULT_WEEKS && weeks <= DEFAULT_WEEKS + 1, `${weeks} weeks`);
    ok(
      q(el, '.period').textContent!.includes(
        `${opened(metrics)} tickets opened`,
      ),
      'the summary counts the tickets opened in the period',
    );
    const { deflections } = (await callAs(token, '/kb/deflections/count')).body;
    equal(
      q(el, '[data-chart=deflection] strong').textContent,
      percent(deflections / (deflections + opened(metrics))),
      'deflection rate over the period',
    );
  });

  it('keeps the period controls: both ends empty show the whole log', async () => {
    const el = await mountConsole();
    await signIn(el);
    await openDashboard(el);
    q<HTMLInputElement>(el, '#from').value = '';
    q<HTMLInputElement>(el, '#to').value = '';
    q<HTMLButtonElement>(el, 'form[aria-label=Period] button').click();
    await waitFor(() => el.period?.basis === 'chosen' && !el.busy, 'chosen');
    const whole = (await callAs(el.api.token!, '/metrics')).body;
    const report = el.dashboard as typeof whole;
    equal(report.period.from, whole.period.from, 'from the first event');
    equal(report.volume.week.length, whole.volume.week.length, 'weeks');
  });

  it('falls back to the last 12 weeks of the stored history, and says so', async () => {
    const el = await mountConsole();
    await signIn(el);
    // A year from now nothing has happened in the last 12 weeks.
    const later = Date.now() + 365 * DAY;
    const { report, period } = await dashboardReport(el.api, undefined, later);
    equal(period.basis, 'history', 'basis');
    const token = el.api.token!;
    const newest = (await callAs(token, '/tickets?sort=-createdAt&limit=1'))
      .body.items[0];
    const endDay = Math.floor(Date.parse(newest.createdAt) / DAY) * DAY + DAY;
    equal(period.to, new Date(endDay).toISOString(), 'to the newest day');
    equal(Date.parse(period.to!) - Date.parse(period.from!), 84 * DAY);
    ok(opened(report) > 0, 'tickets in the window');
    await openDashboard(el);
    el.period = period;
    el.dashboard = report;
    await el.updateComplete;
    const note = q(el, '[role=note]').textContent!.replace(/\s+/g, ' ');
    ok(note.includes('last 12 weeks of the stored history'), note);
    ok(note.includes(new Date(endDay - DAY).toISOString().slice(0, 10)), note);
  });

  it('lists the riskiest tickets by reference and subject, each opening its ticket', async () => {
    await fileTicket(`At-risk row ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    await openDashboard(el);
    await shown(el, '[data-chart=at-risk] tbody tr');
    await expectNoViolations(el, 'dashboard with the at-risk list');
    // No inline style anywhere: a strict style-src policy drops them.
    equal(qa(el, '[style]').length, 0, 'inline styles');
    const region = q(el, '[data-chart=at-risk] .scroll');
    equal(region.getAttribute('role'), 'region');
    equal(region.tabIndex, 0, 'focusable');
    const title = el.shadowRoot!.getElementById(
      region.getAttribute('aria-labelledby')!,
    );
    ok(title?.textContent?.includes('most at risk'), 'its name');
    const risky = (await callAs(el.api.token!, '/risk/queue?limit=10')).body;
    const rows = qa(el, '[data-chart=at-risk] tbody tr');
    equal(rows.length, risky.tickets.length, 'rows');
    const first = risky.tickets[0];
    const button = rows[0]!.querySelector<HTMLButtonElement>('button.open')!;
    equal(button.textContent?.trim(), first.ref, 'the reference');
    equal(rows[0]!.querySelectorAll('td')[1]?.textContent, first.subject);
    button.click();
    await waitFor(() => el.view === 'ticket' && el.open, 'the ticket view');
    equal(el.open!.ticket.id, first.ticketId, 'the ticket opened');
    equal(
      q(el, '#ticket-heading').textContent,
      `${first.ref}: ${first.subject}`,
    );
  });
});
