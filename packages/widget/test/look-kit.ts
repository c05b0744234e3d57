/**
 * Helpers for the look-and-language browser tests: axe-core on the
 * widget, and a submission that reaches the confirmation.
 */
import type { TicketWidget } from '../src/index.js';
import { $, equal, fill, marker, ok } from './browser-kit.js';

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

type Axe = { run(context: Element, options: object): Promise<AxeResult> };

async function loadAxe(): Promise<Axe> {
  const page = window as unknown as { axe?: Axe };
  if (page.axe) return page.axe;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  ok(page.axe, 'axe-core loaded');
  return page.axe;
}

/** Fails with axe-core's WCAG 2.1 AA findings on the widget as it is. */
export async function expectNoViolations(
  el: TicketWidget,
  screen: string,
): Promise<void> {
  const axe = await loadAxe();
  const { violations } = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
  });
  const found = violations.map(
    (v) =>
      `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
  );
  equal(found.join('\n'), '', `axe violations on the ${screen}`);
}

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
