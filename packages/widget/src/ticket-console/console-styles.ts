import { css } from 'lit';

/**
 * Styles of `<ticket-console>`: the host resets inherited styles, and
 * theming goes through the same `--ticket-*` custom properties as the
 * requester widget. Colours keep 4.5:1 contrast on their background.
 */
export const consoleStyles = css`
  :host {
    all: initial;
    visibility: inherit;
    display: block;
    --_c-color: #1f2328;
    --_c-muted: #59636e;
    --_c-background: #ffffff;
    --_c-subtle: #f6f8fa;
    --_c-border: #818b98;
    --_c-accent: #0969da;
    --_c-on-accent: #ffffff;
    --_c-error: #cf222e;
    --_c-note: #fff8c5;
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    box-sizing: border-box;
    font-family: var(--ticket-font-family, system-ui, sans-serif);
    font-size: var(--ticket-font-size, 16px);
    line-height: 1.5;
    color: var(--ticket-color, var(--_c-color));
    background: var(--ticket-background, var(--_c-background));
    padding: 1em;
    min-height: 100%;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 0.5em;
    line-height: 1.3;
  }
  h1 {
    font-size: 1.25em;
  }
  h2 {
    font-size: 1.125em;
  }
  h3 {
    font-size: 1em;
  }
  h2:focus {
    outline: none;
  }
  :focus-visible {
    outline: 3px solid var(--ticket-focus-color, var(--_c-accent));
    outline-offset: 2px;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    border-block-end: 1px solid var(--_c-border);
    padding-block-end: 0.5em;
    margin-block-end: 1em;
  }
  header nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .me {
    margin-inline-start: auto;
    color: var(--_c-muted);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    min-height: 44px;
    min-width: 44px;
    border: 1px solid var(--_c-border);
    border-radius: 6px;
    background: var(--_c-background);
    padding: 0.35em 0.75em;
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    min-width: 24px;
    min-height: 24px;
    margin: 10px;
    padding: 0;
  }
  button {
    cursor: pointer;
  }
  button.primary,
  button[aria-current='page'],
  button[aria-pressed='true'] {
    background: var(--ticket-accent-color, var(--_c-accent));
    color: var(--_c-on-accent);
    border-color: transparent;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  label {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25em;
    margin-block-end: 0.75em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: end;
    margin-block-end: 0.75em;
  }
  .row .field {
    margin: 0;
  }
  .alert {
    color: var(--_c-error);
    font-weight: 600;
  }
  .notice {
    background: var(--_c-note);
    color: #1f2328;
    border: 1px solid #9a6700;
    border-radius: 6px;
    padding: 0.5em 0.75em;
  }
  .muted {
    color: var(--_c-muted);
  }
  .risk.high {
    color: var(--_c-error);
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.35em 0.5em;
    border-block-end: 1px solid var(--_c-border);
    vertical-align: top;
  }
  tr[aria-selected='true'] {
    background: var(--_c-subtle);
    outline: 2px solid var(--_c-accent);
    outline-offset: -2px;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    gap: 1.5em;
  }
  @media (max-width: 800px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  ol.conversation,
  ol.timeline {
    list-style: none;
    margin: 0 0 1em;
    padding: 0;
  }
  .conversation li {
    border: 1px solid var(--_c-border);
    border-radius: 6px;
    padding: 0.5em 0.75em;
    margin-block-end: 0.5em;
  }
  .conversation .body {
    white-space: pre-wrap;
    margin-block-start: 0.25em;
  }
  .conversation li.internal {
    background: var(--_c-note);
    color: #1f2328;
    border-style: dashed;
  }
  .timeline li {
    font-size: 0.875em;
    padding-block: 0.25em;
    border-block-end: 1px solid var(--_c-subtle);
  }
  .commands {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-end: 1em;
  }
  dialog {
    border: 1px solid var(--_c-border);
    border-radius: 8px;
    color: inherit;
    background: var(--_c-background);
    max-width: 32em;
  }
  kbd {
    font-family: ui-monospace, monospace;
    border: 1px solid var(--_c-border);
    border-radius: 4px;
    padding: 0 0.3em;
  }
  .sign-in {
    max-width: 24em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
