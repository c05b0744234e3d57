/**
 * The suggestions' styles, in their chunk: adopted into the widget's
 * shadow root as a constructed style sheet when they first show.
 */
const CSS = `
.suggestions { border: 1px solid var(--ticket-border-color, #818b98); border-radius: var(--ticket-radius, 8px); padding: 0.75em; margin: 0 0 1em; }
.suggestions h3 { font-size: 1em; margin: 0 0 0.3em; }
.suggestions h4 { font-size: 1em; margin: 0; }
.suggestions p { margin: 0.2em 0 0.4em; overflow-wrap: anywhere; }
.suggestions ul { list-style: none; margin: 0 0 0.5em; padding: 0; }
.suggestions li { margin: 0 0 0.75em; }
.suggestions button { min-height: 44px; min-width: 44px; margin-inline-end: 0.5em; }
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the suggestions' sheet to `root` once. */
export function adoptStyles(root: ShadowRoot | null): void {
  if (!root) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
