/**
 * Helpers for the tracking browser tests: read the widget's text, take
 * a ticket to the screen, and run axe-core on it.
 */
import type { TicketWidget } from '../src/index.js';
import { $, fill, marker, requestsTo, waitFor } from './browser-kit.js';

/** The text of one element in the widget, spaces squeezed. */
export const text = (el: TicketWidget, selector: string) =>
  el.shadowRoot
    ?.querySelector(selector)
    ?.textContent?.replace(/\s+/g, ' ')
    .trim();

/** The id of the focused element inside the widget, if any. */
export const focusedId = (el: TicketWidget) =>
  el.shadowRoot?.activeElement?.id ?? null;

/** Submits a ticket through the widget's form; resolves to its id. */
export async function submitThrough(
  el: TicketWidget,
  email = 'lin@example.com',
): Promise<string> {
  fill(el, '#subject', `Tracking ${marker()}`);
  fill(el, '#description', 'The wiki times out from the office network.');
  fill(el, '#email', email);
  const submitted = new Promise<string>((resolve) =>
    el.addEventListener('ticket-submitted', (e) => resolve(e.detail.id), {
      once: true,
    }),
  );
  $(el, '[part~="submit-button"]').click();
  return submitted;
}

/** Submits a ticket, opens it, and waits for its stream. */
export async function submitAndOpen(
  el: TicketWidget,
  email?: string,
): Promise<string> {
  const id = await submitThrough(el, email);
  await el.updateComplete;
  $(el, '[part~="open-button"]').click();
  await waitFor(() => text(el, '[part="status"]'), 'the status');
  await waitFor(
    async () => (await requestsTo(`/${id}/stream`)).length,
    'the stream',
  );
  return id;
}

/** Waits until the status line reads `status`. */
export function statusIs(el: TicketWidget, status: string) {
  return waitFor(
    () => text(el, '[part="status"]') === `Status: ${status}`,
    `status ${status}`,
  );
}

export { expectNoViolations } from './axe-kit.js';
