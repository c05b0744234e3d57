import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../server/demo.ts';
import { createLogger } from '../server/log.ts';
import { EMBED_CSP } from '../server/static.ts';

// The embed pages as a site would serve them: a strict policy with
// Trusted Types, the widget from the same origin, a cookie on the
// origin that the widget must not send.

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

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'ticketry-embed-'));
const shots = process.env.TICKETRY_SHOTS;

beforeAll(async () => {
  demo = await startDemo({
    port: 0,
    dbFile: join(dir, 'demo.sqlite'),
    seed: false,
    logger: createLogger({ quiet: true }),
    // The page shows a fresh ticket as received; routing would assign it.
    routing: false,
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROME_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page that records policy violations, console errors and API calls. */
async function watchedPage(context: BrowserContext) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { violations: Violation[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const calls: { url: string; type: string; cookie: string | null }[] = [];
  // The live stream never finishes while the page is open: its request
  // is recorded as it goes out, with the headers Chromium sent.
  const streams: Promise<{ type: string; cookie: string | null }>[] = [];
  page.on('request', (request) => {
    if (!/\/api\/.*\/stream/.test(request.url())) return;
    streams.push(
      request.allHeaders().then((headers) => ({
        type: request.resourceType(),
        cookie: headers.cookie ?? null,
      })),
    );
  });
  const setCookies: string[] = [];
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/api/')) return;
    const headers = await request.allHeaders();
    calls.push({
      url: request.url(),
      type: request.resourceType(),
      cookie: headers.cookie ?? null,
    });
    const answer = await request.response();
    const set = await answer?.headerValue('set-cookie');
    if (set) setCookies.push(set);
  });
  const violations = () =>
    page.evaluate(
      () => (window as unknown as { violations: Violation[] }).violations,
    );
  return { page, consoleErrors, calls, streams, setCookies, violations };
}

async function agentCommand(id: string, version: number, body: object) {
  const response = await fetch(`${demo.url}/api/v1/tickets/${id}/commands`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${demo.apiKey}`,
      'content-type': 'application/json',
      'if-match': `"${version}"`,
    },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** Whether the element has focus in its own (shadow) root. */
function focused(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el,
  );
}

async function shoot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`) });
}

describe('the embed pages under a strict Content-Security-Policy', () => {
  it('run the launcher, submit and track a ticket with no violation and no cookie', async () => {
    const context = await browser.newContext();
    await context.addCookies([
      { name: 'host_session', value: 'secret', url: demo.url },
    ]);
    const { page, consoleErrors, calls, streams, setCookies, violations } =
      await watchedPage(context);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script')
        scripts.push(new URL(r.url()).pathname);
    });

    const response = await page.goto(`${demo.url}/embed/`);
    expect(response?.headers()['content-security-policy']).toBe(EMBED_CSP);
    const launcher = page.getByRole('button', { name: 'Help desk' });
    await launcher.waitFor();
    expect(scripts).toEqual(['/ticket-launcher.js']);
    await shoot(page, 'launcher-closed');

    await launcher.click();
    await page.getByLabel('Subject').fill('Badge reader refuses my card');
    await page
      .getByLabel('Description')
      .fill('The reader at the east door blinks red since this morning.');
    await page.getByLabel('Your email').fill('csp@example.com');
    expect(scripts).toContain('/ticket-widget.js');
    await shoot(page, 'launcher-open');
    await page.getByRole('button', { name: 'Submit request' }).click();
    const ref = (await page.locator('.reference').textContent())?.trim();
    expect(ref).toMatch(/^T-\d+$/);

    await page.getByRole('button', { name: 'View this request' }).click();
    await expect
      .poll(() => page.locator('.status').textContent())
      .toBe('Received');
    const [created] = (
      await (
        await fetch(`${demo.url}/api/v1/tickets?sort=-createdAt&limit=1`, {
          headers: { authorization: `Bearer ${demo.apiKey}` },
        })
      ).json()
    ).items;
    expect(created.ref).toBe(ref);
    await agentCommand(created.id, created.version, {
      type: 'triage',
      impact: 'low',
      urgency: 'medium',
    });
    await expect
      .poll(() => page.locator('.status').textContent(), { timeout: 20_000 })
      .toBe('Open');
    await shoot(page, 'launcher-tracking');

    await page.keyboard.press('Escape');
    await expect
      .poll(() => launcher.getAttribute('aria-expanded'))
      .toBe('false');
    expect(await focused(launcher)).toBe(true);

    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Every call, the live stream included, is a fetch without cookies.
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.filter((c) => c.cookie !== null)).toEqual([]);
    const stream = await Promise.all(streams);
    expect(stream.length).toBeGreaterThanOrEqual(1);
    expect(stream).toEqual(stream.map(() => ({ type: 'fetch', cookie: null })));
    expect(setCookies).toEqual([]);
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name)).toEqual(['host_session']);

    // The recorder works: a string into innerHTML is a violation here.
    await page.evaluate(() => {
      try {
        document.body.innerHTML = '<b>not allowed</b>';
      } catch {
        // Trusted Types refuse it; the event is what we look at.
      }
    });
    await expect
      .poll(async () => (await violations()).map((v) => v.directive))
      .toEqual(['require-trusted-types-for']);
    await context.close();
  });

  it('serves the widget’s language chunks next to it, and nothing else by that pattern', async () => {
    const german = await fetch(`${demo.url}/ticket-widget-de.js`);
    expect(german.status).toBe(200);
    expect(german.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await german.text()).toContain('Anfrage');
    for (const path of ['/ticket-widget-nope.js', '/ticket-widget-..%2fx.js']) {
      expect((await fetch(`${demo.url}${path}`)).status).toBe(404);
    }
    // The bundle names its license notices (Lit's) and they are served.
    const main = await (await fetch(`${demo.url}/ticket-widget.js`)).text();
    expect(main).toContain('ticket-widget.js.LEGAL.txt');
    const notes = await fetch(`${demo.url}/ticket-widget.js.LEGAL.txt`);
    expect(notes.status).toBe(200);
    expect(await notes.text()).toContain(
      'SPDX-License-Identifier: BSD-3-Clause',
    );
  });

  it('runs the inline page with no violation', async () => {
    const context = await browser.newContext();
    const { page, consoleErrors, violations } = await watchedPage(context);
    await page.goto(`${demo.url}/embed/inline.html`);
    await page.getByLabel('Subject').waitFor();
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect.poll(() => focused(page.getByLabel('Subject'))).toBe(true);
    await shoot(page, 'inline-errors');
    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
