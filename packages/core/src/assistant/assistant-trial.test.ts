/**
 * Regressions from a fresh user's trial of the assistant: deflections
 * without an offer, a direction override in the first message, a
 * greeting taken for the problem, answers that were none, and the
 * status of a requester with no requests.
 */
import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import { HANDOVER, SOLVED } from './answerer.js';
import { createAssistant } from './assistant.js';
import { defaultIntentRecognizer } from './default-intents.js';
import { collectTicketFlow } from './flows/collect-ticket.js';
import { passwordResetFlow } from './flows/password-reset.js';
import { ticketStatusFlow } from './flows/ticket-status.js';
import { ASSISTANT_CATALOGS } from './i18n/index.js';
import type { ArticleSuggestion, AssistantReply } from './types.js';

const recognizer = defaultIntentRecognizer();
const en = ASSISTANT_CATALOGS.en;
const said = (replies: AssistantReply[]) => replies.map((r) => r.text);

function setup(articles: ArticleSuggestion[] = []) {
  const desk = createDesk({ store: createMemoryStore() });
  const solved: string[][] = [];
  const assistant = createAssistant({
    recognizer,
    suggest: async () => articles,
    onSolved: (offered) => {
      solved.push(offered.map((a) => a.id));
    },
    flows: [
      ticketStatusFlow({
        tickets: { mine: async () => [], byRef: async () => null },
      }),
      passwordResetFlow({ url: 'https://id.example.com/reset' }),
      collectTicketFlow({
        createTicket: async ({ attachments: _none, ...s }) => {
          const { ticket } = await desk.submit({ ...s, channel: 'chat' });
          return { id: ticket.id, ref: ticket.ref };
        },
      }),
    ],
  });
  /** Sends each message in turn; answers the last replies. */
  const run = async (
    ...messages: (string | { text: string; choice?: string })[]
  ) => {
    let last: AssistantReply[] = [];
    for (const m of messages) last = await assistant.send(m);
    return last;
  };
  const ticketOf = async (replies: AssistantReply[]) => {
    const r = replies.find((x) => x.type === 'ticket');
    return r?.type === 'ticket' ? desk.get(r.ticket.id) : null;
  };
  return { assistant, solved, run, ticketOf };
}

const VPN: ArticleSuggestion = {
  id: 'article:vpn',
  title: 'Connect to the VPN',
};

describe('the trial’s regressions', () => {
  it('records no deflection for "solved" when nothing was offered', async () => {
    const { run, solved } = setup();
    const replies = await run({ text: '', choice: SOLVED });
    expect(solved).toEqual([]);
    expect(said(replies)).not.toContain(en.glad);
    expect(replies[0]).toMatchObject({ type: 'choices', text: en.notSure });
  });

  it('records one deflection per offer, however often "solved" is repeated', async () => {
    const { run, solved } = setup([VPN]);
    const first = await run('the vpn drops', {
      text: 'Yes, solved',
      choice: SOLVED,
    });
    expect(said(first)).toEqual([en.glad]);
    await run({ text: '', choice: SOLVED }, { text: '', choice: SOLVED });
    expect(solved).toEqual([['article:vpn']]);
    await run('the vpn drops again', { text: 'Yes, solved', choice: SOLVED });
    expect(solved).toEqual([['article:vpn'], ['article:vpn']]);
  });

  it('opens the ticket when the first message holds a direction override', async () => {
    const { run, ticketOf } = setup();
    const problem = 'My monitor \u202Eflickers all day';
    const confirm = await run(
      problem,
      { text: 'Talk to a person', choice: HANDOVER },
      { text: 'Skip', choice: 'skip' },
      'ada@example.com',
    );
    // The quote is isolated and holds no override.
    expect(confirm[0]?.text).toContain(
      '“\u2068My monitor flickers all day\u2069”',
    );
    expect(confirm[0]?.text).not.toContain('\u202E');
    const done = await run({ text: 'Open the ticket', choice: 'yes' });
    const ticket = await ticketOf(done);
    expect(ticket?.subject).toBe('My monitor flickers all day');
    expect(ticket?.description).toBe(problem);
  });

  it('asks a typed subject again, with the reason, when it holds an override', async () => {
    const { run } = setup();
    const asked = await run('hi', {
      text: 'Talk to a person',
      choice: HANDOVER,
    });
    expect(said(asked).at(-1)).toBe(en.askSubject);
    const again = await run('Printer \u202Ejams');
    expect(said(again)).toEqual([en.answerControl, en.askSubject]);
  });

  it('files the problem stated after a greeting, not the greeting', async () => {
    const { run, ticketOf } = setup();
    const problem = 'My monitor flickers all the time since Monday';
    const asked = await run('hi', problem);
    expect(said(asked)).toEqual([en.handover, en.askDetails]);
    const confirm = await run(
      'It started after the update.',
      'ada@example.com',
    );
    expect(confirm[0]?.text).toContain(`“\u2068${problem}\u2069”`);
    const ticket = await ticketOf(await run({ text: 'Open', choice: 'yes' }));
    expect(ticket?.subject).toBe(problem);
    expect(ticket?.description).toBe(
      `${problem}\n\nIt started after the update.`,
    );
  });

  it('asks "Did that work?" again for an answer that is neither yes nor no', async () => {
    const { run, assistant } = setup();
    const again = await run('I forgot my password', 'maybe later');
    expect(said(again)).toEqual([en.answerYesNo, en.resetCheck]);
    expect(assistant.activeFlow).toBe('password-reset');
    const done = await run('yes');
    expect(said(done)).toEqual([en.resetSolved]);
  });

  it('reads a choice that was never offered as its text, and asks again without text', async () => {
    const { run, assistant } = setup();
    const confirm = await run(
      'The printer on floor 3 is jammed',
      { text: 'Talk to a person', choice: HANDOVER },
      { text: 'Skip', choice: 'skip' },
      'ada@example.com',
    );
    expect(confirm[0]).toMatchObject({ type: 'choices' });
    const banana = await run({ text: '', choice: 'banana' });
    expect(banana).toEqual([confirm[0]]);
    const skip = await run({ text: 'Skip', choice: 'skip' });
    expect(said(skip)).toEqual([en.answerYesNo, confirm[0]!.text]);
    expect(assistant.activeFlow).toBe('collect-ticket');
  });

  it('tells a signed-in requester with no requests so, and asks no reference', async () => {
    const { run } = setup();
    const replies = await run('what is the status of my ticket?');
    expect(said(replies)).toEqual([en.noRequests]);
  });

  it('answers a regional tag in its base language', async () => {
    const { assistant } = setup();
    const replies = await assistant.send({
      text: 'I forgot my password',
      locale: 'de-CH',
    });
    expect(replies[0]?.text).toBe(ASSISTANT_CATALOGS.de.resetOffer);
    expect(ASSISTANT_CATALOGS.es.askRef).toContain('el aspecto de T-1042');
  });
});
