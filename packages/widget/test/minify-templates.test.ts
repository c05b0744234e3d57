// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are TypeScript sources holding templates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tightenTemplates } from '../scripts/minify-templates.mjs';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** The sources the bundle of the widget and the launcher reads. */
const sources = (readdirSync(src, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.ts') && !name.includes('.test.'))
  .filter((name) => !name.startsWith('ticket-console'))
  .map((name) => [name, readFileSync(join(src, name), 'utf8')] as const);

const TEMPLATE_PARTS = new Set([
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/** The tag of the template a literal part belongs to, if any. */
function tagOf(node: ts.Node): string | null {
  let at: ts.Node | undefined = node.parent;
  while (at && !ts.isTaggedTemplateExpression(at)) {
    if (!ts.isTemplateExpression(at) && !ts.isTemplateSpan(at)) return null;
    at = at.parent;
  }
  return at && ts.isIdentifier(at.tag) ? at.tag.text : null;
}

/**
 * Every token of a source, with the literal text of `html` and `css`
 * templates left out: what must not change.
 */
function tokens(text: string): string[] {
  const file = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const walk = (node: ts.Node) => {
    const kids = node.getChildren(file);
    if (kids.length) return kids.forEach(walk);
    const literal = TEMPLATE_PARTS.has(node.kind);
    const tag = literal ? tagOf(node) : null;
    const skip = tag === 'html' || tag === 'css';
    out.push(skip ? `template ${node.kind}` : node.getText(file));
  };
  walk(file);
  return out;
}

/** The literal parts of every `css` template of a source. */
function cssParts(text: string): string[] {
  const file = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const walk = (node: ts.Node) => {
    const kids = node.getChildren(file);
    if (kids.length) return kids.forEach(walk);
    if (TEMPLATE_PARTS.has(node.kind) && tagOf(node) === 'css') {
      out.push(node.getText(file));
    }
  };
  walk(file);
  return out;
}

describe('the template minifier of the bundle', () => {
  it('takes the indentation out of html templates and minifies css ones', () => {
    const input = [
      'const a = html`',
      '  <p class="x">',
      '    ${name}',
      '  </p>`;',
      'const b = css`',
      '  /* Why red:',
      '     a comment. */',
      '  .x {',
      '    color: red;',
      '    margin: 0 0 0.75em;',
      '  }',
      '`;',
    ].join('\n');
    expect(tightenTemplates('a.ts', input)).toBe(
      [
        'const a = html`',
        '<p class="x">',
        '${name}',
        '</p>`;',
        'const b = css`.x{color:red;margin:0 0 .75em}`',
        '',
        '',
        '',
        '',
        '',
        '',
        ';',
      ].join('\n'),
    );
  });

  it('puts each ${…} of a style sheet back where it stood, on its line', () => {
    const input = [
      'const b = css`',
      '  .a {',
      '    color: ${c};',
      '    inset-block-end: calc(${m} + 68px);',
      '  }',
      '`;',
    ].join('\n');
    expect(tightenTemplates('a.ts', input)).toBe(
      [
        'const b = css`.a{color:${',
        '',
        'c};inset-block-end:calc(${',
        'm} + 68px)}`',
        '',
        ';',
      ].join('\n'),
    );
  });

  it('keeps colours exact, var() fallbacks, :host(), ::part and @media', () => {
    const input = `const b = css\`
      :host([theme='dark']) .x::part(base),
      .y::before {
        --_c: #0d1117;
        color: var(--ticket-color, var(--_c));
        font: 1em var(--f, system-ui, sans-serif);
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.3);
        background: light-dark(#ffffff, #000000);
      }
      @media (prefers-color-scheme: dark) {
        :host(:not([theme='light'])) {
          --_c: #e6edf3;
        }
      }
    \`;`;
    const [sheet] = cssParts(tightenTemplates('a.ts', input));
    expect(sheet).toBe(
      '`:host([theme="dark"]) .x::part(base),.y:before{--_c:#0d1117;' +
        'color:var(--ticket-color,var(--_c));' +
        'font:1em var(--f,system-ui,sans-serif);' +
        'box-shadow:0 4px 12px rgba(0,0,0,.3);' +
        'background:light-dark(#ffffff,#000000)}' +
        '@media(prefers-color-scheme:dark){' +
        ':host(:not([theme="light"])){--_c:#e6edf3}}`',
    );
  });

  it('only tightens a sheet esbuild cannot take whole', () => {
    const input = [
      'const a = css`',
      '  .a-${x} {',
      '    color: red;',
      '  }`;',
      'const b = css`',
      "  .b::before { content: '\\2014'; }`;",
      'const c = css`',
      '  .c { color: red;`;',
    ].join('\n');
    expect(tightenTemplates('a.ts', input)).toBe(
      [
        'const a = css`',
        '.a-${x}{',
        'color: red;',
        '}`;',
        'const b = css`',
        ".b::before{content: '\\2014';}`;",
        'const c = css`',
        '.c{color: red;`;',
      ].join('\n'),
    );
  });

  it('leaves other strings, untagged templates and code alone', () => {
    const input = [
      "const s = 'a\\n    b';",
      'const t = `',
      '    kept`;',
      'const u = other`',
      '    kept`;',
      'const v = html`<b>${cond ? html`',
      '    <i>${x}</i>` : `',
      '    untouched`}</b>`;',
    ].join('\n');
    const out = tightenTemplates('a.ts', input).split('\n');
    expect(out.slice(0, 5)).toEqual(input.split('\n').slice(0, 5));
    expect(out[6]).toBe('<i>${x}</i>` : `');
    expect(out[7]).toBe('    untouched`}</b>`;');
  });

  for (const [name, text] of sources) {
    it(`keeps the lines and the code of ${name}`, () => {
      const out = tightenTemplates(name, text);
      expect(out.split('\n').length).toBe(text.split('\n').length);
      expect(tokens(out)).toEqual(tokens(text));
    });
  }

  const sheets = sources.filter(([, text]) => cssParts(text).length);
  for (const [name, text] of sheets) {
    it(`minifies every style sheet of ${name}, not only tightens it`, () => {
      const parts = cssParts(tightenTemplates(name, text));
      expect(parts.filter((part) => part.includes('\n'))).toEqual([]);
    });
  }
});
