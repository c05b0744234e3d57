import { html, render } from 'lit';
import { expectNoViolations } from '../../test/axe-kit.js';
import {
  afterEach,
  describe,
  equal,
  it,
  match,
} from '../../test/browser-kit.js';
import { consoleStyles } from './console-styles.js';
import type { SlaExplanation } from './console-types.js';
import { renderSla } from './sla-view.js';

const HOUR = 3_600_000;

/** An explanation as `GET /tickets/:id/sla` answers it, mid-way. */
const explanation: SlaExplanation = {
  ticketId: 't1',
  ref: 'T-1',
  at: '2024-03-04T12:00:00.000Z',
  policy: { id: 'standard', version: 3, name: 'Standard' },
  calendar: { id: 'berlin', name: 'Berlin office', timeZone: 'Europe/Berlin' },
  priority: 'moderate',
  paused: false,
  escalationLevel: 0,
  timers: [],
  clocks: [
    {
      target: 'firstResponse',
      cycle: 0,
      state: 'missed',
      targetMs: 4 * HOUR,
      elapsedMs: 5 * HOUR,
      remainingMs: 0,
      overdueMs: HOUR,
      startedAt: '2024-03-04T07:00:00.000Z',
      dueAt: '2024-03-04T11:00:00.000Z',
      stoppedAt: null,
      breachedAt: '2024-03-04T11:00:00.000Z',
      truncated: false,
      timeline: [
        {
          type: 'working',
          from: '2024-03-04T08:00:00.000Z',
          to: '2024-03-04T12:00:00.000Z',
          localFrom: '09:00',
          localTo: '13:00',
          ms: 4 * HOUR,
          calendarId: 'berlin',
          future: false,
        },
      ],
    },
    {
      target: 'resolution',
      cycle: 0,
      state: 'running',
      targetMs: 16 * HOUR,
      elapsedMs: 5 * HOUR,
      remainingMs: 11 * HOUR,
      overdueMs: 0,
      startedAt: '2024-03-04T07:00:00.000Z',
      dueAt: '2024-03-05T15:00:00.000Z',
      stoppedAt: null,
      breachedAt: null,
      truncated: false,
      timeline: [],
    },
  ],
};

const hosts: HTMLElement[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.remove();
});

/** Renders a view in a shadow root with the console's styles. */
function mount(view: unknown): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [consoleStyles.styleSheet!];
  render(html`<div class="root">${view}</div>`, root);
  return root;
}

describe('the SLA clocks of a ticket', () => {
  it('shows each clock with its time used, left and overdue', async () => {
    const root = mount(renderSla(explanation));
    const items = [...root.querySelectorAll('section > ul > li')];
    equal(items.length, 2, 'clocks');
    match(
      items[0]!.textContent,
      /firstResponse\s*: missed; used 5\.0 h,\s*left 0\.0 h, overdue 1\.0 h/,
    );
    match(
      items[1]!.textContent,
      /resolution\s*: running; used 5\.0 h,\s*left 11\.0 h/,
    );
    match(root.querySelector('h3')?.textContent, /SLA: Standard/);
    equal(root.querySelectorAll('details ol li').length, 1, 'timeline entries');
    await expectNoViolations(root.host, 'SLA clocks');
  });

  it('says so when the ticket runs under no SLA', () => {
    const root = mount(renderSla(null));
    match(root.textContent, /runs under no SLA/);
  });
});
