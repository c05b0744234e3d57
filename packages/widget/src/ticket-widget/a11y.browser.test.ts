import { a11ySnapshot } from '@web/test-runner-commands';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  fill,
  it,
  marker,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

declare global {
  interface Window {
    axe?: { run(context: Element, options: object): Promise<AxeResult> };
  }
}

async function loadAxe() {
  if (window.axe) return window.axe;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  ok(window.axe, 'axe-core loaded');
  return window.axe;
}

/** Fails with axe-core's findings for the widget's current screen. */
async function expectNoViolations(el: TicketWidget, screen: string) {
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

/** Every control in Chromium's accessibility tree, with its role and name. */
async function controls(): Promise<AxNode[]> {
  const tree = (await a11ySnapshot({})) as unknown as AxNode;
  const found: AxNode[] = [];
  const walk = (node: AxNode) => {
    if (['textbox', 'combobox', 'button'].includes(node.role)) found.push(node);
    node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

describe('<ticket-widget> accessibility', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('gives every input, select and button an accessible name', async () => {
    await mount();
    const found = await controls();
    const names = found.map((n) => `${n.role}:${n.name ?? ''}`);
    for (const expected of [
      'textbox:Subject',
      'textbox:Description',
      'combobox:Category (optional)',
      'textbox:Your email',
      'textbox:Your name (optional)',
      'button:Submit request',
    ]) {
      ok(names.includes(expected), `${expected} not in ${names.join(', ')}`);
    }
    for (const node of found) ok(node.name?.trim(), `${node.role} has no name`);
  });

  it('passes axe-core on every screen', async () => {
    const el = await mount();
    await expectNoViolations(el, 'empty form');

    $(el, '[part~="submit-button"]').click();
    await waitFor(
      () => el.shadowRoot?.querySelector('#subject-error'),
      'errors',
    );
    await expectNoViolations(el, 'form with errors');

    fill(el, '#subject', `Screen flickers ${marker()}`);
    fill(el, '#description', 'The external screen flickers every minute.');
    fill(el, '#email', 'mo@example.com');
    $(el, '[part~="submit-button"]').click();
    await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]'),
      'ref',
    );
    await expectNoViolations(el, 'confirmation');

    $(el, '[part~="open-button"]').click();
    await waitFor(
      () => el.shadowRoot?.querySelector('[part="status"]'),
      'status',
    );
    await expectNoViolations(el, 'ticket view');

    $(el, '[part~="back-button"]').click();
    await waitFor(() => el.shadowRoot?.querySelector('[part="list"]'), 'list');
    await expectNoViolations(el, 'list');
  });

  it('keeps host page styles out of the shadow root', async () => {
    const style = document.createElement('style');
    style.textContent =
      'body { font-family: serif; color: rgb(255, 0, 0); } input { color: red }';
    document.head.append(style);
    try {
      const el = await mount();
      const label = $(el, 'label');
      const base = $(el, '[part~="base"]');
      equal(getComputedStyle(base).fontFamily, 'system-ui, sans-serif', 'font');
      ok(
        getComputedStyle(label).color !== 'rgb(255, 0, 0)',
        'label colour leaked',
      );
      el.style.setProperty('--ticket-color', 'rgb(0, 128, 0)');
      equal(getComputedStyle(label).color, 'rgb(0, 128, 0)', 'custom property');
    } finally {
      style.remove();
    }
  });
});
