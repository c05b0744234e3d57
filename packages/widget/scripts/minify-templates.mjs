/**
 * An esbuild plugin that tightens Lit's `html` and `css` tagged
 * templates in the widget's sources. esbuild minifies the code around
 * them but leaves the text of a template as written, and the line
 * breaks, indentation and comments of 400 lines of markup and style
 * sheets are a few hundred bytes of gzip.
 *
 * `html`: in the literal parts of a template (never inside `${…}`),
 * the spaces and tabs that follow a line break go. A line break stays,
 * so whitespace that HTML collapses is still there to collapse. The
 * widget puts no literal text in `white-space: pre` elements (the
 * message bodies are interpolated), so no visible text changes.
 *
 * `css`: esbuild's own CSS minifier rewrites the style sheet (comments
 * and spaces out, `0.5em` as `.5em`, `#ffffff` as `#fff`, longhands
 * merged), with no target, so nothing is lowered or left out for older
 * browsers, and with colours kept exact (see {@link CSS_OPTIONS}). Each
 * `${…}` stands in the sheet as a `var()` placeholder while esbuild
 * reads it, so it must sit where a value goes (all the widget's do). A
 * sheet esbuild warns about, or whose placeholders do not come back one
 * each and in order, is only tightened as `html` is, plus its comments
 * and the spaces around `{ } ;`.
 *
 * Every line break stays (a minified part's just after it, outside the
 * template), so line numbers and the source map stay right.
 */
import { readFile } from 'node:fs/promises';
import { transformSync } from 'esbuild';
import ts from 'typescript';

/** The tags whose templates are markup or style sheets. */
const TAGS = new Set(['html', 'css']);

/**
 * esbuild's CSS options: no target (nothing lowered), UTF-8 text as
 * written (an escape would be a backslash in a template), and no
 * `#rrggbbaa`, which would round an alpha of 0.3 to 77/255.
 */
const CSS_OPTIONS = {
  loader: 'css',
  minify: true,
  charset: 'utf8',
  supported: { 'hex-rgba': false },
  logLevel: 'silent',
};

/** What stands for the `i`th `${…}` of a style sheet while it is minified. */
const hole = (i) => `var(--ticketry-hole-${i})`;
// Not global: split() takes every one anyway, and test() keeps no state.
const HOLE = /var\(--ticketry-hole-(\d+)\)/;

/**
 * Spaces esbuild keeps, to be safe, that these sheets can do without:
 * after a custom property's colon (its value is trimmed anyway), and
 * after the commas of an ordinary property's value, `var()` fallbacks
 * included, where they mean nothing (unless in a string).
 */
function tidy(code) {
  return code
    .replace(/([{;])(--[\w-]+): /g, '$1$2:')
    .replace(/([{;][a-z][a-z-]*:)([^;{}]*)/g, (all, name, value) =>
      /["']/.test(value) ? all : name + value.replace(/, /g, ','),
    );
}

/** Text a template literal cannot hold as it is. */
const UNSAFE = /[\\`]|\$\{/;

const lines = (text) => text.split('\n').length - 1;

/** The literal parts of a template: its text between the `${…}`. */
function literalParts(node) {
  return ts.isNoSubstitutionTemplateLiteral(node)
    ? [node]
    : [node.head, ...node.templateSpans.map((span) => span.literal)];
}

/** The indentation of a part taken out; in `css`, comments and spaces too. */
function tighten(text, tag) {
  let out = text.replace(/\n[ \t]+/g, '\n');
  if (tag === 'css') {
    // A comment goes but its line breaks stay.
    out = out.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ''));
    // A comma keeps its space: a `var()` fallback keeps it in its value.
    out = out.replace(/[ \t]*([{};])[ \t]*/g, '$1');
  }
  return out;
}

/**
 * A style sheet's literal parts minified by esbuild; `null` when
 * esbuild cannot be trusted with it (see the file's comment).
 */
function minifyCssParts(texts) {
  if (texts.some((text) => UNSAFE.test(text) || HOLE.test(text))) return null;
  const sheet = texts.map((text, i) => (i ? hole(i - 1) : '') + text).join('');
  let result;
  try {
    result = transformSync(sheet, CSS_OPTIONS);
  } catch {
    return null;
  }
  if (result.warnings.length || UNSAFE.test(result.code)) return null;
  // split() with a group: text, index, text, index, …, text.
  const pieces = tidy(result.code.trim()).split(HOLE);
  const indexes = pieces.filter((_, i) => i % 2 === 1).map(Number);
  if (indexes.length !== texts.length - 1) return null;
  if (indexes.some((index, i) => index !== i)) return null;
  const minified = pieces.filter((_, i) => i % 2 === 0);
  return minified.some((piece) => piece.includes('\n')) ? null : minified;
}

/**
 * Replacements `[start, end, text]` for one template's literal parts.
 * A minified style sheet's lost line breaks go just after the `${` or
 * closing backtick that ends each part, where they are the script's
 * whitespace, which esbuild drops, rather than the sheet's.
 */
function edits(node, source, tag) {
  const spans = literalParts(node).map((part) => {
    // The part's text between its delimiters: ` or } to ` or ${.
    const start = part.getStart(source) + 1;
    const closing = ts.isTemplateHead(part) || ts.isTemplateMiddle(part);
    const end = part.getEnd() - (closing ? 2 : 1);
    return { start, end, text: source.text.slice(start, end), closing };
  });
  const css = tag === 'css' ? minifyCssParts(spans.map((s) => s.text)) : null;
  return spans.map(({ start, end, text, closing }, i) => {
    if (!css) return [start, end, tighten(text, tag)];
    const delimiter = closing ? '${' : '`';
    const breaks = '\n'.repeat(lines(text));
    return [start, end + delimiter.length, css[i] + delimiter + breaks];
  });
}

/** The source with its `html` and `css` templates tightened. */
export function tightenTemplates(path, text) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest);
  const all = [];
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      TAGS.has(node.tag.text)
    ) {
      all.push(...edits(node.template, source, node.tag.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = text;
  for (const [start, end, replacement] of all.sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, start) + replacement + out.slice(end);
  }
  return out;
}

/** The plugin, for the widget's own TypeScript sources. */
export function minifyTemplates() {
  return {
    name: 'ticketry-minify-templates',
    setup(build) {
      build.onLoad({ filter: /\/widget\/src\/.*\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        return { contents: tightenTemplates(args.path, text), loader: 'ts' };
      });
    },
  };
}
