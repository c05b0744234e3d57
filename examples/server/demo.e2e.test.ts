import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAM, startDemo } from './demo.ts';
import { createLogger } from './log.ts';

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
const dir = mkdtempSync(join(tmpdir(), 'ticketry-e2e-'));

beforeAll(async () => {
  demo = await startDemo({
    port: 0,
    dbFile: join(dir, 'demo.sqlite'),
    logger: createLogger({ quiet: true }),
    // This run assigns by hand; routing on arrival is demo-routing.test.ts.
    routing: false,
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROME_ARGS,
  });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function agent(path: string, init: RequestInit = {}) {
  const response = await fetch(`${demo.url}/api/v1${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${demo.apiKey}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  return { status: response.status, body: await response.json() };
}

async function command(id: string, version: number, body: object) {
  const { status, body: answer } = await agent(`/tickets/${id}/commands`, {
    method: 'POST',
    headers: { 'if-match': `"${version}"` },
    body: JSON.stringify(body),
  });
  expect(status, JSON.stringify(answer)).toBe(200);
  return answer.ticket as { version: number; status: string };
}

describe('the demo server', () => {
  it('starts on a store that already holds the replayed history', async () => {
    const { status, body } = await agent('/tickets?status=closed&limit=100');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(100);
    const imported = body.items.filter((t: { externalId: string | null }) =>
      /^INC\d+$/.test(t.externalId ?? ''),
    );
    expect(imported).toHaveLength(100);
  });

  it('takes a ticket from the widget to resolved and the widget shows it', async () => {
    await page.goto(demo.url);
    await page.getByLabel('Subject').fill('Docking station not detected');
    await page
      .getByLabel('Description')
      .fill('The USB-C dock stopped working after the update.');
    await page.getByLabel('Your email').fill('e2e@example.com');
    await page.getByRole('button', { name: 'Submit request' }).click();
    const ref = (await page.locator('.reference').textContent())?.trim() ?? '';
    expect(ref).toMatch(/^T-\d+$/);

    const list = await agent('/tickets?status=new&sort=-createdAt&limit=1');
    const [created] = list.body.items;
    expect(created).toMatchObject({ ref, status: 'new', channel: 'web' });

    await page.getByRole('button', { name: 'View this request' }).click();
    await expect
      .poll(() => page.locator('.status').textContent())
      .toBe('Received');

    let t = await command(created.id, created.version, {
      type: 'triage',
      impact: 'medium',
      urgency: 'high',
      teamId: DEMO_TEAM,
    });
    t = await command(created.id, t.version, {
      type: 'assign',
      assigneeId: 'demo-agent',
    });
    t = await command(created.id, t.version, { type: 'start' });
    t = await command(created.id, t.version, {
      type: 'resolve',
      code: 'fixed',
      note: 'Updated the dock firmware.',
    });
    expect(t.status).toBe('resolved');

    await expect
      .poll(() => page.locator('.status').textContent(), { timeout: 20_000 })
      .toBe('Resolved');
    await expect
      .poll(() => page.getByText('Updated the dock firmware.').count())
      .toBe(1);
  });

  it('answers a stale version with 412 and changes nothing', async () => {
    const list = await agent(
      '/tickets?status=resolved&sort=-createdAt&limit=1',
    );
    const [ticket] = list.body.items;
    const stale = await agent(`/tickets/${ticket.id}/commands`, {
      method: 'POST',
      headers: { 'if-match': `"${ticket.version - 1}"` },
      body: JSON.stringify({ type: 'close' }),
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const after = await agent(`/tickets/${ticket.id}`);
    expect(after.body.version).toBe(ticket.version);
  });

  it('opens a suggested article in the widget and goes back to the list', async () => {
    await page.goto(demo.url);
    await page.getByLabel('Subject').fill('VPN certificate expired at home');
    const read = page.getByRole('button', { name: 'Read the article' });
    await read.first().click();
    const title = page.locator('#article-title');
    await expect
      .poll(() => title.textContent())
      .toBe('Connect to the VPN from home');
    const body = page.locator('[part="article-body"]');
    await expect.poll(() => body.locator('ol > li').count()).toBe(3);
    expect(await body.locator('strong').first().textContent()).toBe(
      'VPN client',
    );
    const focused = () =>
      page.evaluate(
        () =>
          document.querySelector('ticket-widget')?.shadowRoot?.activeElement
            ?.id,
      );
    expect(await focused()).toBe('article-title');
    await page.getByRole('button', { name: 'Back to the suggestions' }).click();
    await expect.poll(focused).toMatch(/^suggestion-read-\d$/);
  });
});
