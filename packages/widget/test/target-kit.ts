/**
 * Target sizes for the widget's browser tests: every control a pointer
 * can hit must offer at least 44 × 44 CSS px on every screen.
 */
import type { TicketWidget } from '../src/index.js';

/** The widget's goal, above WCAG 2.2 AA's 24 px (2.5.8) as 2.5.5 asks. */
export const MIN_TARGET = 44;

const CONTROLS = 'button, input, select, textarea, a[href], [tabindex="0"]';

const big = (box: DOMRect, min: number) =>
  box.width >= min && box.height >= min;

/**
 * The boxes a pointer can use for `control`: its own, and for a radio
 * button, checkbox or file input those of its labels too (a click on
 * the label works the control; the stars hide their radios that way).
 */
function boxes(control: HTMLElement): DOMRect[] {
  const own = [control.getBoundingClientRect()];
  if (!(control instanceof HTMLInputElement)) return own;
  const labels = [...(control.labels ?? [])];
  return [...own, ...labels.map((l) => l.getBoundingClientRect())];
}

/**
 * Every visible control in the widget whose targets are all smaller
 * than `min` × `min`, as `name width×height`. Links inside running text
 * (a message's body) are exempt, as WCAG's inline exception allows, and
 * so is what is hidden from everyone (the honeypot).
 */
export function smallTargets(el: TicketWidget, min = MIN_TARGET): string[] {
  const found = el.shadowRoot?.querySelectorAll<HTMLElement>(CONTROLS) ?? [];
  return [...found]
    .filter((c) => c.checkVisibility({ visibilityProperty: true }))
    .filter((c) => !c.closest('[aria-hidden="true"]'))
    .filter((c) => !(c instanceof HTMLAnchorElement && c.closest('.body')))
    .filter((c) => !boxes(c).some((box) => big(box, min)))
    .map((c) => {
      const box = c.getBoundingClientRect();
      const name = c.id || c.getAttribute('part') || c.textContent?.trim();
      return `${name} ${Math.round(box.width)}×${Math.round(box.height)}`;
    });
}
