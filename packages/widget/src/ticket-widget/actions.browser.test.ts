import { requesterActions, type Status } from '@ticketry/core/public';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  $,
  act,
  afterEach,
  beforeEach,
  describe,
  dropStreams,
  equal,
  fault,
  fill,
  it,
  match,
  mount,
  ok,
  requestsTo,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import {
  expectNoViolations,
  focusedId,
  statusIs,
  submitAndOpen,
  text,
} from '../../test/tracking-kit.js';
import '../define.js';
import type { PublicTicket } from '@ticketry/core/public';
import type { TicketWidget } from '../index.js';

const has = (el: TicketWidget, selector: string) =>
  Boolean(el.shadowRoot?.querySelector(selector));

/** What the widget offers now, next to what the machine's table allows. */
function checkOffered(el: TicketWidget, status: Status) {
  const allowed = requesterActions(status, null);
  const offered = {
    accept: has(el, '#accept-button'),
    reject: has(el, '#reject-button'),
    rate: has(el, '[part~="rating-form"]'),
    reply: has(el, '[part~="reply-form"]'),
  };
  for (const [command, shown] of Object.entries(offered)) {
    equal(shown, allowed.includes(command as never), `${command} in ${status}`);
  }
}

/** Takes the ticket on screen to resolved, as the agent. */
async function resolve(el: TicketWidget, id: string) {
  await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
  await act(id, { type: 'resolve', code: 'fixed', note: 'Cleared the cache.' });
  await statusIs(el, 'Resolved');
}

const commandsSent = async (id: string) =>
  (await requestsTo(`/tickets/${id}/commands`)).map((r) => ({
    status: r.status,
    body: JSON.parse(r.body),
  }));

