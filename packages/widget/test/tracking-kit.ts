/**
 * Helpers for the tracking browser tests: read the widget's text, take
 * a ticket to the screen, and run axe-core on it.
 */
import type { TicketWidget } from '../src/index.js';
import {
  $,
  equal,
  fill,
  marker,
  ok,
  requestsTo,
  waitFor,
} from './browser-kit.js';

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

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

type Axe = { run(context: Element, options: object): Promise<AxeResult> };

async function loadAxe(): Promise<Axe> {
  const existing = (window as { axe?: Axe }).axe;
  if (existing) return existing;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  const axe = (window as { axe?: Axe }).axe;
  ok(axe, 'axe-core loaded');
  return axe;
}

/** Fails with axe-core's WCAG 2.x A/AA findings for the widget's screen. */
export async function expectNoViolations(el: TicketWidget, screen: string) {
  const axe = await loadAxe();
  const { violations } = await axe.run(el, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'],
    },
  });
  const found = violations.map(
    (v) =>
      `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
  );
  equal(found.join('\n'), '', `axe violations on the ${screen}`);
}
