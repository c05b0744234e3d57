/**
 * The panel's styles, in its own chunk: adopted into the widget's
 * shadow root as a constructed style sheet when the panel first shows
 * (allowed under `style-src 'self'`, like Lit's own sheets).
 */
const CSS = `
.assistant .log { list-style: none; margin: 0 0 0.75em; padding: 0; }
.assistant .log > li { margin: 0 0 0.6em; }
.assistant .who { display: block; font-weight: 600; font-size: 0.875em; color: var(--ticket-muted-color, #59636e); }
.assistant .said { display: block; margin: 0.1em 0 0; white-space: pre-line; overflow-wrap: anywhere; }
.assistant .you .said { font-style: italic; }
.assistant .choices { display: flex; flex-wrap: wrap; gap: 0.5em; margin-top: 0.4em; }
.assistant .choices button { min-height: 44px; }
.assistant .articles { margin: 0.3em 0 0; padding-inline-start: 1.2em; }
.assistant a { color: var(--ticket-accent-color, #0969da); }
.assistant form { display: grid; gap: 0.4em; }
.assistant textarea { min-height: 3em; }
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the panel's sheet to `root` once. */
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
