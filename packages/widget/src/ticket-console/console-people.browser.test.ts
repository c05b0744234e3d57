import { expectNoViolations } from '../../test/axe-kit.js';
import {
  afterEach,
  describe,
  equal,
  it,
  ok,
  waitFor,
} from '../../test/browser-kit.js';
import {
  callAs,
  fileTicket,
  mountConsole,
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

/** The word the test server's classifier rule looks for (load-backend.mjs). */
const MARKER = 'zzconsoleguess';

const text = (el: TicketConsole, selector: string) =>
  (q(el, selector).textContent ?? '').replace(/\s+/g, ' ').trim();

/** The Details list as name → value. */
const details = (el: TicketConsole) =>
  Object.fromEntries(
    qa(el, 'section[aria-labelledby=facts-heading] dt').map((dt) => [
      dt.textContent?.trim(),
      (dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ]),
  );

async function open(el: TicketConsole, id: string) {
  await el.openTicket(id);
  await shown(el, '#facts-heading');
}

/** Waits until the classifier stored its guess for `id`; answers it. */
async function guessOf(token: string, id: string) {
  let answer = await callAs(token, `/tickets/${id}/suggestion`);
  await waitFor(async () => {
    answer = await callAs(token, `/tickets/${id}/suggestion`);
    return answer.status === 200;
  }, 'the suggestion');
  return answer.body;
}

describe('<ticket-console> who filed the ticket', () => {
  it('names the requester in Details, the conversation and the timeline, read once per ticket', async () => {
    const { id } = await fileTicket(`Requester name ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    let calls = 0;
    const requester = el.api.requester;
    el.api.requester = (rid) => {
      calls++;
      return requester(rid);
    };
    await open(el, id);
    const facts = details(el);
    equal(facts.Requester, 'Grace', 'name');
    equal(facts.Email, 'grace@example.com', 'email');
    const first = text(el, '.conversation li');
    ok(first.includes('· Grace ·'), first);
    ok(!first.includes('requester '), 'no raw requester id');
    ok(text(el, '.timeline li').includes('by Grace'), 'timeline author');
    await expectNoViolations(el, 'ticket view with the requester');
    await el.reload('again');
    equal(calls, 1, 'asked once for the ticket');
    equal(details(el).Requester, 'Grace', 'kept on reload');
  });

  it('says so when the requester was erased or is unknown, and shows no address', async () => {
    const { id } = await fileTicket(`Erased requester ${Date.now()}`);
    const el = await mountConsole();
    await signIn(el);
    const ticket = (await callAs(el.api.token!, `/tickets/${id}`)).body;
    const supervisor = await sessionFor(SUPERVISOR_EMAIL);
    const erased = await callAs(
      supervisor,
      `/requesters/${ticket.requesterId}/erase`,
      { method: 'POST' },
    );
    equal(erased.status, 200, 'erased');
    await open(el, id);
    ok(details(el).Requester?.startsWith('erased'), details(el).Requester);
    equal(details(el).Email, undefined, 'no email row');
    ok(text(el, '.conversation li').includes('Requester (erased)'));
    ok(!q(el, 'article').textContent?.includes('erased.invalid'), 'no marker');
    // A requester the server does not know (404) reads as unknown.
    const other = await fileTicket(`Unknown requester ${Date.now()}`);
    el.api.requester = async () => null;
    await open(el, other.id);
    equal(details(el).Requester, 'unknown to the desk');
    ok(text(el, '.conversation li').includes('· Requester ·'));
  });
});

describe("<ticket-console> the model's guess", () => {
  it('shows the category, its confidence and whether the desk applied it', async () => {
    const el = await mountConsole();
    await signIn(el);
    const token = el.api.token!;
    // The test server's model never reaches its threshold of 1; its
    // rule sets the category of tickets that carry the marker.
    const byRule = await fileTicket(`Printer toner ${MARKER} ${Date.now()}`);
    const plain = await fileTicket(`VPN login fails ${Date.now()}`);
    const cases = [
      [byRule, true, 'suggested only; rules triaged the ticket'],
      [plain, false, 'suggested only'],
    ] as const;
    for (const [ticket, applied, verdict] of cases) {
      const s = await guessOf(token, ticket.id);
      equal(s.applied, applied, 'applied on the server');
      await open(el, ticket.id);
      const guess = details(el)["Model's guess"] ?? '';
      const percent = `${Math.round(s.confidence * 100)}%`;
      ok(guess.startsWith(`${s.category}, ${percent}, ${verdict}`), guess);
      ok(guess.includes(s.reason), 'the reason');
    }
    await expectNoViolations(el, "ticket view with the model's guess");
    // The model's own category, applied: sure enough, no rule matched.
    const { guess } = el.open!;
    el.open = {
      ...el.open!,
      guess: { ...guess!, applied: true, threshold: 0, rules: [] },
    };
    el.open.ticket.category = guess!.category;
    el.open = { ...el.open };
    await el.updateComplete;
    ok(details(el)["Model's guess"]?.includes(', applied'), 'applied');
    equal(q(el, '.guess .applied').textContent, 'applied');
  });

  it('is left out where the server has no guess for the ticket (404)', async () => {
    const el = await mountConsole();
    await signIn(el);
    const token = el.api.token!;
    // The seeded history was filed before the classifier started.
    const page = await callAs(token, '/tickets?status=resolved&limit=50');
    let without: string | undefined;
    for (const t of page.body.items as { id: string }[]) {
      const answer = await callAs(token, `/tickets/${t.id}/suggestion`);
      if (answer.status === 404) {
        equal(answer.body.error.code, 'NOT_FOUND');
        without = t.id;
        break;
      }
    }
    ok(without, 'a ticket without a suggestion');
    await open(el, without);
    equal(details(el)["Model's guess"], undefined, 'no guess row');
    equal(el.error, '', 'no error shown');
  });
});