describe('<ticket-widget> answers a resolution', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('offers only the actions the lifecycle machine allows a requester in each status', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    checkOffered(el, 'new');
    await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
    await statusIs(el, 'Open');
    checkOffered(el, 'open');
    await act(id, { type: 'resolve', code: 'fixed', note: 'Done.' });
    await statusIs(el, 'Resolved');
    checkOffered(el, 'resolved');
    match(text(el, '[part~="decision"]'), /reopen it until/);
    await expectNoViolations(el, 'resolved ticket');
    await act(id, { type: 'close' });
    await statusIs(el, 'Closed');
    checkOffered(el, 'closed');
    // The desk's policy (new_ticket here) says what a reply will do.
    await waitFor(
      () => /opens a new request/.test(text(el, '#reply-hint') ?? ''),
      'the policy hint',
    );
    await expectNoViolations(el, 'closed ticket');

    const other = await mount({ 'poll-interval': '60000' });
    const cancelled = await submitAndOpen(other);
    await act(cancelled, { type: 'cancel', reason: 'duplicate' });
    await statusIs(other, 'Cancelled');
    checkOffered(other, 'cancelled');
  });

  it('accepts: closes the request, announces it, fires ticket-updated and moves focus to the rating', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const updates: PublicTicket[] = [];
    el.addEventListener('ticket-updated', (e) => updates.push(e.detail));
    const id = await submitAndOpen(el);
    await resolve(el, id);
    const version = updates.at(-1)?.version;

    $(el, '#accept-button').click();
    await statusIs(el, 'Closed');
    await waitFor(() => focusedId(el) === 'rating-heading', 'focus');
    match(text(el, '[role="status"]'), /thank you\. The request is closed/);
    equal(updates.at(-1)?.status, 'closed', 'last ticket-updated');
    const sent = await commandsSent(id);
    equal(sent.length, 1, 'commands sent');
    equal(sent[0]?.body.type, 'accept', 'command');
    ok(version, 'a version was shown');
    ok(!has(el, '#accept-button'), 'no accept on a closed ticket');
  });

  it('rejects with a reason: asks for it, then reopens the request', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    await resolve(el, id);

    $(el, '#reject-button').click();
    await waitFor(() => focusedId(el) === 'reject-reason', 'focus in reason');
    $(el, '[part~="reopen-button"]').click();
    await waitFor(() => has(el, '#reject-reason-error'), 'the error');
    equal(
      $(el, '#reject-reason').getAttribute('aria-invalid'),
      'true',
      'invalid',
    );
    equal(focusedId(el), 'reject-reason', 'focus stays on the reason');
    await expectNoViolations(el, 'reject form with an error');
    equal((await commandsSent(id)).length, 0, 'nothing sent yet');

    // Too long: the limit in the locale's digits, as every other limit.
    fill(el, '#reject-reason', 'x'.repeat(20_001));
    $(el, '[part~="reopen-button"]').click();
    await waitFor(
      () =>
        text(el, '#reject-reason-error') === 'Use at most 20,000 characters.',
      'the limit, formatted',
    );

    fill(el, '#reject-reason', 'It still times out after lunch.');
    $(el, '[part~="reopen-button"]').click();
    await statusIs(el, 'In progress');
    await waitFor(() => focusedId(el) === 'ticket-heading', 'focus');
    match(text(el, '[role="status"]'), /is open again/);
    const [sent] = await commandsSent(id);
    equal(sent?.body.reason, 'It still times out after lunch.', 'reason');
    ok(!has(el, '[part~="decision"]'), 'the decision is gone');
  });

  it('cancels a rejection and puts focus back on the button', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    await resolve(el, id);
    $(el, '#reject-button').click();
    await waitFor(() => focusedId(el) === 'reject-reason', 'reason');
    $(el, '[part~="cancel-button"]').click();
    await waitFor(() => focusedId(el) === 'reject-button', 'focus back');
  });

  it('rates with labelled 44 px stars, the keyboard, and an optional comment', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    await resolve(el, id);

    const stars = [...el.shadowRoot!.querySelectorAll('label.star')];
    equal(stars.length, 5, 'stars');
    for (const star of stars) {
      const { width, height } = star.getBoundingClientRect();
      ok(width >= 44 && height >= 44, `star is ${width} × ${height}`);
    }
    equal(
      $<HTMLInputElement>(el, '#rating-4').labels?.[0]?.textContent?.trim(),
      '★4 stars: good',
      'the fourth star names itself',
    );

    $(el, '[part~="rate-button"]').click();
    await waitFor(() => has(el, '#rating-error'), 'a rating is required');
    equal(focusedId(el), 'rating-1', 'focus on the first star');
    await expectNoViolations(el, 'rating without a choice');
    // A real click near the first star's corner, where the hidden radios
    // sit, chooses the first star (not the radio stacked last).
    const first = stars[0]!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.ceil(first.left + 6), Math.ceil(first.top + 6)],
    });
    await waitFor(
      () => ($(el, '#rating-1') as HTMLInputElement).checked,
      'a click in the corner of the first star chooses 1',
    );

    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(
      () => ($(el, '#rating-3') as HTMLInputElement).checked,
      'arrow keys choose 3',
    );
    ($(el, 'label[for="rating-4"]') as HTMLElement).click();
    fill(el, '#rating-comment', '  Quick and friendly.  ');
    $(el, '[part~="rate-button"]').click();
    await waitFor(() => focusedId(el) === 'rating-current', 'focus');
    match(text(el, '#rating-current'), /You rated this 4 out of 5/);
    match(text(el, '[role="status"]'), /rating of 4 out of 5/);
    const [sent] = await commandsSent(id);
    equal(sent?.body.rating, 4, 'rating sent');
    equal(sent?.body.comment, 'Quick and friendly.', 'comment sent');
  });

  it('says so when the ticket changed meanwhile, and reads it again', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const errors: string[] = [];
    el.addEventListener('ticket-error', (e) => errors.push(e.detail.code));
    const versions: number[] = [];
    el.addEventListener('ticket-updated', (e) =>
      versions.push(e.detail.version),
    );
    const id = await submitAndOpen(el);
    await resolve(el, id);
    const shown = versions.at(-1) ?? 0;
    await fault({ blockStreamOf: id, on: true });
    try {
      // The widget no longer hears of changes; the agent makes one.
      const { dropped } = await dropStreams(id);
      ok(dropped >= 1, 'the stream was dropped');
      await act(id, { type: 'note', body: 'Checked the logs.' });
      // A slow answer: the button is disabled over several frames, and
      // the browser takes focus off a disabled button.
      const realFetch = window.fetch;
      window.fetch = async (...args) => {
        await new Promise((r) => setTimeout(r, 300));
        return realFetch(...args);
      };
      $(el, '#accept-button').focus();
      $(el, '#accept-button').click();
      await waitFor(
        () => /changed while/.test(text(el, '[role="alert"]') ?? ''),
        'the conflict message',
      );
      window.fetch = realFetch;
      // It gets focus back once the failed accept is over.
      await waitFor(() => focusedId(el) === 'accept-button', 'focus back');
      equal(errors.at(-1), 'VERSION_CONFLICT', 'ticket-error code');
      const sent = await commandsSent(id);
      equal(sent[0]?.status, 412, 'the stale accept');
      // Read again: the next accept carries the new version.
      await waitFor(() => versions.at(-1) === shown + 1, 'the new version');
      $(el, '#accept-button').click();
      await statusIs(el, 'Closed');
    } finally {
      await fault({ blockStreamOf: id, on: false });
    }
  });
});
