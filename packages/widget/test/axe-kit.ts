/**
 * axe-core for the widget's browser tests: one loader and one set of
 * rules (WCAG 2.0, 2.1 and 2.2, levels A and AA), so every test checks
 * the same thing. axe walks into the open shadow root of the element it
 * is given.
 */
import { equal, ok } from './browser-kit.js';

/**
 * axe-core 4.14 tags of the WCAG 2.2 AA success criteria: 2.0 A/AA,
 * 2.1 A/AA and 2.2 AA (`target-size`). 2.2 adds no A rule of its own.
 */
export const WCAG_22_AA = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
] as const;

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

/** axe-core's WCAG 2.2 A and AA findings for `el`, one line each. */
export async function axeFindings(el: Element): Promise<string> {
  const axe = await loadAxe();
  const { violations } = await axe.run(el, {
    runOnly: { type: 'tag', values: [...WCAG_22_AA] },
  });
  return violations
    .map(
      (v) =>
        `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    )
    .join('\n');
}

/** Fails with axe-core's WCAG 2.2 A/AA findings for the widget's screen. */
export async function expectNoViolations(
  el: Element,
  screen: string,
): Promise<void> {
  equal(await axeFindings(el), '', `axe violations on the ${screen}`);
}
