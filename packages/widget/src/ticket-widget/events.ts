import type { PublicTicket } from '@ticketry/core/public';

/** Detail of `ticket-submitted`: the new ticket's id and reference. */
export interface TicketSubmittedDetail {
  id: string;
  ref: string;
}

/** Detail of `ticket-updated`: the ticket as the requester may see it. */
export type TicketUpdatedDetail = PublicTicket;

/** Detail of `ticket-error`: the stable code and the message shown. */
export interface TicketErrorDetail {
  code: string;
  message: string;
}

/** The DOM events `<ticket-widget>` fires, by name. */
export interface TicketWidgetEventMap {
  'ticket-submitted': CustomEvent<TicketSubmittedDetail>;
  'ticket-updated': CustomEvent<TicketUpdatedDetail>;
  'ticket-error': CustomEvent<TicketErrorDetail>;
}

declare global {
  interface HTMLElementEventMap extends TicketWidgetEventMap {}
}

/** Fires one of the widget's events; they bubble out of the shadow root. */
export function emit<K extends keyof TicketWidgetEventMap>(
  target: EventTarget,
  name: K,
  detail: TicketWidgetEventMap[K]['detail'],
): void {
  target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true }),
  );
}
