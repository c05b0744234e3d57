import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayFile } from '../replay/replay-file.ts';
import { replayDesk } from '../replay/test-support.ts';
import { SAMPLE_LOG, startDemo } from '../server/demo.ts';
import { createLogger } from '../server/log.ts';

// The agents' console on the demo server, driven through Chromium: sign
// in with a demo account, work a ticket from the unassigned queue to
// closed, open the dashboard over the replayed ServiceNow sample, and
// keep a screenshot of each view in docs/screenshots/console-*.png.

const here = dirname(fileURLToPath(import.meta.url));
const SHOTS = join(here, '../../docs/screenshots');

const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'ticketry-console-'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemo({
    port: 0,
    dbFile: join(dir, 'demo.sqlite'),
    // Tickets wait in the unassigned queue for the agent to take them.
    routing: false,
    logger: createLogger({ quiet: true }),
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROME_ARGS,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Saves a PNG of the page and checks it is a picture, not a blank or
 * one-colour screen: enough bytes and many distinct colours, counted by
 * the browser from the decoded image.
 */
async function shoot(name: string) {
  const path = join(SHOTS, `console-${name}.png`);
  const png = await page.screenshot({ path, fullPage: false });
  expect(png.byteLength).toBeGreaterThan(10_000);
  const colours = await page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, image.width, image.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) {
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return seen.size;
  }, png.toString('base64'));
  expect(colours).toBeGreaterThan(8);
}

const inConsole = (selector: string) =>
  page.locator(`ticket-console ${selector}`);

async function command(type: string, fill?: Record<string, string>) {
  await inConsole(`[data-command=${type}]`).click();
  for (const [selector, value] of Object.entries(fill ?? {})) {
    await inConsole(selector).fill(value);
  }
  if (fill) await inConsole('form.panel button[type=submit]').click();
}

const resolutionCells = () =>
  inConsole('[data-chart=resolution] tbody td').allTextContents();

const round = (v: number | null) => String(Math.round((v ?? 0) * 10) / 10);

/** The resolution chart's table as the figures of `spread` give it. */
const rounded = (spread: {
  median: number | null;
  p90: number | null;
  max: number | null;
}) => [
  'median',
  round(spread.median),
  'p90',
  round(spread.p90),
  'max',
  round(spread.max),
];

describe("the agents' console on the demo server", () => {
  it('signs in, works a ticket to closed and shows the dashboard', async () => {
    const agent = demo.consoleAccounts.find((a) => a.role === 'agent');
    expect(agent?.password).toMatch(/^[\w-]{24}$/);
    const subject = `VPN drops every hour ${Date.now()}`;
    const filed = await fetch(`${demo.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject,
        description: 'Since the update the VPN drops every hour.',
        requester: { email: 'grace@example.com', name: 'Grace' },
      }),
    });
    expect(filed.status).toBe(201);
    const { ticket } = await filed.json();

    await page.goto(`${demo.url}/console`);
    await inConsole('#email').fill(agent!.email);
    await inConsole('#password').fill(agent!.password);
    await shoot('sign-in');
    await inConsole('form button[type=submit]').click();

    await inConsole(`button.open:text-is("${ticket.ref}")`).waitFor();
    await shoot('queue');

    // The dashboard over the replayed sample: the replay's own figures.
    await inConsole(
      'nav[aria-label=Console] button:text-is("Dashboard")',
    ).click();
    await inConsole('[data-chart=resolution] svg').waitFor();
    // It opens on the last 12 weeks; an empty start reaches back to the
    // first replayed ticket.
    await inConsole('#from').fill('');
    await inConsole('#to').fill('2017-03-01');
    await inConsole('form[aria-label=Period] button').click();
    await expect
      .poll(() => inConsole('.period').textContent())
      .toMatch(/to 2017-03-01/);
    await shoot('dashboard');
    const { desk } = replayDesk({ closedReplyPolicy: 'reopen' });
    const replay = await replayFile(desk, SAMPLE_LOG, {
      mapping: 'servicenow',
    });
    const spread = replay.openToResolvedHours;
    expect(await resolutionCells()).toEqual(rounded(spread));
    // Tickets opened in the period: the replay's; the ticket filed
    // above was opened after it.
    expect(await inConsole('.period').textContent()).toContain(
      `${replay.tickets} tickets opened`,
    );

    // A related ticket, linked over the API: the detail view lists it.
    const other = await (
      await fetch(`${demo.url}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject: 'VPN slow in the Berlin office',
          description: 'Pages time out over the VPN.',
          requester: { email: 'ada@example.com', name: 'Ada' },
        }),
      })
    ).json();
    const linked = await fetch(
      `${demo.url}/api/v1/tickets/${ticket.id}/links`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${demo.apiKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ type: 'related', ticketId: other.ticket.id }),
      },
    );
    expect(linked.status).toBe(201);

    await inConsole('nav[aria-label=Console] button:text-is("Queues")').click();
    await inConsole(`button.open:text-is("${ticket.ref}")`).click();
    await inConsole('#ticket-heading').waitFor();
    expect(
      await inConsole('section[aria-labelledby=links-heading]').textContent(),
    ).toContain(other.ticket.id);

    const status = () => inConsole('dl dd').first().textContent();
    // The assignee field starts with the signed-in agent.
    await command('assign', {});
    await expect.poll(status).toBe('assigned');
    await command('start');
    await expect.poll(status).toBe('in progress');
    await command('reply', { '#composer': 'A new VPN profile is on its way.' });
    await inConsole('.conversation li.public >> nth=1').waitFor();
    await command('note', { '#composer': 'Profile 2.3 fixes the timeout.' });
    await inConsole('.conversation li.internal').waitFor();
    await command('resolve', { '#cmd-note': 'New VPN profile installed.' });
    await expect.poll(status).toBe('resolved');
    await shoot('ticket');
    await command('close');
    await expect.poll(status).toBe('closed');
    const closed = await demo.desk.get(ticket.id);
    expect(closed?.status).toBe('closed');
    expect(closed?.assigneeId).toBe('console-agent');

    // Opened again, the dashboard shows the last 12 weeks: the server's
    // figures over them, the ticket resolved above in.
    await inConsole(
      'nav[aria-label=Console] button:text-is("Dashboard")',
    ).click();
    await expect
      .poll(() => inConsole('.period').textContent())
      .not.toMatch(/to 2017-03-01/);
    const { token, period } = await page.evaluate(() => {
      const el = document.querySelector('ticket-console')!;
      return { token: el.api.token, period: el.period };
    });
    expect(period?.basis).toBe('recent');
    const query = new URLSearchParams({
      from: period!.from!,
      to: period!.to!,
    });
    const metrics = await (
      await fetch(`${demo.url}/api/v1/metrics?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(metrics.resolution.calendarHours.n).toBeGreaterThanOrEqual(1);
    await expect
      .poll(resolutionCells)
      .toEqual(rounded(metrics.resolution.calendarHours));
  }, 300_000);
});
