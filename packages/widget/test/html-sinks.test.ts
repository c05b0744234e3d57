import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The widget renders ticket text as text: no shipped source file may
// parse a string as HTML or run a string as code. Comments may name the
// sinks. Tests are not shipped (the README test places trusted snippets
// of the README on its page).

const src = fileURLToPath(new URL('../src', import.meta.url));

/** APIs that turn a string into markup or code. */
const SINKS = [
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'setHTMLUnsafe',
  'parseHTMLUnsafe',
  'createContextualFragment',
  'DOMParser',
  'document.write',
  'srcdoc',
  'unsafeHTML',
  'unsafeSVG',
  'unsafeStatic',
  'eval(',
  'new Function',
  "setTimeout('",
  'setTimeout("',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const shipped = /\.(ts|js|mjs)$/.test(entry.name);
    return shipped && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Source without comments, so JSDoc may say "no innerHTML". */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** `file: sink` for each sink found in `text`. */
export function sinksIn(file: string, text: string): string[] {
  const body = code(text);
  return SINKS.filter((sink) => body.includes(sink)).map(
    (s) => `${file}: ${s}`,
  );
}

describe('the widget source', () => {
  it('finds a sink when one is there', () => {
    expect(sinksIn('a.ts', 'el.innerHTML = body;')).toEqual([
      'a.ts: innerHTML',
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test.
    expect(sinksIn('b.ts', 'html`${unsafeHTML(x)}`')).toEqual([
      'b.ts: unsafeHTML',
    ]);
    expect(sinksIn('c.ts', '/** never innerHTML */\n// nor eval(x)')).toEqual(
      [],
    );
  });

  it('uses no HTML or code sink in any shipped file', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      sinksIn(relative(src, file), readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
