import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundles, buildBundles } from './bundle-build.js';
// @ts-expect-error: a plain .mjs helper without types
import { CONSOLE_TAGS, checkWidgetBundle } from './dist-group.mjs';

let built: BuiltBundles;

beforeAll(() => {
  built = buildBundles('ticketry-bundle-');
}, 60_000);

const inputsOf = (file: string) => built.inputsOf(file);

describe('the script-tag bundles', () => {
  it('keep every console and chart module out of ticket-widget.js', () => {
    const widget = inputsOf('ticket-widget.js');
    expect(widget.some((i) => i.includes('ticket-console'))).toBe(false);
    expect(() =>
      checkWidgetBundle(join(built.outdir, 'ticket-widget.js')),
    ).not.toThrow();
    const text = readFileSync(join(built.outdir, 'ticket-widget.js'), 'utf8');
    for (const tag of CONSOLE_TAGS) expect(text).not.toContain(tag);
  });

  it('load the charts only from the dashboard chunk of the console', () => {
    const main = inputsOf('ticket-console.js');
    expect(main).toContain('src/ticket-console/ticket-console.ts');
    expect(main.some((i) => i.includes('/dashboard/'))).toBe(false);
    const chunk = inputsOf('ticket-console-dashboard.js');
    expect(chunk).toContain('src/ticket-console/dashboard/charts.ts');
  });

  it('hold the tracking views in ticket-widget.js itself, with no chunk of their own', () => {
    const main = inputsOf('ticket-widget.js');
    for (const f of ['tracking.ts', 'ticket-view.ts', 'rating-view.ts']) {
      expect(main).toContain(`src/ticket-widget/${f}`);
    }
    const chunks = Object.keys(built.meta.outputs).filter((k) =>
      /ticket-widget-.*tracking.*\.js$/.test(k),
    );
    expect(chunks).toEqual([]);
  });

  it('refuses a requester bundle that mentions the console', () => {
    const fake = join(built.outdir, 'ticket-console.js');
    expect(() => checkWidgetBundle(fake)).toThrow(/ticket-console/);
  });
});
