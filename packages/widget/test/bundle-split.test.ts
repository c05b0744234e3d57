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

  it('keep the tracking views in their chunk, which imports nothing', () => {
    const views = [
      'tracking.ts',
      'ticket-view.ts',
      'ticket-actions.ts',
      'rating-view.ts',
      'live-ticket.ts',
      'event-stream.ts',
    ].map((f) => `src/ticket-widget/${f}`);
    const main = inputsOf('ticket-widget.js');
    expect(main).toContain('src/ticket-widget/lazy-tracking.ts');
    for (const view of views) expect(main).not.toContain(view);
    const chunk = inputsOf('ticket-widget-tracking-views.js');
    for (const view of views) expect(chunk).toContain(view);
    // Lit and the shared helpers come from the main file as arguments.
    expect(chunk.some((i) => i.includes('node_modules/lit'))).toBe(false);
    const key = Object.keys(built.meta.outputs).find((k) =>
      k.endsWith('/ticket-widget-tracking-views.js'),
    );
    const out = built.meta.outputs[key!] as { imports?: unknown[] };
    expect(out.imports ?? []).toEqual([]);
  });

  it('refuses a requester bundle that mentions the console', () => {
    const fake = join(built.outdir, 'ticket-console.js');
    expect(() => checkWidgetBundle(fake)).toThrow(/ticket-console/);
  });
});
