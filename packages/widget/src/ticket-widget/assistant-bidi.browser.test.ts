import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  it,
  mount,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';

// Direction overrides in what the requester wrote stay inside their
// words in the assistant's log: their messages are set in <bdi>, and
// so are their words where a reply quotes them. The server's answer is
// given here, as its confirmation quotes the first line of the problem.

/** Right-to-left override: reverses what follows until the isolate ends. */
const OVERRIDE = '\u202e';
const PROBLEM = `printer ${OVERRIDE}on floor 2`;
const AFTER = 'This conversation goes with it.';

function answerHere(): () => void {
  const real = window.fetch;
  window.fetch = (input, init) => {
    if (!String(input).endsWith('/assistant/messages')) {
      return real(input, init);
    }
    const text = `Shall I open a ticket about “${PROBLEM}”? ${AFTER}`;
    const choices = [{ label: 'Open the ticket', value: 'yes' }];
    return Promise.resolve(
      Response.json({
        conversationId: 'c'.repeat(24),
        replies: [{ type: 'choices', text, choices }],
      }),
    );
  };
  return () => {
    window.fetch = real;
  };
}

/** The box of `word` inside the text nodes of `root`. */
function boxOf(root: Element, word: string): DOMRect {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.textContent?.indexOf(word) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + word.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`no "${word}" in the reply`);
}

describe('<ticket-widget assistant> text in another direction', () => {
  let restore = () => {};
  beforeEach(() => {
    localStorage.clear();
    restore = answerHere();
  });
  afterEach(() => {
    restore();
    unmountAll();
  });

  it('keeps an override in the requester’s words from reversing the reply', async () => {
    const el = await mount({ assistant: '' });
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>(
      'nav button',
    )[2]!.click();
    const input = await waitFor(
      () =>
        el.shadowRoot!.querySelector<HTMLTextAreaElement>('#assistant-input'),
      'the assistant panel',
    );
    input.focus();
    input.value = PROBLEM;
    await sendKeys({ press: 'Enter' });
    const reply = await waitFor(
      () => el.shadowRoot!.querySelector('.log > li.bot:last-child .said'),
      'the reply',
    );
    // The reply's own words read left to right, in order.
    const self = boxOf(reply, 'This');
    const later = boxOf(reply, 'goes');
    ok(
      self.left < later.left,
      `"This" (${self.left}) before "goes" (${later.left})`,
    );
    const quoted = reply.querySelector('bdi');
    equal(quoted?.textContent, PROBLEM, 'the quoted words isolated');
    // The requester's own message, isolated as written.
    const mine = $(el, '.log > li.you bdi');
    equal(mine.textContent, PROBLEM, 'their message in a <bdi>');
  });
});
