import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper without types
import { ASSISTANT_MARKERS, checkWidgetBundle } from './dist-group.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
let outdir = '';
let meta: { outputs: Record<string, { inputs: Record<string, unknown> }> };

const inputsOf = (file: string) => {
  const key = Object.keys(meta.outputs).find((k) => k.endsWith(`/${file}`));
  if (!key) throw new Error(`no output ${file}`);
  return Object.keys(meta.outputs[key]!.inputs);
};

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'ticketry-assistant-'));
  const metafile = join(outdir, 'meta.json');
  execFileSync(
    'node',
    ['scripts/bundle.mjs', `--outdir=${outdir}`, `--metafile=${metafile}`],
    { cwd: pkg, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  meta = JSON.parse(readFileSync(metafile, 'utf8'));
}, 60_000);

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
    const main = join(outdir, 'ticket-widget.js');
    expect(() => checkWidgetBundle(main)).not.toThrow();
    const text = readFileSync(
      join(outdir, 'ticket-widget-assistant-panel.js'),
      'utf8',
    );
    for (const m of ASSISTANT_MARKERS) expect(text).toContain(m);
    expect(() =>
      checkWidgetBundle(join(outdir, 'ticket-widget-assistant-panel.js')),
    ).toThrow(/assistant code/);
  });
});
