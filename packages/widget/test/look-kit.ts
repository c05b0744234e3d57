/**
 * Helpers for the look-and-language browser tests: axe-core on the
 * widget, and a submission that reaches the confirmation.
 */
import type { TicketWidget } from '../src/index.js';
import { $, fill, marker } from './browser-kit.js';

export { expectNoViolations } from './axe-kit.js';

/** Fills the form validly, submits, and resolves with the new ticket's id. */
export async function submitTicket(el: TicketWidget): Promise<string> {
  fill(el, '#subject', `Printer jams ${marker()}`);
  fill(el, '#description', 'The third-floor printer jams on every job.');
  fill(el, '#email', 'aiko@example.com');
  const submitted = new Promise<string>((resolve) =>
    el.addEventListener('ticket-submitted', (e) => resolve(e.detail.id), {
      once: true,
    }),
  );
  $(el, '[part~="submit-button"]').click();
  const id = await submitted;
  await el.updateComplete;
  return id;
}
