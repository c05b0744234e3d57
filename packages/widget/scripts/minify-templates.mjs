/**
 * An esbuild plugin that takes the indentation out of Lit's `html` and
 * `css` tagged templates in the widget's sources. esbuild minifies the
 * code around them but leaves the text of a template as written, and
 * the line breaks and leading spaces of 400 lines of markup and style
 * sheets are a few hundred bytes of gzip.
 *
 * Only what no browser renders differently goes: in the literal parts
 * of a template (never inside `${…}`), the spaces and tabs that follow
 * a line break, and in `css` the comments and the spaces and tabs
 * around `{ } ;` (a comma keeps its space: a `var()` fallback keeps it
 * in its value).
 * A line break stays a line break, so line numbers (and the source
 * map) stay right, and whitespace that HTML collapses is still there
 * to collapse.
 * The widget puts no literal text in `white-space: pre` elements (the
 * message bodies are interpolated), so no visible text changes.
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** The tags whose templates are markup or style sheets. */
const TAGS = new Set(['html', 'css']);

/** Replacements `[start, end, text]` for one template's literal parts. */
function edits(node, source, tag) {
  const parts = ts.isNoSubstitutionTemplateLiteral(node)
    ? [node]
    : [node.head, ...node.templateSpans.map((span) => span.literal)];
  return parts.map((part) => {
    // The part's text between its delimiters: ` or } to ` or ${.
    const start = part.getStart(source) + 1;
    const closing = ts.isTemplateHead(part) || ts.isTemplateMiddle(part);
    const end = part.getEnd() - (closing ? 2 : 1);
    let text = source.text.slice(start, end).replace(/\n[ \t]+/g, '\n');
    if (tag === 'css') {
      // A comment goes but its line breaks stay.
      text = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ''));
      text = text.replace(/[ \t]*([{};])[ \t]*/g, '$1');
    }
    return [start, end, text];
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
