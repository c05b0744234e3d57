import { expectNoViolations } from '../../test/axe-kit.js';
import {
  act,
  afterEach,
  describe,
  equal,
  it,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import {
  fileTicket,
  mountConsole,
  q,
  qa,
  signIn,
  unmountConsoles,
} from '../../test/console-kit.js';

afterEach(unmountConsoles);

const refsShown = (el: HTMLElement) =>
  [...(el.shadowRoot?.querySelectorAll('button.open') ?? [])].map((b) =>
    b.textContent?.trim(),
  );

describe('<ticket-console> queues and commands', () => {
  it('lists in "Unassigned" every active ticket with no assignee, and only those', async () => {
    const stamp = Date.now();
    const fresh = await fileTicket(`Gaps fresh ${stamp}`);
    const held = await fileTicket(`Gaps held ${stamp}`);
    const dropped = await fileTicket(`Gaps dropped ${stamp}`);
    await act(held.id, { type: 'assign' });
    // Assigned, then unassigned again: nobody holds it.
    await act(dropped.id, { type: 'assign' });
    await act(dropped.id, { type: 'unassign' });
    const el = await mountConsole();
    await signIn(el);
    await el.showQueue('unassigned');
    await waitFor(() => !el.busy && el.queue === 'unassigned', 'the queue');
    const refs = refsShown(el);
    ok(refs.includes(fresh.ref), 'a new ticket is unassigned');
    ok(refs.includes(dropped.ref), 'an unassigned ticket is unassigned');
    ok(!refs.includes(held.ref), 'an assigned ticket is not');
    ok(
      el.tickets.every((t) => t.assigneeId === null),
      'every row has no assignee',
    );
  });

  it('updates tags and priority with a reason from the command bar', async () => {
    const { ref } = await fileTicket(`Gaps update ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    await el.showQueue('unassigned');
    const button = await waitFor(
      () => qa(el, 'button.open').find((b) => b.textContent?.trim() === ref),
      ref,
    );
    button.click();
    await waitFor(() => el.view === 'ticket' && el.open, 'the ticket');
    await el.updateComplete;
    q(el, '[data-command=update]').click();
    await el.updateComplete;
    await expectNoViolations(el, 'update form');
    q<HTMLInputElement>(el, '#cmd-tags').value = 'vpn, network';
    q<HTMLSelectElement>(el, '#cmd-priority').value = 'high';
    q<HTMLTextAreaElement>(el, '#cmd-priorityReason').value =
      'The whole floor is offline.';
    const version = el.open!.ticket.version;
    q<HTMLFormElement>(el, 'form.panel').requestSubmit();
    await waitFor(() => el.open!.ticket.version > version, 'the update');
    equal(el.open!.ticket.priority, 'high', 'priority');
    equal(el.open!.ticket.tags.join(), 'vpn,network', 'tags');
    ok(
      !qa(el, '[data-command]').some((b) => b.dataset.command === 'rate'),
      'no rate button: the lifecycle keeps rate for requesters',
    );
  });
});
