import { html } from 'lit';
import type { TicketConsole } from './ticket-console.js';

/** The keyboard shortcuts, as the help dialog and the README list them. */
export const SHORTCUTS: readonly [key: string, what: string][] = [
  ['j', 'Next ticket in the queue'],
  ['k', 'Previous ticket in the queue'],
  ['Enter', 'Open the ticket under the cursor'],
  ['x', 'Tick or untick the ticket under the cursor'],
  ['r', 'Reply to the open ticket'],
  ['n', 'Add an internal note'],
  ['a', 'Assign the open ticket'],
  ['g', 'Back to the queue'],
  ['?', 'Show this help'],
  ['Escape', 'Close this help or a form'],
];

function close(host: TicketConsole) {
  host.help = false;
}

/** The shortcuts dialog, modal, focused on open, closed by Escape. */
export function renderHelp(host: TicketConsole) {
  return html`<dialog
    aria-labelledby="help-heading"
    @close=${() => close(host)}
    @cancel=${() => close(host)}
  >
    <h2 id="help-heading">Keyboard shortcuts</h2>
    <p>They work anywhere in the console except while typing in a field.</p>
    <table>
      <caption class="visually-hidden">Keys and what they do</caption>
      <thead>
        <tr><th scope="col">Key</th><th scope="col">Action</th></tr>
      </thead>
      <tbody>
        ${SHORTCUTS.map(
          ([key, what]) =>
            html`<tr><td><kbd>${key}</kbd></td><td>${what}</td></tr>`,
        )}
      </tbody>
    </table>
    <form method="dialog"><button class="primary">Close</button></form>
  </dialog>`;
}
