/**
 * Defines `<ticket-console>`, the agents' console, once. Importing it
 * twice, or next to the standalone `ticket-console.js`, keeps the first
 * definition.
 *
 * @example
 * import '@ticketry/widget/console';
 * document.body.append(document.createElement('ticket-console'));
 *
 * @packageDocumentation
 */
import { TicketConsole } from './ticket-console/ticket-console.js';

if (!customElements.get('ticket-console')) {
  customElements.define('ticket-console', TicketConsole);
}

declare global {
  interface HTMLElementTagNameMap {
    'ticket-console': TicketConsole;
  }
}

export { TicketConsole };
