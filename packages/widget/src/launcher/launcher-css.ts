/**
 * What the floating button and its panel look like, shared by the tiny
 * launcher (`ticket-launcher.js`, no Lit) and the full widget in
 * launcher mode, so the button does not change when the full widget
 * takes over. Strings, not Lit's `CSSResult`: the launcher must not
 * pull in Lit.
 *
 * Sizes are in px, not rem: a host page with `html { font-size: 62.5% }`
 * must not shrink the button under 44 × 44.
 */

/** The tag both entries work on. */
export const TAG = 'ticket-widget';

/** A speech bubble, drawn on a 24 × 24 grid. */
export const BUBBLE_PATH =
  'M5 3h14a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3h-7.6L6 22v-4H5a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3z';

/** A cross, drawn on a 24 × 24 grid. */
export const CROSS_PATH =
  'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z';

/**
 * Joins a style sheet's template as written. Named `css` like Lit's tag
 * (which the tiny launcher must not import) so that the build minifies
 * it as it does the widget's other style sheets
 * (scripts/minify-templates.mjs).
 */
const css = String.raw;

/**
 * Rules for the button (`.launcher`), the panel (`.panel`) and the
 * panel's close button (`.close`). Colours come from the same
 * `--ticket-*` custom properties as the rest of the widget, else the
 * light or dark defaults (`--_ticket-*`) of whichever host styles hold
 * the sheet: the full widget's or {@link STUB_HOST_CSS}. Written out
 * with no `${…}`, so the sheet repeats the full widget's own text.
 */
export const LAUNCHER_CSS = css`
  .launcher,
  .close {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    margin: 0;
    padding: 0;
    border-radius: 50%;
    cursor: pointer;
  }
  .launcher,
  .panel {
    position: fixed;
    inset-block-end: var(--ticket-launcher-offset, 16px);
    inset-inline-end: var(--ticket-launcher-offset, 16px);
    z-index: var(--ticket-launcher-z-index, 2147483000);
  }
  .launcher {
    inline-size: 56px;
    block-size: 56px;
    color: var(--ticket-accent-contrast, var(--_ticket-on-accent));
    background: var(--ticket-accent-color, var(--_ticket-accent));
    border: 2px solid transparent;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.3);
  }
  .launcher svg,
  .close svg {
    inline-size: 28px;
    block-size: 28px;
    fill: currentColor;
  }
  /* In the order of the widget's .root, whose text gzip then finds again. */
  .panel {
    inset-block-end: calc(var(--ticket-launcher-offset, 16px) + 68px);
    box-sizing: border-box;
    inline-size: min(var(--ticket-panel-width, 400px), 100vw - 2 * var(--ticket-launcher-offset, 16px));
    /* Above the button (56 px and a 12 px gap), and as far from the top
       as the offset keeps it from the bottom. */
    max-block-size: calc(100vh - 2 * var(--ticket-launcher-offset, 16px) - 68px);
    overflow: auto;
    padding: 0 var(--ticket-padding, 16px) var(--ticket-padding, 16px);
    font-family: var(--ticket-font-family, system-ui, sans-serif);
    font-size: var(--ticket-font-size, 16px);
    line-height: 1.5;
    color: var(--ticket-color, var(--_ticket-color));
    background: var(--ticket-background, var(--_ticket-background));
    border: 1px solid var(--ticket-border-color, var(--_ticket-border));
    border-radius: var(--ticket-radius, 8px);
    color-scheme: var(--_ticket-scheme);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.25);
  }
  .panel:focus {
    outline: none;
  }
  /* Without --ticket-focus-color, a ring takes the page's accent colour,
     as the button does. */
  .launcher:focus-visible,
  .close:focus-visible,
  .panel:focus-visible {
    outline: 3px solid
      var(--ticket-focus-color, var(--ticket-accent-color, var(--_ticket-accent)));
  }
  .launcher:focus-visible,
  .close:focus-visible {
    outline-offset: 3px;
  }
  /* The close button sits 8px in from the panel's corner, so its focus
     ring (3px, 3px off) stays inside the panel, which clips overflow. */
  .bar {
    display: flex;
    justify-content: flex-end;
    margin-inline-end: calc(8px - var(--ticket-padding, 16px));
    padding-block-start: 8px;
  }
  /* Set in full: the tiny launcher's panel keeps its size when the full
     widget's styles take over, so nothing shifts. */
  .loading {
    margin: 0;
    padding-block: 8px 16px;
  }
  .close {
    inline-size: 44px;
    block-size: 44px;
    color: inherit;
    background: transparent;
    border: 0;
  }
`;

/**
 * The full widget's light and dark defaults (see its styles), so the
 * tiny launcher's button and panel look as the full widget's will, and
 * are already dark when the page is.
 */
const LIGHT = `
  --_ticket-color: #1f2328;
  --_ticket-background: #ffffff;
  --_ticket-border: #818b98;
  --_ticket-accent: #0969da;
  --_ticket-on-accent: #ffffff;
  --_ticket-scheme: light;
`;
const DARK = `
  --_ticket-color: #e6edf3;
  --_ticket-background: #0d1117;
  --_ticket-border: #656c76;
  --_ticket-accent: #4493f8;
  --_ticket-on-accent: #0d1117;
  --_ticket-scheme: dark;
`;

/**
 * The tiny launcher's host: nothing in the page's flow; light, or dark
 * like the full widget when the page prefers it or `theme="dark"` says
 * so. Left untagged, like {@link LIGHT} and {@link DARK}: the full
 * widget does not use it, and the build drops a plain string it does
 * not use but not a tagged template.
 */
export const STUB_HOST_CSS = `
:host {
  all: initial;
  display: block;${LIGHT}}
@media (prefers-color-scheme: dark) {
  :host(:not([theme='light'])) {${DARK}}
}
:host([theme='dark']) {${DARK}}
`;
