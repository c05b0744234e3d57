/**
 * A tour of every visual state of `<ticket-widget>` for the
 * accessibility tests: each state is reached as a requester would, then
 * checked with axe-core (WCAG 2.2 A/AA) and for targets under 44 px.
 */
import type { TicketWidget } from '../src/index.js';
import { axeFindings } from './axe-kit.js';
import {
  $,
  act,
  equal,
  fault,
  fill,
  marker,
  mount,
  ok,
  requestsWith,
  waitFor,
} from './browser-kit.js';
import { choose } from './form-kit.js';
import { smallTargets } from './target-kit.js';

/** The looks every state is checked in. */
export const LOOKS = [
  { name: 'light', attrs: {}, dir: 'ltr' },
  { name: 'dark', attrs: { theme: 'dark' }, dir: 'ltr' },
  { name: 'Arabic right to left', attrs: { locale: 'ar' }, dir: 'rtl' },
] as const;

export type Look = (typeof LOOKS)[number];

const W3 = `${location.origin}/w3/api/v1`;

const find = (el: TicketWidget, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** Collects axe findings and small targets, state by state. */
export class Audit {
  readonly states: string[] = [];
  readonly #findings: string[] = [];
  constructor(readonly look: string) {}

  async check(el: TicketWidget, state: string): Promise<void> {
    await el.updateComplete;
    this.states.push(state);
    const axe = await axeFindings(el);
    if (axe) this.#findings.push(`${this.look}, ${state}:\n${axe}`);
    const small = smallTargets(el).join(', ');
    if (small) this.#findings.push(`${this.look}, ${state}: small ${small}`);
  }

  /** Fails with everything found, once every state has been seen. */
  expect(states: string[]): void {
    equal(this.states.join(', '), states.join(', '), 'states checked');
    equal(this.#findings.join('\n'), '', `findings in ${this.look}`);
  }
}

function nav(el: TicketWidget, index: 0 | 1) {
  const buttons = el.shadowRoot?.querySelectorAll<HTMLElement>(
    '[part~="nav-button"]',
  );
  buttons?.[index]?.click();
}

function fillValid(el: TicketWidget, tag: string) {
  fill(el, '#subject', `Monitor flickers ${tag}`);
  fill(el, '#description', 'The second screen flickers every few minutes.');
  fill(el, '#email', 'noor@example.com');
}

/** Waits until the server has answered a submission containing `tag`. */
const answered = (tag: string) =>
  waitFor(
    async () => (await requestsWith(tag)).some((r) => r.status === 201),
    `the submission ${tag}`,
  );

/**
 * The launcher from closed to a resolved ticket and the offline queue:
 * closed, open, errors, submitting (the server holds the request),
 * submitted, list, detail, detail with errors, offline.
 */
export async function launcherStates(look: Look, audit: Audit): Promise<void> {
  const el = await mount({
    mode: 'launcher',
    'poll-interval': '60000',
    ...look.attrs,
  });
  const button = $(el, '[part="launcher-button"]');
  await waitFor(() => button.dir === look.dir, `dir ${look.dir}`);
  await audit.check(el, 'closed');

  button.click();
  await waitFor(() => find(el, '[part~="form"]'), 'the form');
  await audit.check(el, 'open');

  $(el, '[part~="submit-button"]').click();
  await waitFor(() => find(el, '#subject-error'), 'the errors');
  await audit.check(el, 'validation errors');

  const tag = marker();
  fillValid(el, tag);
  const submitted = new Promise<string>((resolve) =>
    el.addEventListener('ticket-submitted', (e) => resolve(e.detail.id), {
      once: true,
    }),
  );
  await fault({ holdSubmitsContaining: tag, on: true });
  try {
    $(el, '[part~="submit-button"]').click();
    await waitFor(async () => (await requestsWith(tag)).length, 'held');
    ok($<HTMLButtonElement>(el, '[part~="submit-button"]').disabled, 'busy');
    await audit.check(el, 'submitting');
  } finally {
    await fault({ holdSubmitsContaining: tag, on: false });
  }
  const id = await submitted;
  await waitFor(() => find(el, '[part="reference"]'), 'the reference');
  await audit.check(el, 'submitted');

  nav(el, 1);
  await waitFor(() => find(el, '[part~="ticket-button"] .meta'), 'the list');
  await audit.check(el, 'list');

  await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
  await act(id, { type: 'reply', body: 'Which cable does the screen use?' });
  await act(id, { type: 'resolve', code: 'fixed', note: 'Cable replaced.' });
  $(el, `[data-id="${id}"]`).click();
  await waitFor(
    () => find(el, '#accept-button') && find(el, '[part~="rating-form"]'),
    'the decision and the rating',
  );
  ok(find(el, '.message.agent'), 'support wrote in the conversation');
  await audit.check(el, 'detail');

  $(el, '#reject-button').click();
  await waitFor(() => find(el, '#reject-reason'), 'the reason box');
  $(el, '[part~="reopen-button"]').click();
  await waitFor(() => find(el, '#reject-reason-error'), 'the reason error');
  $(el, '[part~="rate-button"]').click();
  await waitFor(() => find(el, '#rating-error'), 'the rating error');
  await audit.check(el, 'detail with errors');

  nav(el, 0);
  const offline = marker();
  await waitFor(() => find(el, '#subject'), 'the form again');
  fillValid(el, offline);
  await fault({ dropSubmitsContaining: offline, on: true });
  try {
    $(el, '[part~="submit-button"]').click();
    await waitFor(() => find(el, '#form-notice'), 'the offline notice');
    await audit.check(el, 'offline');
  } finally {
    await fault({ dropSubmitsContaining: offline, on: false });
  }
  // Back online: the queue empties, as the next test expects.
  dispatchEvent(new Event('online'));
  await answered(offline);
}

/** The desk's custom fields and attachments, their errors, the files. */
export async function formStates(look: Look, audit: Audit): Promise<void> {
  const el = await mount({ endpoint: W3, ...look.attrs });
  await waitFor(() => find(el, '#cf-office'), 'the custom fields');
  await waitFor(() => $(el, '[part~="base"]').dir === look.dir, 'dir');
  await audit.check(el, 'custom fields');

  $(el, '[part~="submit-button"]').click();
  await waitFor(() => find(el, '#cf-steps-error'), 'the errors');
  choose(el, [new File(['GIF89a'], 'cat.gif', { type: 'image/gif' })]);
  await waitFor(() => find(el, '#attachments-error'), 'the file error');
  await audit.check(el, 'custom field errors');

  fillValid(el, marker());
  fill(el, '#cf-steps', 'Switch it on\nWait');
  fill(el, '#cf-office', 'Lyon');
  const agree = $<HTMLInputElement>(el, '#cf-agree');
  agree.checked = true;
  agree.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  choose(el, [new File(['boot log'], 'boot.txt', { type: 'text/plain' })]);
  $(el, '[part~="submit-button"]').click();
  await waitFor(() => find(el, '[part~="open-button"]'), 'the confirmation');
  $(el, '[part~="open-button"]').click();
  await waitFor(() => find(el, '[part="file-link"]'), 'the file link');
  await audit.check(el, 'detail with attachments');
}
