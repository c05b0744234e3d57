import { html, nothing, render, svg } from 'lit';
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

afterEach(unmountConsoles);

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

describe('<ticket-console> predictions', () => {
  it('draws the 14-day forecast with its 80% band and the tickets most at risk', async () => {
    const el = await mountConsole();
    await signIn(el);
    q(el, 'nav[aria-label=Console] button:nth-child(2)').click();
    await shown(el, '[data-chart=forecast] svg');
    await expectNoViolations(el, 'dashboard with predictions');
    const token = el.api.token!;
    const forecast = await callAs(token, '/forecast?days=14');
    // One series over every ticket (key '*').
    const [{ days }] = forecast.body.series;
    equal(days.length, 14, 'forecast days');
    const rows = qa(el, '[data-chart=forecast] tbody tr').map((r) =>
      [...r.querySelectorAll('td')].map((c) => c.textContent),
    );
    equal(
      JSON.stringify(rows),
      JSON.stringify(
        days.map((d: Record<string, number>) =>
          [d.date, d.expected, d.low, d.high].map(String),
        ),
      ),
      'forecast table',
    );
    // The band: one point per day along the top, one along the bottom.
    const band = q(el, '[data-chart=forecast] .band').getAttribute('points');
    equal(band?.split(' ').length, 28, 'band points');

    const risky = await callAs(token, '/risk/queue?limit=10');
    const listed = qa(el, '[data-chart=at-risk] tbody tr').map((r) => [
      r.dataset.id,
      r.querySelectorAll('td')[1]?.textContent,
    ]);
    equal(
      JSON.stringify(listed),
      JSON.stringify(
        risky.body.tickets.map((t: { ticketId: string; risk: number }) => [
          t.ticketId,
          percent(t.risk),
        ]),
      ),
      'at-risk list',
    );
    // Deflections ÷ (deflections + tickets), from the API's own counts.
    const { deflections } = (await callAs(token, '/kb/deflections/count')).body;
    const { tickets } = (await callAs(token, '/metrics')).body;
    const rate = q(el, '[data-chart=deflection] strong').textContent;
    equal(
      rate,
      percent(deflections / (deflections + tickets)),
      'deflection rate',
    );
  });

  it('computes the deflection rate as deflections ÷ (deflections + tickets)', async () => {
    const { renderDashboard } = await import('./dashboard/dashboard.js');
    const el = await mountConsole();
    await signIn(el);
    const report = (await callAs(el.api.token!, '/metrics')).body;
    const host = document.createElement('div');
    document.body.append(host);
    const insight = { forecast: null, atRisk: null, deflections: 3 };
    render(renderDashboard({ html, svg, nothing }, report, insight), host);
    const figure = host.querySelector('[data-chart=deflection] strong');
    equal(
      figure?.textContent,
      percent(3 / (3 + report.tickets)),
      'deflection rate',
    );
    equal(host.querySelectorAll('[data-chart=forecast]').length, 0, 'forecast');
    host.remove();
  });

  it('sorts the "At risk" queue by risk and badges every row with it', async () => {
    const stamp = Date.now();
    for (const word of ['printer', 'network', 'email']) {
      await fileTicket(`Risk ${word} ${stamp}`);
    }
    const el = await mountConsole();
    await signIn(el);
    await waitFor(() => el.risks !== null, 'the risks');
    q(el, 'nav[aria-label=Queues] button:nth-child(6)').click();
    await waitFor(() => !el.busy && el.queue === 'risk', 'the at-risk queue');
    await shown(el, 'tbody tr');
    await expectNoViolations(el, 'at-risk queue');
    const answer = await callAs(el.api.token!, '/risk/queue?limit=500');
    const byId = new Map<string, number>(
      answer.body.tickets.map((t: { ticketId: string; risk: number }) => [
        t.ticketId,
        t.risk,
      ]),
    );
    const rows = qa(el, 'tbody tr');
    ok(rows.length >= 3, 'the filed tickets are listed');
    const shownRisks = rows.map((r) => {
      const risk = byId.get(r.dataset.id!);
      ok(risk !== undefined, `a risk for ${r.dataset.id}`);
      const badge = r.querySelector('.risk')?.textContent?.trim() ?? '';
      ok(badge.startsWith(`${Math.round(risk! * 100)}%`), `badge ${badge}`);
      equal(r.querySelector('.risk')?.classList.contains('high'), risk! >= 0.5);
      return risk!;
    });
    equal(
      JSON.stringify(shownRisks),
      JSON.stringify([...shownRisks].sort((a, b) => b - a)),
      'riskiest first',
    );
  });

  it('hides the queue and the column when predictions are off', async () => {
    const el = await mountConsole();
    await signIn(el);
    await el.showQueue('risk');
    await waitFor(() => el.risks !== null, 'the risks');
    await shown(el, 'thead');
    const labels = () =>
      qa(el, 'nav[aria-label=Queues] button').map((b) => b.textContent?.trim());
    ok(labels().includes('At risk'), 'the tab with predictions');
    ok(q(el, 'thead').textContent?.includes('Breach risk'), 'the column');
    el.risks = null;
    await el.updateComplete;
    ok(!labels().includes('At risk'), 'no tab without predictions');
    ok(!q(el, 'thead').textContent?.includes('Breach risk'), 'no column');
    equal(qa(el, 'tbody .risk').length, 0, 'no badges');
  });
});
