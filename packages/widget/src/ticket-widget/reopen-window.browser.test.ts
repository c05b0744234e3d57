import {
  act,
  afterEach,
  describe,
  dropStreams,
  fault,
  it,
  match,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { statusIs, submitAndOpen, text } from '../../test/tracking-kit.js';
import '../define.js';

/**
 * Serves every ticket the widget reads with a reopen window that ends
 * `ms` from the first resolved one seen: the demo desk's window is days.
 */
function shortWindow(ms: number): () => void {
  const realFetch = window.fetch;
  let until: string | null = null;
  window.fetch = async (...args) => {
    const response = await realFetch(...args);
    if (!response.headers.get('content-type')?.includes('json')) {
      return response;
    }
    const body = await response.clone().json();
    const ticket = body?.ticket ?? body;
    if (ticket?.status !== 'resolved') return response;
    until ??= new Date(Date.now() + ms).toISOString();
    ticket.reopenUntil = until;
    return new Response(JSON.stringify(body), {
      status: response.status,
      headers: response.headers,
    });
  };
  return () => {
    window.fetch = realFetch;
  };
}

describe('<ticket-widget> when the reopen window ends on screen', () => {
  afterEach(() => unmountAll());

  it('takes reject and reply away and says so', async () => {
    const el = await mount({ 'poll-interval': '300' });
    const id = await submitAndOpen(el);
    // Polls only, so every read goes through the short window.
    await fault({ blockStreamOf: id, on: true });
    await dropStreams(id);
    const restore = shortWindow(2_000);
    try {
      await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
      await act(id, { type: 'resolve', code: 'fixed', note: 'Done.' });
      await statusIs(el, 'Resolved');
      const root = el.shadowRoot!;
      ok(root.querySelector('#reject-button'), 'reject offered in the window');
      ok(root.querySelector('#reply'), 'reply offered in the window');
      await waitFor(
        () => !root.querySelector('#reject-button'),
        'reject gone when the window ends',
      );
      ok(!root.querySelector('#reply'), 'no reply box either');
      match(text(el, '[part~="decision"]'), /can no longer be reopened/);
      match(text(el, '[role="status"]'), /can no longer be reopened/);
    } finally {
      restore();
      await fault({ blockStreamOf: id, on: false });
    }
  });
});
