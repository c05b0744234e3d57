import { sendKeys } from '@web/test-runner-commands';
import { expectNoViolations } from '../../test/axe-kit.js';
import {
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
import type { TicketWidget } from '../index.js';
import { ASSISTANT_TEXT } from './i18n/assistant-text.js';

// A conversation the server takes no more messages in (422
// CONVERSATION_TOO_LONG): the widget says so in its language, keeps the
// unsent message in the box rather than in the log, and offers a start
// over. The first message goes to the real server; the refusal is
// given here, as the server gives it after its 60th message.

const slow = (test: unknown) =>
  (test as { timeout(ms: number): void }).timeout(30_000);

const MARK = 'one message too many';

function refuseMarked(): () => void {
  const real = window.fetch;
  window.fetch = (input, init) => {
    const url = String(input);
    if (
      !url.endsWith('/assistant/messages') ||
      !String(init?.body).includes(MARK)
    ) {
      return real(input, init);
    }
    const error = { code: 'CONVERSATION_TOO_LONG', message: 'too long' };
    return Promise.resolve(Response.json({ error }, { status: 422 }));
  };
  return () => {
    window.fetch = real;
  };
}

const root = (el: TicketWidget) => el.shadowRoot!;
const log = (el: TicketWidget) =>
  root(el).querySelector('.log')?.textContent ?? '';

async function send(el: TicketWidget, text: string) {
  const input =
    root(el).querySelector<HTMLTextAreaElement>('#assistant-input')!;
  input.focus();
  input.value = text;
  await sendKeys({ press: 'Enter' });
}

describe('<ticket-widget assistant> a conversation too long', () => {
  let restore = () => {};
  beforeEach(() => {
    localStorage.clear();
    restore = refuseMarked();
  });
  afterEach(() => {
    restore();
    unmountAll();
  });

  for (const lang of ['en', 'de', 'ar'] as const) {
    it(`says so in ${lang}, keeps the message unsent, and starts over`, async function () {
      slow(this);
      const el = await mount({ assistant: '', locale: lang });
      root(el).querySelectorAll<HTMLButtonElement>('nav button')[2]!.click();
      await waitFor(() => root(el).querySelector('#assistant-input'), 'panel');
      await send(el, 'when are you open');
      await waitFor(
        () => root(el).querySelector('.log > li.bot:nth-child(3)'),
        'an answer',
      );
      const unsent = `${MARK}: the printer still jams`;
      await send(el, unsent);
      const alert = await waitFor(
        () => root(el).querySelector('.assistant [role="alert"]'),
        'the alert',
      );
      equal(alert.textContent, ASSISTANT_TEXT[lang].tooLong, 'the message');
      ok(!log(el).includes(unsent), 'not in the log as if sent');
      const input =
        root(el).querySelector<HTMLTextAreaElement>('#assistant-input')!;
      equal(input.value, unsent, 'kept in the box');
      const restart = root(el).querySelector<HTMLButtonElement>(
        '[part~="assistant-restart"]',
      )!;
      await waitFor(
        () => root(el).activeElement === restart,
        'focus on start over',
      );
      await expectNoViolations(el, `too long, ${lang}`);
      restart.click();
      await el.updateComplete;
      equal(
        root(el).querySelectorAll('.log > li').length,
        1,
        'the greeting only',
      );
      equal(
        root(el).querySelector('.assistant [role="alert"]'),
        null,
        'no alert',
      );
      equal(input.value, unsent, 'still in the box');
    });
  }
});
