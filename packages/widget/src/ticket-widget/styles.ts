import { css } from 'lit';

/**
 * Styles of `<ticket-widget>`.
 *
 * Isolation: `:host` and the `.root` wrapper reset every inherited
 * property (`all: initial`), so neither inherited page styles nor page
 * rules that match the element itself (`* { … }`) reach inside; sizes
 * are in `px` and `em` of the widget's own base size, never `rem`, so
 * a page's root font size does not leak in either.
 *
 * Theming goes through the `--ticket-*` custom properties (which `all`
 * leaves alone) and `::part`. The private `--_ticket-*` properties hold
 * the light or dark defaults: dark follows `prefers-color-scheme` unless
 * the `theme` attribute says `light` or `dark`.
 */
export const styles = css`
  :host {
    all: initial;
    /* A hidden ancestor still hides the widget. */
    visibility: inherit;
    display: block;
    --_ticket-color: #1f2328;
    --_ticket-muted: #59636e;
    --_ticket-background: #ffffff;
    --_ticket-input: #ffffff;
    --_ticket-border: #818b98;
    --_ticket-accent: #0969da;
    --_ticket-on-accent: #ffffff;
    --_ticket-error: #cf222e;
    --_ticket-scheme: light;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_ticket-color: #e6edf3;
      --_ticket-muted: #9198a1;
      --_ticket-background: #0d1117;
      --_ticket-input: #151b23;
      --_ticket-border: #656c76;
      --_ticket-accent: #4493f8;
      --_ticket-on-accent: #0d1117;
      --_ticket-error: #f85149;
      --_ticket-scheme: dark;
    }
  }

  :host([theme='dark']) {
    --_ticket-color: #e6edf3;
    --_ticket-muted: #9198a1;
    --_ticket-background: #0d1117;
    --_ticket-input: #151b23;
    --_ticket-border: #656c76;
    --_ticket-accent: #4493f8;
    --_ticket-on-accent: #0d1117;
    --_ticket-error: #f85149;
    --_ticket-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  .root {
    all: initial;
    visibility: inherit;
    display: block;
    box-sizing: border-box;
    max-width: var(--ticket-max-width, 640px);
    padding: var(--ticket-padding, 1em);
    font-family: var(--ticket-font-family, system-ui, sans-serif);
    font-size: var(--ticket-font-size, 16px);
    line-height: 1.5;
    color: var(--ticket-color, var(--_ticket-color));
    background: var(--ticket-background, var(--_ticket-background));
    border: 1px solid var(--ticket-border-color, var(--_ticket-border));
    border-radius: var(--ticket-radius, 8px);
    color-scheme: var(--_ticket-scheme);
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [hidden] {
    display: none !important;
  }

  h2,
  h3 {
    margin: 0 0 0.75em;
    font-size: 1.125em;
    line-height: 1.3;
  }

  h3 {
    font-size: 1em;
  }

  p {
    margin: 0 0 0.75em;
  }

  :focus-visible {
    outline: 3px solid var(--ticket-focus-color, var(--_ticket-accent));
    outline-offset: 2px;
  }

  h2:focus,
  h3:focus {
    outline: none;
  }

  /* Links in ticket text and file links: the theme's accent, visited or
     not, so they keep their contrast in light and dark. */
  a:any-link {
    color: var(--ticket-accent-color, var(--_ticket-accent));
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .field {
    display: grid;
    gap: 0.25em;
    margin-block-end: 0.875em;
  }

  label {
    font-weight: 600;
  }

  .optional,
  .hint {
    font-weight: 400;
    color: var(--ticket-muted-color, var(--_ticket-muted));
  }

  /* The field's grid spaces its hint like its label and error. */
  .field > .hint {
    margin: 0;
  }

  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 44px;
    margin: 0;
    padding: 0.5em 0.625em;
    background: var(--ticket-input-background, var(--_ticket-input));
    border: 1px solid var(--ticket-border-color, var(--_ticket-border));
    border-radius: var(--ticket-radius, 8px);
  }

  input[type='checkbox'],
  input[type='radio'] {
    width: 24px;
    min-height: 24px;
    height: 24px;
    accent-color: var(--ticket-accent-color, var(--_ticket-accent));
  }

  textarea {
    min-height: 7em;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--ticket-error-color, var(--_ticket-error));
  }

  .error {
    margin: 0;
    color: var(--ticket-error-color, var(--_ticket-error));
    font-size: 0.875em;
  }

  .alert {
    padding: 0.625em 0.75em;
    border: 1px solid currentColor;
    border-radius: var(--ticket-radius, 8px);
    margin-block-end: 1em;
    color: var(--ticket-error-color, var(--_ticket-error));
  }

  button {
    font: inherit;
    cursor: pointer;
    min-width: 44px;
    min-height: 44px;
    margin: 0;
    padding: 0.5em 1em;
    color: var(--ticket-accent-color, var(--_ticket-accent));
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--ticket-radius, 8px);
    transition: box-shadow 0.15s ease-out;
  }

  button:hover:not(:disabled) {
    box-shadow: inset 0 0 0 1px currentColor;
  }

  button.primary {
    color: var(--ticket-accent-contrast, var(--_ticket-on-accent));
    background: var(--ticket-accent-color, var(--_ticket-accent));
    border-color: var(--ticket-accent-color, var(--_ticket-accent));
  }

  button[aria-current='page'] {
    font-weight: 600;
    text-decoration: underline;
  }

  button:disabled {
    cursor: progress;
    opacity: 0.6;
  }

  nav,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  nav,
  section > .actions:first-child {
    margin-block-end: 1em;
  }

  .reference {
    font-size: 1.25em;
    font-weight: 700;
  }

  ul,
  ol {
    list-style: none;
    margin: 0 0 1em;
    padding: 0;
  }

  .tickets li + li,
  .conversation li + li {
    margin-block-start: 0.5em;
  }

  .tickets button {
    width: 100%;
    text-align: start;
  }

  .status {
    font-weight: 600;
  }

  .message {
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid
      var(--ticket-border-color, var(--_ticket-border));
  }

  .message.agent {
    border-inline-start-color: var(--ticket-accent-color, var(--_ticket-accent));
  }

  .meta {
    display: block;
    font-size: 0.875em;
    color: var(--ticket-muted-color, var(--_ticket-muted));
  }

  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
