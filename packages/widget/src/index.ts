/**
 * `<ticket-widget>`: the requester's side of a Ticketry help desk. This
 * entry exports the class and its types without defining the tag; import
 * `@ticketry/widget/define` (or load `ticket-widget.js`) to define it.
 *
 * @example
 * import { TicketWidget } from '@ticketry/widget';
 * customElements.define('acme-help', class extends TicketWidget {});
 *
 * @packageDocumentation
 */
export {
  type ApiIssue,
  createTicketApi,
  type SubmitResult,
  type TicketApi,
  type TicketApiOptions,
  WidgetError,
  type WidgetErrorOptions,
} from './ticket-widget/api.js';
export type {
  TicketErrorDetail,
  TicketSubmittedDetail,
  TicketUpdatedDetail,
  TicketWidgetEventMap,
} from './ticket-widget/events.js';
export {
  DEFAULT_CATEGORIES,
  PENDING_LABELS,
  STATUS_LABELS,
} from './ticket-widget/labels.js';
export type { WidgetMode } from './ticket-widget/launcher.js';
export { TicketWidget } from './ticket-widget/ticket-widget.js';
export {
  createTokenStore,
  type StoredTicket,
  type TokenStore,
} from './ticket-widget/token-store.js';
