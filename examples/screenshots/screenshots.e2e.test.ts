import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { layoutProblems } from './layout.ts';

// Every state of <ticket-widget> on the demo server, in light, dark and
// right-to-left Arabic, as PNG files to look at: the launcher closed
// and open (the whole window), then inline on the demo page the form
// with its errors, the confirmation, My requests, a resolved ticket and
// the offline queue (the widget alone). Each shot is also checked for
// layout faults: nothing sticks out of the widget or is cut off.

const here = dirname(fileURLToPath(import.meta.url));
/** Where the PNG files go (gitignored); `TICKETRY_SCREENSHOTS` moves it. */
const OUT = process.env.TICKETRY_SCREENSHOTS ?? join(here, 'out');

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

const LOOKS = [
  { name: 'light', scheme: 'light', locale: null, dir: 'ltr' },
  { name: 'dark', scheme: 'dark', locale: null, dir: 'ltr' },
  { name: 'rtl', scheme: 'light', locale: 'ar', dir: 'rtl' },
] as const;

type Look = (typeof LOOKS)[number];

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'ticketry-shots-'));

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  demo = await startDemo({
    port: 0,
    dbFile: join(dir, 'demo.sqlite'),
    seed: false,
    logger: createLogger({ quiet: true }),
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

async function agent(id: string, body: object) {
  const headers = { authorization: `Bearer ${demo.apiKey}` };
  const ticket = await (
    await fetch(`${demo.url}/api/v1/tickets/${id}`, { headers })
  ).json();
  const response = await fetch(`${demo.url}/api/v1/tickets/${id}/commands`, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/json',
      'if-match': `"${ticket.version}"`,
    },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/**
 * Takes the picture (`window`: the whole page, else the widget alone)
 * and checks the widget's layout, when its content is there.
 */
async function shoot(
  page: Page,
  widget: Locator,
  name: string,
  look: Look,
  { window = false, content = true } = {},
) {
  await widget.evaluate(
    (el) =>
      (el as unknown as { updateComplete: Promise<unknown> }).updateComplete,
  );
  // The pointer rests off the widget: no hover look in the picture.
  await page.mouse.move(0, 0);
  const path = join(OUT, `${name}-${look.name}.png`);
  if (window) await page.screenshot({ path });
  else await widget.locator('[part~="base"]').screenshot({ path });
  if (content) {
    expect(await widget.evaluate(layoutProblems, look.dir)).toEqual([]);
  }
}

/** The direction the widget lays out in, once it has chosen. */
const direction = (widget: Locator) =>
  widget.evaluate(
    (el) =>
      el.shadowRoot
        ?.querySelector('[part="launcher-button"], [part~="base"]')
        ?.getAttribute('dir') ?? null,
  );

/**
 * A page whose `<ticket-widget>` tag says `locale`, as a site in that
 * language would write it (the demo pages say nothing).
 */
async function speak(context: BrowserContext, look: Look) {
  if (!look.locale) return;
  const attribute = `<ticket-widget locale="${look.locale}" `;
  await context.route(
    (url) => url.pathname === '/' || url.pathname === '/embed/',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        '<ticket-widget ',
        attribute,
      );
      await route.fulfill({ response, body });
    },
  );
}

/** The launcher button's colours, without the pointer on it. */
const colours = (button: Locator) =>
  button.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.color, style.backgroundColor, style.boxShadow];
  });

async function launcherShots(context: BrowserContext, look: Look) {
  const page = await context.newPage();
  await page.goto(`${demo.url}/embed/`);
  const widget = page.locator('ticket-widget');
  const button = page.locator('[part="launcher-button"]');
  await button.waitFor();
  expect(await direction(widget)).toBe(look.dir);
  await shoot(page, widget, 'closed', look, { window: true, content: false });
  const stub = await colours(button);
  await button.click();
  await page.locator('#subject').waitFor();
  await expect.poll(() => direction(widget)).toBe(look.dir);
  await shoot(page, widget, 'open', look, { window: true });
  // The full widget took over the tiny launcher's button unchanged.
  expect(await colours(button)).toEqual(stub);
  await page.close();
}

/** The id of the next ticket the widget submits. */
const nextSubmitted = (widget: Locator) =>
  widget.evaluate(
    (el) =>
      new Promise<string>((resolve) =>
        el.addEventListener(
          'ticket-submitted',
          (e) => resolve((e as CustomEvent<{ id: string }>).detail.id),
          { once: true },
        ),
      ),
  );

async function fill(page: Page, subject: string) {
  await page.locator('#subject').fill(subject);
  await page
    .locator('#description')
    .fill('The USB-C dock stopped charging the laptop after the update.');
  await page.locator('#email').fill('amira@example.com');
}

async function inlineShots(context: BrowserContext, look: Look) {
  const page = await context.newPage();
  await page.goto(demo.url);
  const widget = page.locator('ticket-widget');
  await page.locator('#cf-office').waitFor();
  await expect.poll(() => direction(widget)).toBe(look.dir);
  const submit = page.locator('[part~="submit-button"]');

  await submit.click();
  await page.locator('#subject-error').waitFor();
  await shoot(page, widget, 'errors', look);

  await fill(page, `Docking station not detected (${look.name})`);
  await page.locator('#cf-asset').fill('PC-0042');
  await page.locator('#attachments').setInputFiles({
    name: 'dock-log.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('usb 3-1: device not accepting address\n'),
  });
  const submitted = nextSubmitted(widget);
  await submit.click();
  const id = await submitted;
  await page.locator('[part="reference"]').waitFor();
  await shoot(page, widget, 'submitted', look);

  await page.locator('[part~="nav-button"]').nth(1).click();
  await page.locator('[part~="ticket-button"] .meta').waitFor();
  await shoot(page, widget, 'list', look);

  await agent(id, { type: 'triage', impact: 'low', urgency: 'high' });
  await agent(id, {
    type: 'reply',
    body: 'Does the dock work on another port?',
  });
  await agent(id, {
    type: 'resolve',
    code: 'fixed',
    note: 'Replaced the dock firmware.',
  });
  await page.locator(`[data-id="${id}"]`).click();
  await page.locator('#accept-button').waitFor();
  await page.locator('.message.agent').waitFor();
  await page.locator('[part="file-link"]').waitFor();
  await shoot(page, widget, 'detail', look);

  await page.locator('[part~="nav-button"]').nth(0).click();
  await fill(page, `Printer offline (${look.name})`);
  await context.setOffline(true);
  await submit.click();
  await page.locator('#form-notice').waitFor();
  await shoot(page, widget, 'offline', look);
  await context.setOffline(false);
  await page.close();
}

describe('screenshots of every state of the widget', () => {
  for (const look of LOOKS) {
    it(`shoots each state ${look.name}, with nothing cut off`, async () => {
      const context = await browser.newContext({
        viewport: { width: 900, height: 760 },
        colorScheme: look.scheme,
      });
      await speak(context, look);
      await launcherShots(context, look);
      await inlineShots(context, look);
      await context.close();
    });
  }
});
