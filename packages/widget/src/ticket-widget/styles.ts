import { css } from 'lit';

/**
 * Styles of `<ticket-widget>`. `:host` resets every inherited property so
 * the host page cannot leak in; theming goes through the `--ticket-*`
 * custom properties (which `all: initial` leaves alone) and `::part`.
 */
export const styles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    max-width: var(--ticket-max-width, 40rem);
    padding: var(--ticket-padding, 1rem);
    font-family: var(--ticket-font-family, system-ui, sans-serif);
    font-size: var(--ticket-font-size, 1rem);
    line-height: 1.5;
    color: var(--ticket-color, #1f2328);
    background: var(--ticket-background, #ffffff);
    border: 1px solid var(--ticket-border-color, #d0d7de);
    border-radius: var(--ticket-radius, 0.5rem);
  }

  :host([hidden]) {
    display: none;
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
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
    line-height: 1.3;
  }

  h3 {
    font-size: 1rem;
  }

  p {
    margin: 0 0 0.75rem;
  }

  :focus-visible {
    outline: 3px solid var(--ticket-focus-color, #0969da);
    outline-offset: 2px;
  }

  h2:focus {
    outline: none;
  }

  nav {
    display: flex;
    gap: 0.5rem;
    margin-bottom: 1rem;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.875rem;
  }

  label {
    font-weight: 600;
  }

  .optional {
    font-weight: 400;
    color: var(--ticket-muted-color, #59636e);
  }

  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    width: 100%;
    padding: 0.5rem 0.625rem;
    background: var(--ticket-input-background, #ffffff);
    border: 1px solid var(--ticket-border-color, #d0d7de);
    border-radius: var(--ticket-radius, 0.5rem);
  }

  textarea {
    min-height: 7rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--ticket-error-color, #cf222e);
  }

  .error {
    margin: 0;
    color: var(--ticket-error-color, #cf222e);
    font-size: 0.875em;
  }

  .alert {
    padding: 0.625rem 0.75rem;
    margin-bottom: 1rem;
    color: var(--ticket-error-color, #cf222e);
    border: 1px solid currentColor;
    border-radius: var(--ticket-radius, 0.5rem);
  }

  button {
    font: inherit;
    cursor: pointer;
    padding: 0.5rem 1rem;
    color: var(--ticket-accent-color, #0969da);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--ticket-radius, 0.5rem);
  }

  button.primary {
    color: var(--ticket-accent-contrast, #ffffff);
    background: var(--ticket-accent-color, #0969da);
    border-color: var(--ticket-accent-color, #0969da);
  }

  button[aria-current='page'] {
    font-weight: 600;
    text-decoration: underline;
  }

  button:disabled {
    cursor: progress;
    opacity: 0.6;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  section > .actions:first-child {
    margin-bottom: 1rem;
  }

  .reference {
    font-size: 1.25em;
    font-weight: 700;
  }

  ul,
  ol {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
  }

  .tickets li + li,
  .conversation li + li {
    margin-top: 0.5rem;
  }

  .tickets button {
    width: 100%;
    text-align: start;
  }

  .status {
    font-weight: 600;
  }

  .message {
    padding: 0.5rem 0.75rem;
    border-left: 3px solid var(--ticket-border-color, #d0d7de);
  }

  .message.agent {
    border-left-color: var(--ticket-accent-color, #0969da);
  }

  .meta {
    display: block;
    font-size: 0.875em;
    color: var(--ticket-muted-color, #59636e);
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
`;
