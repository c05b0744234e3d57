/**
 * Defines `<ticket-widget>` once. Importing it twice, or next to the
 * standalone `ticket-widget.js`, keeps the first definition instead of
 * throwing.
 *
 * @example
 * import '@ticketry/widget/define';
 *
 * @packageDocumentation
 */
import { TicketWidget } from './ticket-widget/ticket-widget.js';

if (!customElements.get('ticket-widget')) {
  customElements.define('ticket-widget', TicketWidget);
}

declare global {
  interface HTMLElementTagNameMap {
    'ticket-widget': TicketWidget;
  }
}

export { TicketWidget };
