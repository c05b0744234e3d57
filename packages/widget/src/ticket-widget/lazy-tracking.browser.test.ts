import { LitElement } from 'lit';
import {
  afterEach,
  describe,
  equal,
  it,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import type { Feedback } from './feedback.js';
import { en, type Localizer } from './i18n/index.js';
import { LazyTracking, type TrackingViews } from './lazy-tracking.js';
import type { StoredTicket } from './token-store.js';
import type { Tracking, TrackingOptions } from './tracking.js';

/** An element that shows what the stand-in renders. */
class LazyHost extends LitElement {
  tracking: LazyTracking | null = null;
  override render() {
    return this.tracking?.render() ?? null;
  }
}
customElements.define('lazy-tracking-host', LazyHost);

const entry: StoredTicket = { id: 't1', ref: 'T-1', token: 'tok' };
const hosts: LazyHost[] = [];

afterEach(() => {
  for (const host of hosts.splice(0)) host.remove();
});

/** A stand-in on a fresh host, its failures and back() counted. */
function setUp(importViews: () => Promise<TrackingViews>) {
  const host = document.createElement('lazy-tracking-host') as LazyHost;
  document.body.append(host);
  hosts.push(host);
  const failures: unknown[] = [];
  const feedback = {
    fail(error: unknown, show?: (message: string) => void) {
      failures.push(error);
      show?.('The chunk is missing');
      return 'The chunk is missing';
    },
    focus: async () => true,
  } as unknown as Feedback;
  const options = {
    i18n: { t: en } as Localizer,
    feedback,
    back: () => undefined,
  } as unknown as TrackingOptions;
  const lazy = new LazyTracking(host, options, importViews);
  host.tracking = lazy;
  return { host, lazy, failures };
}

/** A loaded part that records the tickets it opened. */
function fakeViews(opened: StoredTicket[]): TrackingViews {
  const part = {
    current: null as StoredTicket | null,
    open(e: StoredTicket) {
      opened.push(e);
      part.current = e;
    },
    render: () => null,
  };
  return { createTracking: () => part as unknown as Tracking };
}

const text = (host: LazyHost) => host.shadowRoot?.textContent ?? '';

describe('the tracking views as a lazy chunk', () => {
  it('shows the ticket loading, then hands it to the loaded part', async () => {
    const opened: StoredTicket[] = [];
    let arrive: (views: TrackingViews) => void = () => undefined;
    const { host, lazy } = setUp(
      () => new Promise<TrackingViews>((resolve) => (arrive = resolve)),
    );
    lazy.open(entry);
    await host.updateComplete;
    equal(lazy.current?.id, 't1', 'current while loading');
    ok(text(host).includes('T-1'), 'the reference shows');
    ok(text(host).includes(en.loading), 'loading shows');
    arrive(fakeViews(opened));
    await waitFor(() => opened.length, 'the loaded part opens it');
    equal(opened[0]?.id, 't1', 'opened');
  });

  it('says when the chunk cannot be fetched, and tries again', async () => {
    const opened: StoredTicket[] = [];
    let calls = 0;
    const { host, lazy, failures } = setUp(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return fakeViews(opened);
    });
    lazy.open(entry);
    await waitFor(() => failures.length, 'the failure is reported');
    await host.updateComplete;
    const alert = host.shadowRoot?.querySelector('[role="alert"]');
    equal(alert?.textContent, 'The chunk is missing', 'the alert');
    lazy.open(entry);
    await waitFor(() => opened.length, 'the second try opens it');
    equal(calls, 2, 'imports');
  });

  it('opens nothing that was left while its chunk was on the way', async () => {
    const opened: StoredTicket[] = [];
    let arrive: (views: TrackingViews) => void = () => undefined;
    const { lazy } = setUp(
      () => new Promise<TrackingViews>((resolve) => (arrive = resolve)),
    );
    lazy.open(entry);
    lazy.leave();
    equal(lazy.current, null, 'current after leave');
    arrive(fakeViews(opened));
    await lazy.load();
    equal(opened.length, 0, 'opened');
  });
});
