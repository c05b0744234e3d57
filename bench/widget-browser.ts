/**
 * Loads one page variant of bench/widget-host.ts in headless Chromium
 * (playwright-core) at 4× CPU throttling, opens the widget where it has
 * a launcher, and reads what the page observed: long tasks (for Total
 * Blocking Time), layout shifts, the frames and milliseconds from
 * `open()` to a painted panel, and the scripts it fetched. Nothing here
 * prints.
 */
import { type Browser, chromium } from 'playwright-core';
import type { Variant } from './widget-host.ts';

/** The Chromium the bench drives: CHROME_PATH or Debian's. */
export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** CPU slowdown, as Lighthouse applies on a desktop for a mobile device. */
export const THROTTLE = 4;

/** One load of one variant. */
export interface PageSample {
  /** Σ (long task − 50 ms) from navigation to the end of the first open. */
  tbt: number;
  longTasks: number;
  /** Σ layout-shift values without recent input. */
  cls: number;
  /** Scripts fetched before any open, and in all. */
  scriptsAtLoad: number;
  scripts: number;
  /** Set where the variant has a launcher. */
  open?: {
    /** rAF callbacks until the panel was visible in one; 1 is best. */
    frames: number;
    /** From `open()` to the task after that frame's rendering. */
    paintedMs: number;
    /** From `open()` to the form inside the panel. */
    readyMs: number;
  };
}

/** Runs in the page before anything else: records what we measure. */
function observe() {
  const perf = { longTasks: [] as number[], shifts: [] as number[] };
  (globalThis as unknown as { __perf: typeof perf }).__perf = perf;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
    }[]) {
      if (!e.hadRecentInput) perf.shifts.push(e.value);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Runs in the page: opens the widget and times the panel and form. */
async function openAndTime() {
  type Openable = HTMLElement & { open(): unknown };
  const el = document.querySelector('ticket-widget') as Openable;
  const inPanel = (selector: string) =>
    el.shadowRoot?.querySelector<HTMLElement>(`.panel ${selector}`) ?? null;
  const panelShown = () =>
    !!el.shadowRoot?.querySelector<HTMLElement>('.panel')?.checkVisibility();
  const started = performance.now();
  el.open();
  let frames = 0;
  const paintedMs = await new Promise<number>((done) => {
    const tick = () => {
      frames++;
      if (panelShown()) setTimeout(() => done(performance.now() - started));
      else if (frames > 600) done(Number.NaN);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const readyMs = await new Promise<number>((done) => {
    const poll = () => {
      if (inPanel('[part~="form"]')) done(performance.now() - started);
      else if (performance.now() - started > 30_000) done(Number.NaN);
      else requestAnimationFrame(poll);
    };
    poll();
  });
  return { frames, paintedMs, readyMs };
}

/** Starts the browser the samples share. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME, args: FLAGS });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Loads `variant` in a fresh context and measures it. */
export async function samplePage(
  browser: Browser,
  url: string,
  variant: Variant,
): Promise<PageSample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // tsx keeps function names with a `__name` helper the page lacks.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(observe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    let scripts = 0;
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts++;
    });
    await page.goto(`${url}/?page=${variant}`, { waitUntil: 'load' });
    if (variant !== 'baseline') {
      await page.waitForFunction(() =>
        document
          .querySelector('ticket-widget')
          ?.shadowRoot?.querySelector('.launcher, [part~="form"]'),
      );
    }
    await pause(300);
    const scriptsAtLoad = scripts;
    const hasLauncher = variant === 'launcher' || variant === 'fullLauncher';
    const open = hasLauncher ? await page.evaluate(openAndTime) : undefined;
    await pause(300);
    const perf = await page.evaluate(
      () =>
        (
          globalThis as unknown as {
            __perf: { longTasks: number[]; shifts: number[] };
          }
        ).__perf,
    );
    const blocking = perf.longTasks.map((d) => Math.max(0, d - 50));
    return {
      tbt: blocking.reduce((a, b) => a + b, 0),
      longTasks: perf.longTasks.length,
      cls: perf.shifts.reduce((a, b) => a + b, 0),
      scriptsAtLoad,
      scripts,
      ...(open && { open }),
    };
  } finally {
    await context.close();
  }
}
