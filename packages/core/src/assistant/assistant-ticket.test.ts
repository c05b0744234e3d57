import { describe, expect, it } from 'vitest';
import { createTriage } from '../classify/triage.js';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import { HANDOVER } from './answerer.js';
import { createAssistant } from './assistant.js';
import { defaultIntentRecognizer } from './default-intents.js';
import { collectTicketFlow } from './flows/collect-ticket.js';
import type { AssistantReply } from './types.js';

const recognizer = defaultIntentRecognizer();

/** A desk whose rules file VPN words as Access, as the demo's do. */
async function setup() {
  const desk = createDesk({ store: createMemoryStore() });
  const triage = await createTriage(desk, {
    rules: [
      {
        id: 'access-words',
        any: [{ field: 'text', contains: ['vpn', 'password'] }],
        set: { category: 'Access', tags: ['access'] },
      },
    ],
  });
  const assistant = createAssistant({
    recognizer,
    suggest: async () => [
      { id: 'article:vpn', title: 'Connect to the VPN from home' },
    ],
    flows: [
      collectTicketFlow({
        createTicket: async ({ attachments: _none, ...s }, conversation) => {
          const { ticket } = await desk.submit({ ...s, channel: 'chat' });
          await desk.note(
            ticket.id,
            { body: conversation.text },
            { actor: desk.core.system },
          );
          return { id: ticket.id, ref: ticket.ref };
        },
      }),
    ],
  });
  /** Runs a conversation to its ticket; answers the ticket. */
  const file = async (problem: string, description: string) => {
    await assistant.send(problem);
    await assistant.send({ text: 'No, I still need help', choice: HANDOVER });
    await assistant.send(description);
    await assistant.send('ada@example.com');
    const done = await assistant.send({ text: 'Open', choice: 'yes' });
    const reply = done.find(
      (r): r is Extract<AssistantReply, { type: 'ticket' }> =>
        r.type === 'ticket',
    );
    await triage.idle();
    const ticket = await desk.get(reply!.ticket.id);
    return ticket!;
  };
  return { desk, triage, file };
}

describe('tickets the assistant opens', () => {
  it('are classified from the requester’s words, not the offered article title', async () => {
    const { desk, triage, file } = await setup();
    const ticket = await file(
      'My laptop screen is flickering since the update',
      'It flickers every few seconds, an external monitor is fine.',
    );
    expect(ticket.subject).toBe(
      'My laptop screen is flickering since the update',
    );
    expect(ticket.description).toBe(
      'My laptop screen is flickering since the update\n\nIt flickers every few seconds, an external monitor is fine.',
    );
    expect(ticket.category ?? null).toBeNull();
    expect(ticket.tags).not.toContain('access');
    const suggestion = await triage.getSuggestion(ticket.id);
    expect(suggestion?.rules ?? []).toEqual([]);
    // The agents still read the whole conversation, offered article included.
    const note = (await desk.events(ticket.id)).find(
      (e) => e.type === 'ticket.noted',
    );
    expect(note?.data).toMatchObject({ visibility: 'internal' });
    expect(String(note?.data?.body)).toMatch(
      /Assistant: These articles may help: Connect to the VPN from home/,
    );
    expect(String(note?.data?.body)).toMatch(
      /Requester: My laptop screen is flickering/,
    );
  });

  it('still get the rule’s category when the requester wrote the word', async () => {
    const { file } = await setup();
    const ticket = await file(
      'The VPN drops every hour',
      'Since Monday, at home and in the office.',
    );
    expect(ticket.category).toBe('Access');
    expect(ticket.tags).toContain('access');
  });
});
