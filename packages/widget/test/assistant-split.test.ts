import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundles, buildBundles } from './bundle-build.js';
// @ts-expect-error: a plain .mjs helper without types
import { ASSISTANT_MARKERS, checkWidgetBundle } from './dist-group.mjs';

let built: BuiltBundles;

beforeAll(() => {
  built = buildBundles('ticketry-assistant-');
}, 60_000);

const inputsOf = (file: string) => built.inputsOf(file);

describe('the assistant chunk', () => {
  it('holds the assistant panel, which ticket-widget.js does not', () => {
    const chunk = inputsOf('ticket-widget-assistant-panel.js');
    expect(chunk).toContain('src/ticket-widget/assistant/assistant-panel.ts');
    const main = inputsOf('ticket-widget.js');
    expect(main.some((i) => i.includes('/assistant/'))).toBe(false);
    expect(main).toContain('src/ticket-widget/assistant-host.ts');
  });

  it('shares nothing with the main file: no Lit or zod inside', () => {
    const chunk = inputsOf('ticket-widget-assistant-panel.js');
    expect(chunk.some((i) => i.includes('node_modules'))).toBe(false);
  });

  it('is what the bundle check refuses in ticket-widget.js', () => {
    const main = join(built.outdir, 'ticket-widget.js');
    expect(() => checkWidgetBundle(main)).not.toThrow();
    const text = readFileSync(
      join(built.outdir, 'ticket-widget-assistant-panel.js'),
      'utf8',
    );
    for (const m of ASSISTANT_MARKERS) expect(text).toContain(m);
    expect(() =>
      checkWidgetBundle(join(built.outdir, 'ticket-widget-assistant-panel.js')),
    ).toThrow(/assistant code/);
  });
});
