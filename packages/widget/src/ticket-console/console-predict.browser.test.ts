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
      ...[...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent),
    ]);
    type Risk = {
      ticketId: string;
      risk: number;
      ref: string;
      subject: string;
    };
    equal(
      JSON.stringify(listed),
      JSON.stringify(
        risky.body.tickets.map((t: Risk) => [
          t.ticketId,
          t.ref,
          t.subject,
          percent(t.risk),
        ]),
      ),
      'at-risk list',
    );
    // Deflections ÷ (deflections + tickets opened in the dashboard's
    // period), from the API's own counts.
    const { deflections } = (await callAs(token, '/kb/deflections/count')).body;
    const { from, to } = el.period!;
    const period = `from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}`;
    const { volume } = (await callAs(token, `/metrics?${period}`)).body;
    const opened = volume.day.reduce(
      (n: number, d: { created: number }) => n + d.created,
      0,
    );
    const rate = q(el, '[data-chart=deflection] strong').textContent;
    equal(
      rate,
      percent(deflections / (deflections + opened)),
      'deflection rate',
    );
  });

  it('computes the deflection rate as deflections ÷ (deflections + tickets opened in the period)', async () => {
    const { renderDashboard } = await import('./dashboard/dashboard.js');
    const el = await mountConsole();
    await signIn(el);
    // The last week only: fewer tickets opened than the log holds.
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const report = (
      await callAs(el.api.token!, `/metrics?from=${encodeURIComponent(from)}`)
    ).body;
    const host = document.createElement('div');
    document.body.append(host);
    const insight = { forecast: null, atRisk: null, deflections: 3 };
    render(renderDashboard({ html, svg, nothing }, report, insight), host);
    const figure = host.querySelector('[data-chart=deflection] strong');
    const opened = report.volume.day.reduce(
      (n: number, d: { created: number }) => n + d.created,
      0,
    );
    ok(opened > 0 && opened < report.tickets, 'tickets opened in the week');
    equal(figure?.textContent, percent(3 / (3 + opened)), 'deflection rate');
    equal(host.querySelectorAll('[data-chart=forecast]').length, 0, 'forecast');
    host.remove();
  });

  it('says when the forecast and the risks are as of the end of an old history', async () => {
    const { renderDashboard } = await import('./dashboard/dashboard.js');
    const el = await mountConsole();
    await signIn(el);
    const report = (await callAs(el.api.token!, '/metrics')).body;
    const host = document.createElement('div');
    document.body.append(host);
    const day = { date: '2016-06-01', expected: 12, low: 8, high: 15 };
    const forecast = {
      from: '2016-06-01',
      asOf: '2016-06-01T00:00:00.000Z',
      basis: 'history',
      series: [{ key: '*', days: [day, { ...day, date: '2016-06-02' }] }],
    };
    const atRisk = [
      { ticketId: 't1', risk: 0.4, priority: 'high', ageHours: 5 },
    ];
    const insight = { forecast, atRisk, deflections: null };
    render(renderDashboard({ html, svg, nothing }, report, insight), host);
    const text = (chart: string) =>
      host.querySelector(`[data-chart=${chart}]`)?.textContent ?? '';
    ok(text('forecast').includes('2 days from 2016-06-01'), 'the title');
    ok(text('forecast').includes('end of the stored history'), 'the note');
    ok(text('at-risk').includes('open on 2016-06-01'), 'the at-risk note');
    // As of now, neither note.
    const asOfNow = { ...insight, forecast: { ...forecast, basis: 'now' } };
    render(renderDashboard({ html, svg, nothing }, report, asOfNow), host);
    ok(!text('forecast').includes('stored history'), 'no note as of now');
    ok(!text('at-risk').includes('stored history'), 'no at-risk note');
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
