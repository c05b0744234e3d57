/**
 * The article view's styles, in the article chunk: adopted into the
 * widget's shadow root next to the suggestions' sheet when an article
 * first opens. Lists, code and tables wrap rather than scroll.
 */
const CSS = `
.article-body { margin: 0.5em 0; overflow-wrap: anywhere; }
.article-body ul, .article-body ol { list-style: revert; margin: 0.3em 0; padding-inline-start: 1.5em; }
.article-body li { margin: 0; }
.article-body h4, .article-body h5, .article-body h6 { font-size: 1em; margin: 0.8em 0 0.2em; }
.article-body pre { white-space: pre-wrap; margin: 0.4em 0; }
.article-body code { font-family: ui-monospace, monospace; background: color-mix(in srgb, currentColor 8%, transparent); }
.article-body blockquote { margin: 0.4em 0; padding-inline-start: 0.75em; border-inline-start: 3px solid var(--ticket-border-color, #818b98); }
.article-body table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.article-body th, .article-body td { border: 1px solid var(--ticket-border-color, #818b98); padding: 0.2em 0.4em; text-align: start; vertical-align: top; }
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the article view's sheet to `root` once. */
export function adoptArticleStyles(root: ShadowRoot | null): void {
  if (!root) return;
  sheet ??= new CSSStyleSheet();
  if (!sheet.cssRules.length) sheet.replaceSync(CSS);
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
