import { formSchema, submissionSchemaFor } from '@ticketry/core/public';
import { axeFindings } from '../../test/axe-kit.js';
import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  fill,
  it,
  marker,
  match,
  ok,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { TEST_FORM } from '../../test/form-fixture.js';
import {
  check,
  choose,
  clearOutbox,
  click,
  errorIds,
  fillBuiltIns,
  fillRequired,
  mountForm,
  realFetch,
  ticketsWith,
  W3,
} from '../../test/form-kit.js';
import '../define.js';

describe('<ticket-widget> custom fields', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('renders the published fields after the built-in ones, labelled', async () => {
    const el = await mountForm();
    const ids = [
      ...(el.shadowRoot?.querySelectorAll('input, textarea, select') ?? []),
    ].map((c) => c.id);
    equal(
      ids.join(' '),
      'subject description category email name cf-asset cf-steps cf-office cf-since cf-agree attachments',
      'control order',
    );
    equal(
      $(el, 'label[for="cf-steps"]').textContent?.trim(),
      'Steps to reproduce',
      'required label',
    );
    match(
      $(el, 'label[for="cf-asset"]').textContent,
      /Asset tag\s+\(optional\)/,
    );
    equal($<HTMLInputElement>(el, '#cf-since').type, 'date', 'date input');
    equal($<HTMLInputElement>(el, '#cf-agree').type, 'checkbox', 'checkbox');
    match($(el, '#cf-steps').getAttribute('aria-describedby'), /cf-steps-hint/);
  });

  it('finds the same fields wrong as the server, and sends nothing until they are right', async () => {
    const el = await mountForm();
    const tag = marker();
    fillBuiltIns(el, tag);
    fill(el, '#cf-asset', 'TOO-LONG-TAG');
    fill(el, '#cf-steps', '   ');
    click(el, '[part~="submit-button"]');
    await waitFor(
      () => el.shadowRoot?.querySelector('#cf-steps-error'),
      'errors',
    );
    const shown = errorIds(el).sort();

    // The server's verdict on the same body, and the shared schema's.
    const body = {
      subject: `Scanner offline ${tag}`,
      description: `It shows error 7. ${tag}`,
      requester: { email: 'ada@example.com' },
      fields: { asset: 'TOO-LONG-TAG', steps: '   ', agree: false },
    };
    const response = await fetch(`${W3}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    equal(response.status, 422, 'server status');
    const { error } = await response.json();
    const server = error.issues
      .map((i: { path: string[] }) => `cf-${i.path[1]}`)
      .sort();
    equal(shown.join(' '), server.join(' '), 'widget errors = server issues');
    equal(shown.join(' '), 'cf-agree cf-asset cf-office cf-steps', 'fields');
    for (const id of ['cf-office', 'cf-agree']) {
      const words = $(el, `#${id}-error`).textContent ?? '';
      match(words, /This field is required/);
    }
    const local = submissionSchemaFor(formSchema.parse(TEST_FORM)).safeParse(
      body,
    );
    equal(local.error?.issues.length, server.length, 'shared schema');
    equal(el.shadowRoot?.activeElement?.id, 'cf-asset', 'focus on first error');
    equal((await ticketsWith(tag)).length, 0, 'nothing sent');

    fill(el, '#cf-asset', 'PC-42');
    fill(el, '#cf-steps', 'Switch on');
    fill(el, '#cf-office', 'Berlin');
    fill(el, '#cf-since', '2025-04-01');
    check(el, '#cf-agree', true);
    click(el, '[part~="submit-button"]');
    await waitFor(
      () => el.shadowRoot?.querySelector('[part="reference"]'),
      'the reference',
    );
    const [made] = await ticketsWith(tag);
    ok(made, 'ticket made');
    equal(
      JSON.stringify(made.fields),
      JSON.stringify({
        asset: 'PC-42',
        steps: 'Switch on',
        office: 'Berlin',
        since: '2025-04-01',
        agree: true,
      }),
      'fields stored',
    );
  });
});

describe('<ticket-widget> submitting, accessibility', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearOutbox();
  });
  afterEach(() => {
    window.fetch = realFetch;
    unmountAll();
  });

  it('has no axe violations with custom fields, their errors, and the offline note', async () => {
    const el = await mountForm();
    equal(await axeFindings(el), '', 'the form');
    click(el, '[part~="submit-button"]');
    await waitFor(
      () => el.shadowRoot?.querySelector('#cf-steps-error'),
      'errors',
    );
    choose(el, [new File(['GIF89a'], 'cat.gif', { type: 'image/gif' })]);
    await el.updateComplete;
    equal(await axeFindings(el), '', 'with errors');
    fillRequired(el, marker());
    choose(el, []);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    click(el, '[part~="submit-button"]');
    await waitFor(() => el.shadowRoot?.querySelector('#form-notice'), 'notice');
    equal(await axeFindings(el), '', 'offline');
    window.fetch = realFetch;
    await clearOutbox();
  });
});
