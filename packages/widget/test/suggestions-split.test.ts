import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper without types
import { checkWidgetBundle, SUGGESTIONS_MARKERS } from './dist-group.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHUNK = 'ticket-widget-suggestions-panel.js';
let outdir = '';
let meta: { outputs: Record<string, { inputs: Record<string, unknown> }> };

const inputsOf = (file: string) => {
  const key = Object.keys(meta.outputs).find((k) => k.endsWith(`/${file}`));
  if (!key) throw new Error(`no output ${file}`);
  return Object.keys(meta.outputs[key]!.inputs);
};

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'ticketry-suggestions-'));
  const metafile = join(outdir, 'meta.json');
  execFileSync(
    'node',
    ['scripts/bundle.mjs', `--outdir=${outdir}`, `--metafile=${metafile}`],
    { cwd: pkg, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  meta = JSON.parse(readFileSync(metafile, 'utf8'));
}, 60_000);

describe('the suggestions chunk', () => {
  it('holds the panel and its words, which ticket-widget.js does not', () => {
    const chunk = inputsOf(CHUNK);
    expect(chunk).toContain(
      'src/ticket-widget/suggestions/suggestions-panel.ts',
    );
    expect(chunk).toContain('src/ticket-widget/i18n/suggestions-text.ts');
    const main = inputsOf('ticket-widget.js');
    expect(main.some((i) => i.includes('/suggestions/'))).toBe(false);
    expect(main.some((i) => i.includes('suggestions-text'))).toBe(false);
    expect(main).toContain('src/ticket-widget/suggestions-host.ts');
  });

  it('shares nothing with the main file: no Lit inside', () => {
    expect(inputsOf(CHUNK).some((i) => i.includes('node_modules'))).toBe(false);
  });

  it('is what the bundle check refuses in ticket-widget.js', () => {
    expect(() =>
      checkWidgetBundle(join(outdir, 'ticket-widget.js')),
    ).not.toThrow();
    const text = readFileSync(join(outdir, CHUNK), 'utf8');
    for (const m of SUGGESTIONS_MARKERS) expect(text).toContain(m);
    expect(() => checkWidgetBundle(join(outdir, CHUNK))).toThrow(
      /suggestions code/,
    );
    // Small enough to load while the requester types.
    expect(gzipSync(text).length).toBeLessThan(4_000);
  });
});
