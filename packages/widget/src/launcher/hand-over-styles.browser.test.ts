import {
  describe,
  endpoint,
  equal,
  it,
  waitFor,
} from '../../test/browser-kit.js';
import { installLauncher } from './install.js';

// A page of its own: the tag is defined once per page. Regression: the
// full widget used to drop the tiny launcher's style sheet when it took
// over, and launcher mode's own came a render later, so the button and
// panel fell into the page's flow for a frame or two and jumped back.

const shifts: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    shifts.push((entry as unknown as { value: number }).value);
  }
}).observe({ type: 'layout-shift', buffered: true });

installLauncher({ load: () => import('../define.js') });

type Openable = HTMLElement & { open(): void };

describe('the tiny launcher hands over', () => {
  it('keeps its button and panel floating in every frame, nothing shifts', async () => {
    const el = document.createElement('ticket-widget') as Openable;
    el.setAttribute('mode', 'launcher');
    el.setAttribute('endpoint', endpoint);
    document.body.append(el);
    await waitFor(() => typeof el.open === 'function', 'the stub');
    const inFlow = new Set<string>();
    let watching = true;
    const watch = () => {
      for (const node of el.shadowRoot?.querySelectorAll('.launcher, .panel') ??
        []) {
        const { position } = getComputedStyle(node);
        if (position !== 'fixed') inFlow.add(`${node.className}: ${position}`);
      }
      if (watching) requestAnimationFrame(watch);
    };
    watch();

    el.open();
    await waitFor(() => el.shadowRoot?.querySelector('.panel form'), 'form');
    await new Promise((resolve) => setTimeout(resolve, 300));
    watching = false;
    equal([...inFlow].join(', '), '', 'in the page flow at some frame');
    equal(shifts.join(', '), '', 'layout shifts');
    el.remove();
  });
});
