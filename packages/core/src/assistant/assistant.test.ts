import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import { type Answerer, HANDOVER, SOLVED } from './answerer.js';
import { createAssistant } from './assistant.js';
import { defaultIntentRecognizer } from './default-intents.js';
import { collectTicketFlow } from './flows/collect-ticket.js';
import { openingHoursFlow } from './flows/opening-hours.js';
import { passwordResetFlow } from './flows/password-reset.js';
import { ticketStatusFlow } from './flows/ticket-status.js';
import type { AssistantReply, AssistantRequester } from './types.js';

const recognizer = defaultIntentRecognizer();
const clock = createManualClock('2026-03-02T10:00:00Z'); // a Monday

function setup(requester: AssistantRequester | null = null) {
  const desk = createDesk({
    store: createMemoryStore(),
    clock,
    sla: {
      calendars: [
        {
          id: 'office',
          timeZone: 'Europe/Berlin',
          hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
          holidays: [{ date: '2026-03-03', name: 'Founders day' }],
        },
      ],
      policies: [
        { id: 'standard', version: 1, targets: { high: { resolution: '8h' } } },
      ],
      defaultCalendarId: 'office',
    },
  });
  const form = {
    fields: [
      { name: 'asset', kind: 'text', label: 'Asset tag', required: true },
      {
        name: 'site',
        kind: 'select',
        label: 'Office',
        options: ['Berlin', 'Lyon'],
      },
    ],
  };
  const flows = [
    ticketStatusFlow({
      tickets: {
        mine: async () => null,
        byRef: async (ref) => {
          const t = await desk.getByRef(ref);
          return (
            t && {
              ref: t.ref,
              subject: t.subject,
              status: t.status,
              updatedAt: t.updatedAt,
            }
          );
        },
      },
    }),
    passwordResetFlow({ url: 'https://id.example.com/reset' }),
    openingHoursFlow({ calendar: desk.sla!.calendar('office'), clock }),
    collectTicketFlow({
      form,
      createTicket: async (s, conversation) => {
        const { attachments: _none, ...fields } = s;
        const { ticket } = await desk.submit({ ...fields, channel: 'chat' });
        await desk.note(
          ticket.id,
          { body: conversation.text },
          { actor: desk.core.system },
        );
        return { id: ticket.id, ref: ticket.ref };
      },
    }),
  ];
  return {
    desk,
    flows,
    assistant: createAssistant({ recognizer, flows, requester, clock }),
  };
}

const texts = (replies: AssistantReply[]) =>
  replies.map((r) => r.text).join('\n');

