import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { tightenTemplates } from '../../packages/widget/scripts/minify-templates.mjs';
const files = ['styles.ts', 'tracking-styles.ts', 'extras-view.ts', 'honeypot.ts', 'launcher.ts'].map((f) => `/work/main/packages/widget/src/ticket-widget/${f}`);
// Pull every css`…` literal (no interpolations in these) from a source.
const cssOf = (text: string) => [...text.matchAll(/css`([^`]*)`/g)].map((m) => m[1]!);
const pairs: [string, string][] = [];
for (const f of files) {
  const before = cssOf(readFileSync(f, 'utf8'));
  const after = cssOf(tightenTemplates(f, readFileSync(f, 'utf8')));
  before.forEach((b, i) => pairs.push([b, after[i]!]));
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.addInitScript('globalThis.__name = (f) => f;');
const result = await page.evaluate(`(${JSON.stringify(pairs)}).map(([a, b]) => { const rules = (t) => { const s = new CSSStyleSheet(); s.replaceSync(t); return [...s.cssRules].map((r) => r.cssText.replace(/\\s+/g, ' ')).join('\\n'); }; const x = rules(a).split('\\n'), y = rules(b).split('\\n'); const i = x.findIndex((r, k) => r !== y[k]); if (i < 0) return 'same'; const u = x[i], v = y[i]; let j = 0; while (u[j] === v[j]) j++; return [i, u.slice(Math.max(0, j - 200), j + 100), '||', v.slice(Math.max(0, j - 200), j + 100)]; })`);
console.log(JSON.stringify(result));
await browser.close();
