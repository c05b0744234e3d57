import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundles, buildBundles } from './bundle-build.js';
// @ts-expect-error: a plain .mjs helper without types
import { checkWidgetBundle, SUGGESTIONS_MARKERS } from './dist-group.mjs';

const CHUNK = 'ticket-widget-suggestions-panel.js';
const ARTICLE = 'ticket-widget-article-view.js';
let built: BuiltBundles;

beforeAll(() => {
  built = buildBundles('ticketry-suggestions-');
}, 60_000);

const inputsOf = (file: string) => built.inputsOf(file);

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

  it('leaves the article view to a chunk of its own, loaded on opening', () => {
    const article = inputsOf(ARTICLE);
    expect(article).toContain('src/ticket-widget/suggestions/article-view.ts');
    expect(article).toContain(
      'src/ticket-widget/suggestions/article-blocks.ts',
    );
    expect(article).toContain('src/ticket-widget/i18n/article-text.ts');
    expect(article.some((i) => i.includes('node_modules'))).toBe(false);
    for (const file of [CHUNK, 'ticket-widget.js']) {
      expect(
        inputsOf(file).some((i) => /article-(view|blocks|text)/.test(i)),
      ).toBe(false);
    }
    const text = readFileSync(join(built.outdir, ARTICLE), 'utf8');
    expect(gzipSync(text).length).toBeLessThan(3_000);
  });

  it('is what the bundle check refuses in ticket-widget.js', () => {
    expect(() =>
      checkWidgetBundle(join(built.outdir, 'ticket-widget.js')),
    ).not.toThrow();
    const text = readFileSync(join(built.outdir, CHUNK), 'utf8');
    for (const m of SUGGESTIONS_MARKERS) expect(text).toContain(m);
    expect(() => checkWidgetBundle(join(built.outdir, CHUNK))).toThrow(
      /suggestions code/,
    );
    // Small enough to load while the requester types.
    expect(gzipSync(text).length).toBeLessThan(4_000);
  });
});
