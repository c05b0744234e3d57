import {
  $,
  afterEach,
  beforeEach,
  describe,
  endpoint,
  equal,
  fill,
  identityToken,
  it,
  marker,
  match,
  mount,
  ok,
  requestsWith,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { outboxEntries } from '../../test/form-kit.js';
import { submitThrough, text } from '../../test/tracking-kit.js';
import '../define.js';

/** The page's own fetch, kept while a test plays offline. */
const realFetch = window.fetch.bind(window);
const TOKENS = `ticketry:tickets:${endpoint}`;

/** The offline queue's entries for `endpoint`, read straight from IndexedDB. */
async function queued(): Promise<number> {
  return (await outboxEntries()).filter((e) => e.endpoint === endpoint).length;
}

const value = (
  el: HTMLElement & { shadowRoot: ShadowRoot | null },
  id: string,
) => el.shadowRoot?.querySelector<HTMLInputElement>(`#${id}`)?.value;

describe('<ticket-widget> signOut()', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    window.fetch = realFetch;
    unmountAll();
  });

  it('removes the tokens, the offline queue, the draft and the identity from this browser', async () => {
    const lin = `lin.${marker()}@example.com`;
    const el = await mount({ 'poll-interval': '60000' });
    await submitThrough(el, lin);
    await el.updateComplete;
    ok(localStorage.getItem(TOKENS), 'a token was stored');

    // A request saved offline, waiting to be sent.
    $(el, '[part~="new-button"]').click();
    await el.updateComplete;
    const tag = marker();
    fill(el, '#subject', `Badge reader dead ${tag}`);
    fill(el, '#description', `The badge reader at door B is dark. ${tag}`);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    $(el, '[part~="submit-button"]').click();
    await waitFor(() => text(el, '#form-notice'), 'the offline notice');
    equal(await queued(), 1, 'queued');
    window.fetch = realFetch;

    equal(value(el, 'email'), lin, 'email kept after the submission');

    // Signed in (the form shows the identity, not the kept address),
    // with a prefilled and half-typed draft.
    await el.identify(await identityToken(lin, { name: 'Lin' }));
    el.prefill({ name: 'Lin Host', fields: { asset: 'PC-1' } });
    fill(el, '#subject', 'Half a sentence about the');
    await el.updateComplete;
    match(text(el, '[part="requester"]'), new RegExp(`Lin \\(${lin}\\)`));

    await el.signOut();
    await el.updateComplete;

    equal(localStorage.getItem(TOKENS), null, 'stored tokens');
    equal(await queued(), 0, 'offline queue');
    for (const id of ['subject', 'description', 'email', 'name']) {
      equal(value(el, id), '', `#${id}`);
    }
    match(text(el, 'nav'), /My requests \(0\)/);
    equal(
      el.shadowRoot?.querySelector('[part~="identity-note"]') ?? null,
      null,
      'identity note',
    );

    // What waited is never sent, not even when the browser is back online.
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 300));
    // Only submissions count: typing may have asked for suggestions.
    const sent = (await requestsWith(tag)).filter((r) =>
      r.path.endsWith('/tickets'),
    );
    equal(sent.length, 0, 'requests sent for the queued');

    // The widget keeps working for whoever comes next.
    await submitThrough(el, `next.${marker()}@example.com`);
    ok(localStorage.getItem(TOKENS), 'a new token');
  });

  it('does nothing harmful when nothing is stored', async () => {
    const el = await mount();
    await el.signOut();
    equal(localStorage.getItem(TOKENS), null, 'tokens');
    equal(await queued(), 0, 'queue');
    match(text(el, 'nav'), /My requests \(0\)/);
  });
});
