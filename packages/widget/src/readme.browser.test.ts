import {
  $,
  afterEach,
  beforeEach,
  describe,
  endpoint,
  equal,
  fill,
  it,
  marker,
  match,
  ok,
  waitFor,
} from '../test/browser-kit.js';
import './define.js';
import type { TicketWidget } from './index.js';

const readme = fetch('/packages/widget/README.md').then((r) => r.text());

async function blocks(lang: string): Promise<string[]> {
  const text = await readme;
  const fence = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  return [...text.matchAll(fence)].map((m) => m[1] ?? '');
}

/** Puts README HTML on the page, pointed at the test API. */
function place(snippet: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = snippet
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/https:\/\/help\.example\.com\/api\/v1/g, endpoint);
  document.body.append(host);
  return host;
}

describe('README of @ticketry/widget', () => {
  const placed: HTMLElement[] = [];
  const logged: string[] = [];
  // biome-ignore lint/suspicious/noConsole: the README example logs; the test captures those lines so nothing prints.
  const log = console.log;

  beforeEach(() => {
    localStorage.clear();
    console.log = (...args: unknown[]) => logged.push(args.join(' '));
  });
  afterEach(() => {
    console.log = log;
    logged.length = 0;
    for (const el of placed.splice(0)) el.remove();
  });

  it('embeds a widget whose categories come from the attribute', async () => {
    const [embed] = await blocks('html');
    ok(embed, 'an html example');
    ok(embed.includes('<ticket-widget'), 'the embed example');
    placed.push(place(embed));
    const el = document.querySelector('ticket-widget') as TicketWidget;
    await el.updateComplete;
    const options = [...(el.shadowRoot?.querySelectorAll('option') ?? [])];
    equal(
      options.map((o) => o.textContent?.trim()).join(', '),
      'Not sure, Laptop, Phone, VPN, Accounts, Other',
      'options',
    );
  });

  it('themes the widget with the custom properties and parts it shows', async () => {
    const html = await blocks('html');
    const [embed] = html;
    const theme = html.find((b) => b.includes('::part('));
    ok(embed && theme, 'two html examples');
    ok(theme.includes('<style>'), 'the theming example');
    placed.push(place(theme), place(embed));
    const el = document.querySelector('ticket-widget') as TicketWidget;
    await el.updateComplete;
    const button = getComputedStyle($(el, '[part~="submit-button"]'));
    equal(button.backgroundColor, 'rgb(15, 98, 54)', 'accent colour');
    equal(button.textTransform, 'uppercase', '::part(submit-button)');
  });

  it('takes the locale, time zone and theme of the locale example', async () => {
    const example = (await blocks('html')).find((b) => b.includes('locale='));
    ok(example, 'the locale example');
    placed.push(place(example));
    const el = document.querySelector('ticket-widget') as TicketWidget;
    await waitFor(
      () =>
        el.shadowRoot
          ?.querySelector('[part~="submit-button"]')
          ?.textContent?.trim() === 'Anfrage senden',
      'German',
    );
    const base = $(el, '[part~="base"]');
    equal(base.lang, 'de', 'lang');
    equal(getComputedStyle(base).backgroundColor, 'rgb(13, 17, 23)', 'dark');
    equal(el.timeZone, 'Europe/Zurich', 'time zone');
  });

  it('runs the events example as written', async () => {
    const [embed] = await blocks('html');
    const example = (await blocks('ts')).find((b) =>
      b.includes('ticket-error'),
    );
    ok(embed && example, 'the events example');
    placed.push(place(embed));
    const define = `${location.origin}/packages/widget/src/define.ts`;
    const code = example.replace("'@ticketry/widget/define'", `'${define}'`);
    const url = URL.createObjectURL(
      new Blob([code], { type: 'text/javascript' }),
    );
    await import(/* @vite-ignore */ url);

    const el = document.querySelector('ticket-widget') as TicketWidget;
    await el.updateComplete;
    fill(el, '#subject', `From the README ${marker()}`);
    fill(el, '#description', 'Checking the events example.');
    fill(el, '#email', 'readme@example.com');
    $(el, '[part~="submit-button"]').click();
    const line = await waitFor(
      () => logged.find((l) => l.startsWith('Ticket')),
      'log',
    );
    match(line, /^Ticket T-\d+ created$/);
  });
});