describe('createAssistant', () => {
  it('links to the site’s own reset page and hands over when it did not work', async () => {
    const { assistant } = setup({ email: 'ada@example.com' });
    const first = await assistant.send('I forgot my password');
    expect(first[0]).toMatchObject({
      type: 'link',
      href: 'https://id.example.com/reset',
    });
    expect(assistant.activeFlow).toBe('password-reset');
    const second = await assistant.send({ text: 'No', choice: 'no' });
    expect(texts(second)).toMatch(/pass it to a person/);
    expect(assistant.activeFlow).toBe('collect-ticket');
  });

  it('files what a flow could not solve as the ticket’s subject', async () => {
    const { assistant, desk } = setup({ email: 'ada@example.com' });
    await assistant.send('I forgot my password');
    const asked = await assistant.send({ text: 'No', choice: 'no' });
    expect(texts(asked)).toMatch(/Anything to add/);
    await assistant.send('Locked out since the reset mail never came.');
    await assistant.send('PC-7');
    await assistant.send({ text: 'Skip', choice: 'skip' });
    const done = await assistant.send({ text: 'Open', choice: 'yes' });
    const reply = done.find((r) => r.type === 'ticket');
    const ref = reply?.type === 'ticket' ? reply.ticket.ref : '';
    const ticket = await desk.getByRef(ref);
    expect(ticket?.subject).toBe('I forgot my password');
    expect(ticket?.description).toBe(
      'I forgot my password\n\nLocked out since the reset mail never came.',
    );
    expect(ticket?.fields).toEqual({ asset: 'PC-7' });
  });

  it('answers opening hours from the business calendar', async () => {
    const { assistant } = setup();
    const replies = await assistant.send('what are your opening hours?');
    const said = texts(replies);
    expect(said).toMatch(
      /open now, until Monday, March 2 at 5:00\sPM \(Europe\/Berlin/,
    );
    expect(said).toMatch(/Mon 9:00\sAM–5:00\sPM/);
    expect(said).toMatch(/Wed closed/);
    expect(said).toMatch(/Mar 3, 2026 \(Founders day\)/);
    expect(assistant.activeFlow).toBeNull();
  });

  it('collects the form one question at a time and opens the ticket with the transcript', async () => {
    const { assistant, desk } = setup();
    const first = await assistant.send(
      'the docking station in room 4 gives no picture',
    );
    expect(first.some((r) => r.type === 'choices')).toBe(true);
    const handover = await assistant.send({
      text: 'Talk to a person',
      choice: HANDOVER,
    });
    expect(texts(handover)).toMatch(/Anything to add/);
    expect(
      texts(await assistant.send('Since this morning, tried two cables.')),
    ).toMatch(/email/);
    expect(texts(await assistant.send('not an address'))).toMatch(/email/);
    expect(texts(await assistant.send('ada@example.com'))).toMatch(/Asset tag/);
    const office = await assistant.send('PC-0042');
    expect(office[0]).toMatchObject({ type: 'choices' });
    expect(texts(await assistant.send('Paris'))).toMatch(/Office/);
    const confirm = await assistant.send('lyon');
    expect(texts(confirm)).toMatch(/docking station/);
    const done = await assistant.send({
      text: 'Open the ticket',
      choice: 'yes',
    });
    const ticketReply = done.find((r) => r.type === 'ticket');
    expect(ticketReply?.type).toBe('ticket');
    const ref = ticketReply?.type === 'ticket' ? ticketReply.ticket.ref : '';
    const ticket = await desk.getByRef(ref);
    expect(ticket?.subject).toBe(
      'the docking station in room 4 gives no picture',
    );
    expect(ticket?.fields).toEqual({ asset: 'PC-0042', site: 'Lyon' });
    expect(ticket?.description).toBe(
      'the docking station in room 4 gives no picture\n\nSince this morning, tried two cables.',
    );
    const notes = (await desk.events(ticket!.id)).filter(
      (e) => e.type === 'ticket.noted',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]?.actor.role).toBe('system');
    expect(notes[0]?.data).toMatchObject({ visibility: 'internal' });
    const note = String(notes[0]?.data?.body);
    expect(note).toMatch(/^— Conversation with the assistant —/);
    expect(note).toMatch(/Requester: the docking station in room 4/);
    expect(note).toMatch(/Requester: PC-0042/);
    expect(note).toMatch(/Assistant: Which email address/);
    expect(texts(done)).toMatch(new RegExp(`opened ticket ${ref}`));
  });

  it('tells the status of a ticket by its reference', async () => {
    const { assistant, desk } = setup();
    const { ticket } = await desk.submit({
      subject: 'VPN drops',
      description: 'every hour',
      requester: { email: 'bo@example.com' },
    });
    const ask = await assistant.send('what is the status of my ticket?');
    expect(texts(ask)).toMatch(/reference/);
    const answer = await assistant.send(`it is ${ticket.ref.toLowerCase()}`);
    expect(texts(answer)).toContain(
      `${ticket.ref} “\u2068VPN drops\u2069”: new`,
    );
    const unknown = await assistant.send('status of T-999999');
    expect(texts(unknown)).toMatch(/found no ticket T-999999/);
  });

  it('offers articles and records that one solved it', async () => {
    const solved: string[] = [];
    const { flows } = setup();
    const assistant = createAssistant({
      recognizer,
      flows,
      suggest: async () => [{ id: 'kb-1', title: 'Fix a flickering screen' }],
      onSolved: (articles) => {
        solved.push(...articles.map((a) => a.id));
      },
    });
    const replies = await assistant.send('screen flickers all the time');
    expect(replies[0]).toMatchObject({
      type: 'articles',
      articles: [{ id: 'kb-1' }],
    });
    await assistant.send({ text: 'Yes', choice: SOLVED });
    expect(solved).toEqual(['kb-1']);
  });

  it('uses a plugged answerer, and falls back when its reply is not safe', async () => {
    const { flows } = setup();
    const model: Answerer = {
      answer: async (r) => [{ type: 'text', text: `echo: ${r.message}` }],
    };
    const assistant = createAssistant({ recognizer, flows, answerer: model });
    expect(texts(await assistant.send('the coffee machine is sad'))).toBe(
      'echo: the coffee machine is sad',
    );
    const unsafe: Answerer = {
      answer: async () => [
        {
          type: 'link',
          text: 'click',
          label: 'x',
          href: 'javascript:alert(1)',
        },
      ],
    };
    const guarded = createAssistant({ recognizer, flows, answerer: unsafe });
    const replies = await guarded.send('the coffee machine is sad');
    expect(JSON.stringify(replies)).not.toMatch(/javascript/);
  });

  it('asks once what is needed, then hands over on the second miss', async () => {
    const { assistant } = setup();
    const first = await assistant.send('the coffee machine is sad');
    const menu = first.find((r) => r.type === 'choices');
    expect(
      menu?.type === 'choices' && menu.choices.map((c) => c.value),
    ).toEqual([
      'flow:ticket-status',
      'flow:password-reset',
      'flow:opening-hours',
      'handover',
    ]);
    expect(assistant.activeFlow).toBeNull();
    const second = await assistant.send('it makes odd noises');
    expect(texts(second)).toMatch(/pass it to a person/);
    expect(assistant.activeFlow).toBe('collect-ticket');
  });

  it('refuses empty and oversized messages', async () => {
    const { assistant } = setup();
    await expect(assistant.send('  ')).rejects.toThrow(/message or a choice/);
    await expect(assistant.send('x'.repeat(2001))).rejects.toThrow(/message/);
  });

  it('refuses a reset link that is not http or https', () => {
    expect(() => passwordResetFlow({ url: 'javascript:alert(1)' })).toThrow(
      /http or https/,
    );
  });
});
