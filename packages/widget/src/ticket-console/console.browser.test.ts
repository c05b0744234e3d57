import { expectNoViolations } from '../../test/axe-kit.js';
import {
  afterEach,
  describe,
  equal,
  it,
  match,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import {
  callAs,
  fileTicket,
  mountConsole,
  press,
  q,
  qa,
  SUPERVISOR_EMAIL,
  sessionFor,
  shown,
  signIn,
  unmountConsoles,
} from '../../test/console-kit.js';
import type { TicketConsole } from './ticket-console.js';

afterEach(unmountConsoles);

const commandButtons = (el: TicketConsole) =>
  qa(el, '[data-command]').map((b) => b.dataset.command);

async function openFromUnassigned(el: TicketConsole, ref: string) {
  q(el, 'nav[aria-label=Queues] button:nth-child(3)').click();
  const button = await waitFor(
    () => qa(el, 'button.open').find((b) => b.textContent?.trim() === ref),
    `${ref} in the unassigned queue`,
  );
  button.click();
  await waitFor(() => el.view === 'ticket' && el.open, 'the ticket view');
}

async function runCommand(el: TicketConsole, type: string) {
  const before = el.open!.ticket.version;
  q(el, `[data-command=${type}]`).click();
  await el.updateComplete;
  const form = el.shadowRoot!.querySelector<HTMLFormElement>('form.panel');
  if (form) form.requestSubmit();
  await waitFor(
    () => el.open && el.open.ticket.version > before && !el.busy,
    `${type} to land`,
  );
}

describe('<ticket-console> sign-in', () => {
  it('refuses a wrong password with the server message', async () => {
    const el = await mountConsole();
    await expectNoViolations(el, 'sign-in view');
    await signIn(el, 'nobody-here@example.com', 'not the password at all');
    equal(el.view, 'sign-in', 'view');
    match(q(el, '[role=alert]').textContent, /\S/);
  });

  it('says when repeated failures lock the account', async () => {
    const el = await mountConsole();
    const email = `locked-${Date.now()}@example.com`;
    for (let i = 0; i < 6; i++) {
      await signIn(el, email, `wrong password number ${i}`);
      await waitFor(() => !el.busy, 'the answer');
    }
    match(q(el, '[role=alert]').textContent, /too many failed sign-ins/);
    match(el.announcement, /try again in \d+ s/);
  });

  it('signs in and shows the queue with the heading focused', async () => {
    const el = await mountConsole();
    await signIn(el);
    equal(el.view, 'queue', 'view');
    await el.updateComplete;
    equal(el.shadowRoot!.activeElement?.id, 'queue-heading', 'focus');
    match(q(el, '.me').textContent, /Console agent/);
  });
});

describe('<ticket-console> queue and ticket', () => {
  it('works a ticket from the unassigned queue to closed', async () => {
    const { ref } = await fileTicket(`Console flow ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    await openFromUnassigned(el, ref);
    await expectNoViolations(el, 'ticket view');

    // The buttons are the server's list for this role and state.
    const server = await callAs(
      el.api.token!,
      `/tickets/${el.open!.ticket.id}/commands`,
    );
    const expected = server.body.commands.map((c: { type: string }) => c.type);
    ok(
      commandButtons(el).every((t) => expected.includes(t)),
      'only allowed',
    );
    ok(commandButtons(el).includes('assign'), 'assign offered');
    ok(!commandButtons(el).includes('close'), 'no close on a new ticket');

    await runCommand(el, 'assign');
    equal(el.open!.ticket.assigneeId, 'console-agent', 'assignee');
    await runCommand(el, 'start');
    equal(el.open!.ticket.status, 'in_progress', 'status');

    press(el, 'r');
    await el.updateComplete;
    equal(el.shadowRoot!.activeElement?.id, 'composer', 'r focuses the reply');
    q<HTMLTextAreaElement>(el, '#composer').value = 'Restarted the spooler.';
    q<HTMLFormElement>(el, 'form.panel').requestSubmit();
    await waitFor(() => el.composer === null && !el.busy, 'the reply');

    press(el, 'n');
    await el.updateComplete;
    q<HTMLTextAreaElement>(el, '#composer').value = 'Spooler was stuck again.';
    q<HTMLFormElement>(el, 'form.panel').requestSubmit();
    await waitFor(() => qa(el, '.conversation li.internal').length, 'note');
    match(q(el, '.conversation li.internal').textContent, /Internal note/);
    equal(qa(el, '.conversation li.public').length, 2, 'public messages');

    q(el, '[data-command=resolve]').click();
    await el.updateComplete;
    q<HTMLTextAreaElement>(el, '#cmd-note').value = 'Spooler restarted.';
    await expectNoViolations(el, 'ticket view with a command form');
    const version = el.open!.ticket.version;
    q<HTMLFormElement>(el, 'form.panel').requestSubmit();
    await waitFor(() => el.open!.ticket.version > version, 'resolve');
    equal(el.open!.ticket.status, 'resolved', 'status');

    await runCommand(el, 'close');
    equal(el.open!.ticket.status, 'closed', 'status');
    ok(!commandButtons(el).includes('close'), 'close gone once closed');
    const types = qa(el, '.timeline li strong').map((s) => s.textContent);
    for (const t of [
      'submitted',
      'assigned',
      'started',
      'replied',
      'noted',
      'resolved',
      'closed',
    ]) {
      ok(types.includes(t), `timeline has ${t}`);
    }
  });

  it('moves with j and k, opens with Enter, and not while typing', async () => {
    await fileTicket(`Keyboard one ${Date.now()}`);
    await fileTicket(`Keyboard two ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    q(el, 'nav[aria-label=Queues] button:nth-child(5)').click();
    await waitFor(() => el.shown.length >= 2 && !el.busy, 'the all queue');
    await expectNoViolations(el, 'queue view');
    q(el, 'h2').focus();
    press(el, 'j');
    equal(el.cursor, 1, 'j moves down');
    press(el, 'k');
    equal(el.cursor, 0, 'k moves up');

    const search = q<HTMLInputElement>(el, '#q');
    search.focus();
    press(el, 'j');
    equal(el.cursor, 0, 'j in the search field types');

    q(el, 'h2').focus();
    press(el, '?');
    await el.updateComplete;
    const dialog = await shown<HTMLDialogElement>(el, 'dialog');
    ok(dialog.open, 'help open');
    await expectNoViolations(el, 'help dialog');
    dialog.close();
    await waitFor(() => !el.help, 'help closed');

    const first = el.shown[0]!;
    q(el, 'h2').focus();
    press(el, 'Enter');
    await waitFor(() => el.open?.ticket.id === first.id, 'Enter opens');
    await el.updateComplete;

    press(el, 'a');
    await el.updateComplete;
    equal(el.form, 'assign', 'a opens the assign form');
    equal(el.shadowRoot!.activeElement?.id, 'cmd-assigneeId', 'focus');
    press(el, 'Escape');
    await el.updateComplete;
    equal(el.form, null, 'Escape closes it unsent');
    equal(el.shadowRoot!.activeElement?.id, 'ticket-heading', 'focus back');
  });

  it('assigns ticked tickets in bulk and skips what the machine refuses', async () => {
    const a = await fileTicket(`Bulk a ${Date.now()}`);
    const b = await fileTicket(`Bulk b ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    q(el, 'nav[aria-label=Queues] button:nth-child(3)').click();
    await waitFor(() => el.shown.some((t) => t.ref === b.ref), 'queue');
    el.selected = new Set([a.id, b.id]);
    await el.updateComplete;
    q(el, '[aria-label="Bulk actions"] button:nth-of-type(2)').click();
    await waitFor(
      () => /close: 0 tickets; 2 skipped/.test(el.announcement),
      'close skipped',
    );
    el.selected = new Set([a.id, b.id]);
    await el.updateComplete;
    q(el, '[aria-label="Bulk actions"] button:nth-of-type(1)').click();
    await waitFor(
      () => /assign: 2 tickets/.test(el.announcement),
      'bulk assign',
    );
    for (const { id } of [a, b]) {
      const ticket = await callAs(el.api.token!, `/tickets/${id}`);
      equal(ticket.body.assigneeId, 'console-agent', 'assignee');
    }
  });

  it('adds a ticket filed meanwhile to the queue on screen', async () => {
    const el = await mountConsole();
    await signIn(el);
    q(el, 'nav[aria-label=Queues] button:nth-child(3)').click();
    await waitFor(() => el.queue === 'unassigned' && !el.busy, 'queue');
    // The change feed opens as the queue shows: give it a moment.
    await new Promise((r) => setTimeout(r, 300));
    const { ref } = await fileTicket(`Filed meanwhile ${Date.now()}`);
    await waitFor(
      () => qa(el, 'button.open').some((b) => b.textContent?.trim() === ref),
      'the new ticket in the queue',
      8_000,
    );
  });

  it('shows changes by another agent live, and that they are on it', async () => {
    const { ref, id } = await fileTicket(`Live ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    await openFromUnassigned(el, ref);
    const other = await sessionFor(SUPERVISOR_EMAIL);
    await callAs(other, `/tickets/${id}/presence`, { method: 'POST' });
    const note = await callAs(other, `/tickets/${id}/messages`, {
      body: { body: 'Looking at this too.', visibility: 'internal' },
    });
    equal(note.status, 201, 'note by the other agent');
    await waitFor(
      () => qa(el, '.conversation li.internal').length === 1,
      'the live note',
      8_000,
    );
    await waitFor(
      () => el.open!.viewers.includes('Console supervisor'),
      'presence',
      15_000,
    );
    match(q(el, '.notice').textContent, /Console supervisor/);
  });
});
