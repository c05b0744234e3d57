import { chromium } from 'playwright-core';
import { startWidgetHost } from '/work/main/bench/widget-host.ts';
const host = await startWidgetHost();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const variant = process.argv[2] ?? 'inline';
for (let r = 0; r < 3; r++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(() => { (globalThis as any).__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (globalThis as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); customElements.whenDefined('ticket-widget').then(() => (globalThis as any).__def = Math.round(performance.now())); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${host.url}/?page=${variant}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('ticket-widget')?.shadowRoot?.querySelector('.launcher, [part~="form"]'));
  await new Promise((r) => setTimeout(r, 300));
  if (variant !== 'inline') await page.evaluate(() => (document.querySelector('ticket-widget') as any).open());
  await new Promise((r) => setTimeout(r, 500));
  const { profile } = await cdp.send('Profiler.stop');
  console.log('long tasks', JSON.stringify(await page.evaluate(() => [(globalThis as any).__lt, (globalThis as any).__def])));
  if (r === 2) {
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    const dt = profile.timeDeltas; const counts = new Map<number, number>();
    profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
    for (const [id, t] of counts) { const n: any = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; self.set(key, (self.get(key) ?? 0) + t / 1000); }
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
  }
  await context.close();
}
await browser.close(); await host.close();
