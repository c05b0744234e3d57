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
  AGENT_EMAIL,
  CONSOLE_PASSWORD,
  q,
  signIn,
} from '../../test/console-kit.js';
import type { TicketConsole } from './ticket-console.js';

const readme = fetch('/packages/widget/README.md').then((r) => r.text());

/** The README's section on the console. */
async function section(): Promise<string> {
  const text = await readme;
  const start = text.indexOf("## Agents' console");
  ok(start >= 0, 'the section');
  return text.slice(start, text.indexOf('\n## ', start + 3));
}

const title = document.title;
afterEach(() => {
  document.title = title;
  for (const el of document.querySelectorAll('ticket-console')) el.remove();
});

describe("README of @ticketry/widget: Agents' console", () => {
  it('runs the npm example as written, against the test API', async () => {
    const [example] = [...(await section()).matchAll(/```ts\n([\s\S]*?)```/g)];
    ok(example?.[1], 'a ts example');
    const source = `${location.origin}/packages/widget/src/console.ts`;
    const code = example[1]
      .replace("'@ticketry/widget/console'", `'${source}'`)
      .replace('https://help.example.com/api/v1', endpoint)
      .replace('(event as CustomEvent)', 'event');
    const url = URL.createObjectURL(
      new Blob([code], { type: 'text/javascript' }),
    );
    await import(/* @vite-ignore */ url);
    const el = document.querySelector('ticket-console') as TicketConsole;
    ok(el, 'the console on the page');
    await el.updateComplete;
    await signIn(el, AGENT_EMAIL, CONSOLE_PASSWORD);
    await waitFor(() => document.title === 'Desk: Console agent', 'title');
    equal(q(el, 'h2').id, 'queue-heading', 'the queue');
  });

  it('lists the shortcuts the console knows', async () => {
    const { SHORTCUTS } = await import('./help-view.js');
    const text = await section();
    for (const [key] of SHORTCUTS)
      ok(text.includes(`\`${key}\``), `${key} documented`);
  });
});
