import {
  afterEach,
  describe,
  endpoint,
  equal,
  it,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import {
  fileTicket,
  mountConsole,
  q,
  signIn,
  unmountConsoles,
} from '../../test/console-kit.js';
import type { TicketConsole } from './ticket-console.js';

afterEach(unmountConsoles);

/** Files a ticket whose description alone holds `word`. */
async function fileNeedle(word: string) {
  const response = await fetch(`${endpoint}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: 'Laptop will not wake',
      description: `The screen stays dark; the sticker says ${word}.`,
      requester: { email: 'grace@example.com', name: 'Grace' },
    }),
  });
  ok(response.status === 201, `submit answered ${response.status}`);
  return (await response.json()).ticket as { id: string; ref: string };
}

/** Types `text` into the search box one character at a time. */
function typeSearch(el: TicketConsole, text: string) {
  const box = q<HTMLInputElement>(el, '#q');
  for (let i = 1; i <= text.length; i++) {
    box.value = text.slice(0, i);
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

describe('<ticket-console> search', () => {
  it('asks the server and finds tickets beyond the loaded page', async () => {
    const word = `Zebra${Date.now().toString(36)}`;
    const needle = await fileNeedle(word);
    // 101 newer tickets push the needle off the queue's first 100.
    for (let batch = 0; batch < 101; batch += 20) {
      const size = Math.min(20, 101 - batch);
      await Promise.all(
        Array.from({ length: size }, (_, i) =>
          fileTicket(`Search filler ${word.slice(-4)} ${batch + i}`),
        ),
      );
    }
    const el = await mountConsole();
    await signIn(el);
    q(el, 'nav[aria-label=Queues] button:nth-child(5)').click();
    await waitFor(() => el.queue === 'all' && !el.busy, 'the all queue');
    await waitFor(() => el.shown.length === 100, 'a full first page');
    ok(!el.shown.some((t) => t.id === needle.id), 'needle beyond page one');

    const calls: string[] = [];
    const list = el.api.list.bind(el.api);
    el.api.list = (query, signal) => {
      calls.push(query.q ?? '');
      return list(query, signal);
    };
    typeSearch(el, word.toLowerCase());
    await waitFor(
      () => el.shown.length === 1 && el.shown[0]?.id === needle.id,
      'only the needle',
    );
    equal(calls.join(','), word.toLowerCase(), 'one debounced search');
    const refs = [...el.shadowRoot!.querySelectorAll('button.open')].map((b) =>
      b.textContent?.trim(),
    );
    equal(refs.join(','), needle.ref, 'rows shown');

    typeSearch(el, ' ');
    await waitFor(() => el.shown.length === 100, 'the queue again');
  });
});
