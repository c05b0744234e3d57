import { a11ySnapshot, emulateMedia } from '@web/test-runner-commands';
import {
  afterEach,
  beforeEach,
  describe,
  equal,
  it,
  mount,
  ok,
  unmountAll,
} from '../../test/browser-kit.js';
import {
  Audit,
  formStates,
  LOOKS,
  launcherStates,
} from '../../test/state-tour.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

// Every visual state of the widget, in light, dark and right-to-left
// Arabic: zero axe-core findings for WCAG 2.2 A/AA and no target under
// 44 × 44 px. The same file runs against the sources and, in the `dist`
// group, against dist/ticket-widget.js.

/** Flows that go through many screens get more than mocha's 10 s. */
const slow = (test: unknown) =>
  (test as { timeout(ms: number): void }).timeout(40_000);

describe('<ticket-widget> accessibility in every state', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('runs against the build its group names', () => {
    const build =
      (window as { TICKETRY_BUILD?: string }).TICKETRY_BUILD ?? 'source';
    const paths = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname);
    const bundle = paths.some((p) => p.endsWith('/dist/ticket-widget.js'));
    const source = paths.some((p) => p.endsWith('/src/define.ts'));
    equal(bundle, build === 'dist', 'the bundle loaded');
    equal(source, build === 'source', 'the sources loaded');
  });

  for (const look of LOOKS) {
    it(`passes axe and 44 px targets in launcher mode, ${look.name}`, async function () {
      slow(this);
      const audit = new Audit(look.name);
      await launcherStates(look, audit);
      audit.expect([
        'closed',
        'open',
        'validation errors',
        'submitting',
        'submitted',
        'list',
        'detail',
        'detail with errors',
        'offline',
      ]);
    });

    it(`passes axe and 44 px targets with custom fields and files, ${look.name}`, async function () {
      slow(this);
      const audit = new Audit(look.name);
      await formStates(look, audit);
      audit.expect([
        'custom fields',
        'custom field errors',
        'detail with attachments',
      ]);
    });
  }
});

/** Elements of the widget that animate or transition, by part or tag. */
function moving(el: TicketWidget): string[] {
  const all = el.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [];
  return [...all]
    .filter((node) => {
      const style = getComputedStyle(node);
      const times = style.transitionDuration.split(',').map(Number.parseFloat);
      return style.animationName !== 'none' || times.some((t) => t > 0);
    })
    .map((node) => node.getAttribute('part') ?? node.localName);
}

describe('<ticket-widget> with reduced motion', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    unmountAll();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('moves nothing in launcher mode, opening and open, when asked', async () => {
    const el = await mount({ mode: 'launcher' });
    await el.open();
    ok(moving(el).length > 0, 'the buttons transition by default');
    await el.close();
    await emulateMedia({ reducedMotion: 'reduce' });
    const opening = el.open();
    await el.updateComplete;
    equal(el.shadowRoot?.getAnimations().length, 0, 'animations on opening');
    await opening;
    equal(moving(el).join(', '), '', 'what still moves');
    equal(el.shadowRoot?.getAnimations().length, 0, 'animations when open');
  });
});

interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
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

describe('<ticket-widget> accessible names', () => {
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
});
