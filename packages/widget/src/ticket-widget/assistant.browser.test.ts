import { sendKeys } from '@web/test-runner-commands';
import { expectNoViolations } from '../../test/axe-kit.js';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  it,
  match,
  mount,
  ok,
  requestsTo,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

// The assistant against the real HTTP handler of the test backend: its
// chunk loads only when opened, replies render as text, links only for
// http and https, and the ticket it opens lands under My requests.

const slow = (test: unknown) =>
  (test as { timeout(ms: number): void }).timeout(30_000);

const chunkLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((e) => /assistant-panel/.test(new URL(e.name).pathname));

function navButton(el: TicketWidget, index: number): HTMLButtonElement {
  const buttons =
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button');
  return buttons[index]!;
}

async function openAssistant(el: TicketWidget) {
  navButton(el, 2).click();
  return waitFor(
    () => el.shadowRoot?.querySelector<HTMLTextAreaElement>('#assistant-input'),
    'the assistant panel',
  );
}

async function say(el: TicketWidget, text: string) {
  const before = el.shadowRoot!.querySelectorAll('.log > li').length;
  const input = $<HTMLTextAreaElement>(el, '#assistant-input');
  input.focus();
  input.value = text;
  await sendKeys({ press: 'Enter' });
  await waitFor(
    () =>
      el.shadowRoot!.querySelectorAll('.log > li.bot').length > 0 &&
      el.shadowRoot!.querySelectorAll('.log > li').length > before + 1 &&
      !el.shadowRoot!.querySelector('.assistant .meta'),
    `an answer to "${text}"`,
  );
}

const lastBot = (el: TicketWidget) =>
  [...el.shadowRoot!.querySelectorAll('.log > li.bot')].at(-1)!;

describe('<ticket-widget assistant>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('offers no assistant without the attribute and loads none', async () => {
    const el = await mount();
    equal(
      el.shadowRoot!.querySelectorAll('nav button').length,
      2,
      'nav buttons',
    );
  });

  it('loads its chunk on open and answers a routine request with a safe link', async function () {
    slow(this);
    const el = await mount({ assistant: '' });
    const build = (window as { TICKETRY_BUILD?: string }).TICKETRY_BUILD;
    if (build === 'dist') equal(chunkLoaded(), false, 'chunk before opening');
    await openAssistant(el);
    if (build === 'dist') equal(chunkLoaded(), true, 'chunk after opening');
    equal(navButton(el, 2).textContent?.trim(), 'Assistant', 'nav label');
    ok(document.activeElement === el, 'focus stays in the widget');
    await say(el, 'I forgot my password');
    const link =
      lastBot(el).previousElementSibling?.querySelector('a') ??
      el.shadowRoot!.querySelector<HTMLAnchorElement>(
        'a[part="assistant-link"]',
      );
    ok(link, 'a link');
    equal(link.getAttribute('href'), 'https://id.example.com/reset', 'href');
    equal(link.getAttribute('rel'), 'noopener noreferrer', 'rel');
    const choices = lastBot(el).querySelectorAll('.choices button');
    equal(choices.length, 2, 'yes and no');
    await expectNoViolations(el, 'assistant with a link and choices');
    const live = el.shadowRoot!.querySelector('[role="status"][aria-live]');
    match(live?.textContent ?? '', /reset your password/i);
    const calls = await requestsTo('/assistant/messages');
    ok(calls.length >= 1, 'the server was asked');
  });

  it('speaks the page language, right to left in Arabic, with no axe findings', async function () {
    slow(this);
    const el = await mount({ assistant: '', locale: 'ar', theme: 'dark' });
    equal(navButton(el, 2).textContent?.trim(), 'المساعد', 'nav label');
    await openAssistant(el);
    match($(el, '#assistant-heading').textContent ?? '', /اسأل المساعد/);
    equal($(el, '.root').getAttribute('dir'), 'rtl', 'direction');
    await say(el, 'quizzical wombats juggle');
    // The server answers in the widget's language (recognition is
    // English-trained; words it cannot place, and no article matches,
    // bring its menu).
    match(lastBot(el).textContent ?? '', /لست متأكدًا من أنني فهمت/);
    match(lastBot(el).textContent ?? '', /التحدث إلى موظف/);
    const sent = (await requestsTo('/assistant/messages')).at(-1);
    equal(JSON.parse(sent?.body ?? '{}').locale, 'ar', 'locale sent');
    await expectNoViolations(el, 'assistant in Arabic, dark');
  });

  it('renders markup in a message as text, never as HTML', async function () {
    slow(this);
    const el = await mount({ assistant: '' });
    await openAssistant(el);
    await say(el, '<img src=x onerror="window.__pwned=1"> printer broken');
    const mine = [...el.shadowRoot!.querySelectorAll('.log > li.you')].at(-1)!;
    match(mine.textContent ?? '', /<img src=x/);
    equal(el.shadowRoot!.querySelectorAll('.log img').length, 0, 'no img');
    equal((window as { __pwned?: number }).__pwned, undefined, 'no script ran');
  });

  it('hands over by keyboard and files the ticket under My requests', async function () {
    slow(this);
    const el = await mount({ assistant: '' });
    await openAssistant(el);
    await say(el, 'the beamer in room 2 shows only blue');
    const person = [
      ...lastBot(el).querySelectorAll<HTMLButtonElement>('.choices button'),
    ].at(-1)!;
    person.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      // The wording of servers before and after "Anything to add".
      () => /Anything to add/.test(lastBot(el).textContent ?? ''),
      'the first question',
    );
    await say(el, 'Since Monday, after the firmware update.');
    await say(el, 'kim@example.com');
    match(lastBot(el).textContent ?? '', /open a ticket/i);
    const open =
      lastBot(el).querySelector<HTMLButtonElement>('.choices button')!;
    open.click();
    await waitFor(
      () => /opened ticket/i.test(lastBot(el).textContent ?? ''),
      'the ticket',
    );
    await expectNoViolations(el, 'assistant after a handover');
    navButton(el, 1).click();
    await waitFor(
      () => el.shadowRoot!.querySelector('[part~="ticket-button"]'),
      'My requests',
    );
    match(navButton(el, 1).textContent ?? '', /\(1\)/);
  });
});
