/**
 * `ticket-widget.js`, the script-tag bundle's entry: defines
 * `<ticket-widget>` as `./define.js` does, but a task after the script
 * has run, so that running the script and upgrading the elements already
 * in the page are two shorter tasks instead of one long one (Total
 * Blocking Time, bench/widget.ts). A module that imports the bundle
 * finds the tag defined: its evaluation waits for the definition.
 *
 * @packageDocumentation
 */
import { TicketWidget } from './ticket-widget/ticket-widget.js';

await new Promise((resolve) => setTimeout(resolve));
if (!customElements.get('ticket-widget')) {
  customElements.define('ticket-widget', TicketWidget);
}

export { TicketWidget };
