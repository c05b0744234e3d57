/**
 * Runs in the page (Playwright serialises it, so it uses nothing from
 * outside): the layout faults of a `<ticket-widget>` as it shows now.
 * A fault is an element that sticks out of the widget's box at the
 * sides, text cut off by its own box, or a direction other than `dir`.
 * Form controls scroll their own text and are not counted; neither is
 * what is hidden on purpose (the live region, radios under the stars).
 */
export function layoutProblems(widget: Element, dir: string): string[] {
  const root = widget.shadowRoot;
  const base = root?.querySelector<HTMLElement>('[part~="base"]');
  if (!root || !base) return ['no widget content'];
  const problems: string[] = [];
  if (getComputedStyle(base).direction !== dir) {
    problems.push(`direction ${getComputedStyle(base).direction}`);
  }
  const box = base.getBoundingClientRect();
  const name = (n: Element) =>
    `${n.localName}${n.id ? `#${n.id}` : ''}${n.getAttribute('part') ? `[${n.getAttribute('part')}]` : ''}`;
  for (const node of base.querySelectorAll<HTMLElement>('*')) {
    if (node.closest('.visually-hidden, .star-input, [hidden]')) continue;
    const rect = node.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) {
      problems.push(`${name(node)} sticks out of the widget`);
    }
    if (node.matches('input, textarea, select')) continue;
    const style = getComputedStyle(node);
    const clips =
      style.overflowX !== 'visible' || style.textOverflow !== 'clip';
    if (clips && node.scrollWidth > node.clientWidth + 1) {
      problems.push(`${name(node)} cuts its content off`);
    }
  }
  return problems;
}
