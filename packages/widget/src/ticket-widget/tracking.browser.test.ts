import {
  $,
  act,
  afterEach,
  beforeEach,
  describe,
  equal,
  fault,
  fill,
  it,
  marker,
  match,
  mount,
  ok,
  requestsTo,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import '../define.js';
import type { PublicTicket } from '@ticketry/core/public';
import type { TicketWidget } from '../index.js';

const text = (el: TicketWidget, selector: string) =>
  el.shadowRoot
    ?.querySelector(selector)
    ?.textContent?.replace(/\s+/g, ' ')
    .trim();

/** Submits a ticket through the widget and opens its tracking view. */
async function submitAndOpen(el: TicketWidget): Promise<string> {
  const tag = marker();
  fill(el, '#subject', `Cannot reach the wiki ${tag}`);
  fill(el, '#description', 'The wiki times out from the office network.');
  fill(el, '#email', 'lin@example.com');
  const submitted = new Promise<string>((resolve) =>
    el.addEventListener('ticket-submitted', (e) => resolve(e.detail.id), {
      once: true,
    }),
  );
  $(el, '[part~="submit-button"]').click();
  const id = await submitted;
  await el.updateComplete;
  $(el, '[part~="open-button"]').click();
  await waitFor(() => text(el, '[part="status"]'), 'the status');
  return id;
}

describe('<ticket-widget> tracking', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  it('shows status changes pushed over the stream and announces them', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const updates: PublicTicket[] = [];
    el.addEventListener('ticket-updated', (e) => updates.push(e.detail));
    const id = await submitAndOpen(el);
    equal(text(el, '[part="status"]'), 'Status: Received', 'first status');
    equal(el.shadowRoot?.activeElement?.id, 'ticket-heading', 'focus');

    // The stream is up once the widget has read the ticket again on open.
    const reads = () => requestsTo(`/tickets/${id}`).then((r) => r.length);
    await waitFor(
      async () => (await requestsTo(`/${id}/stream`)).length,
      'stream',
    );
    await waitFor(async () => (await reads()) >= 2, 'the catch-up read');
    const readsBefore = await reads();

    await act(id, { type: 'triage', impact: 'medium', urgency: 'medium' });
    await waitFor(() => text(el, '[part="status"]') === 'Status: Open', 'Open');
    await act(id, { type: 'assign' });
    await act(id, { type: 'start' });
    await waitFor(
      () => text(el, '[part="status"]') === 'Status: In progress',
      'In progress',
    );
    await act(id, { type: 'pend', reason: 'requester' });
    await waitFor(() => text(el, '[part="pending-reason"]'), 'a reason');
    equal(text(el, '[part="status"]'), 'Status: Waiting', 'pending status');
    equal(text(el, '[part="pending-reason"]'), 'Waiting for your reply', 'why');
    await waitFor(
      () => /Waiting for your reply/.test(text(el, '[role="status"]') ?? ''),
      'the announcement',
    );

    equal(await reads(), readsBefore, 'reads after the stream opened');
    ok(updates.length >= 2, `ticket-updated fired ${updates.length} times`);
    equal(updates.at(-1)?.status, 'pending', 'last update');
  });

  it('falls back to polling when the stream is refused', async () => {
    const el = await mount({ 'poll-interval': '150' });
    const tag = marker();
    fill(el, '#subject', `Polling ${tag}`);
    fill(el, '#description', 'Stream refused by the test.');
    fill(el, '#email', 'po@example.com');
    const id = await new Promise<string>((resolve) => {
      el.addEventListener('ticket-submitted', (e) => resolve(e.detail.id));
      $(el, '[part~="submit-button"]').click();
    });
    await fault({ blockStreamOf: id, on: true });
    try {
      await el.updateComplete;
      $(el, '[part~="open-button"]').click();
      await waitFor(() => text(el, '[part="status"]'), 'the status');
      await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
      await waitFor(
        () => text(el, '[part="status"]') === 'Status: Open',
        'Open',
      );
      const polls = await requestsTo(`/tickets/${id}`);
      ok(polls.length >= 2, `expected polls, saw ${polls.length}`);
    } finally {
      await fault({ blockStreamOf: id, on: false });
    }
  });

  it('shows the requester reply and the agent answer in the conversation', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
    await waitFor(() => text(el, '[part="status"]') === 'Status: Open', 'Open');

    $(el, '[part~="reply-button"]').click();
    await waitFor(() => el.shadowRoot?.querySelector('#reply-error'), 'error');
    equal($(el, '#reply').getAttribute('aria-invalid'), 'true', 'empty reply');

    fill(el, '#reply', 'It works from home, not from the office.');
    $(el, '[part~="reply-button"]').click();
    await waitFor(
      () => /It works from home/.test(text(el, '[part="conversation"]') ?? ''),
      'the reply in the conversation',
    );
    // The stream may show the reply before the POST answers and clears.
    await waitFor(
      () => ($(el, '#reply') as HTMLTextAreaElement).value === '',
      'box cleared',
    );
    equal(el.shadowRoot?.activeElement?.id, 'reply', 'focus back in the box');
    const posted = await requestsTo(`/tickets/${id}/messages`);
    equal(posted.length, 1, 'replies posted');

    await act(id, { type: 'reply', body: 'Please try the VPN.' });
    await waitFor(
      () =>
        /Support.*Please try the VPN/.test(
          text(el, '[part="conversation"]') ?? '',
        ),
      'the agent reply',
    );
    await waitFor(
      () => /New reply/.test(text(el, '[role="status"]') ?? ''),
      'the announcement',
    );
  });

  it('shows the resolution once the ticket is resolved', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
    await act(id, {
      type: 'resolve',
      code: 'fixed',
      note: 'The proxy rule was corrected.',
    });
    await waitFor(
      () => text(el, '[part="status"]') === 'Status: Resolved',
      'Resolved',
    );
    match(text(el, '[part="resolution"]'), /The proxy rule was corrected\./);
  });

  it('keeps and opens the follow-up a reply to a closed ticket makes', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
    await act(id, { type: 'resolve', code: 'fixed', note: 'Done.' });
    await act(id, { type: 'close' });
    await waitFor(
      () => text(el, '[part="status"]') === 'Status: Closed',
      'Closed',
    );
    match(text(el, '[part="hint"]'), /closed/);
    fill(el, '#reply', 'It broke again this morning.');
    $(el, '[part~="reply-button"]').click();
    await waitFor(
      () => /It broke again/.test(text(el, '[part="conversation"]') ?? ''),
      'the reply in the follow-up',
    );
    const heading = text(el, '#ticket-heading') ?? '';
    match(heading, /^T-\d+: Re: /);
    const stored = JSON.stringify({ ...localStorage });
    equal((stored.match(/tkr_/g) ?? []).length >= 2, true, 'both tokens kept');
  });

  it('lists stored requests and returns focus to the one left', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    $(el, '[part~="back-button"]').click();
    const item = await waitFor(
      () => el.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`),
      'the list item',
    );
    match(item.textContent, /T-\d+/);
    equal(el.shadowRoot?.activeElement, item, 'focus on the ticket left');
    match(text(el, 'nav'), /My requests \(1\)/);
  });
});
