import { createManualClock } from '../clock.js';
import { createDesk } from '../desk/desk.js';
import type { Actor } from '../schemas/common.js';
import { createMemoryStore } from '../store/memory-store.js';
import {
  createKnowledgeBase,
  type KnowledgeBaseOptions,
} from './knowledge-base.js';

/** The agent of the test desks. */
export const ada: Actor = { role: 'agent', id: 'ada' };

/** A memory desk with Ada and a knowledge base over it. */
export async function kbDesk(options: KnowledgeBaseOptions = {}) {
  const clock = createManualClock('2024-03-04T09:00:00.000Z');
  const store = createMemoryStore();
  const desk = createDesk({ store, clock });
  await desk.createTeam({ id: 'desk', name: 'Service desk' });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['desk'],
  });
  const kb = createKnowledgeBase(desk.core, options);

  /** A ticket taken to resolved with a public resolution note. */
  const resolved = async (
    subject: string,
    description: string,
    note: string,
    email = 'grace@example.com',
  ) => {
    clock.advance(60_000);
    const { ticket } = await desk.submit({
      subject,
      description,
      requester: { email },
    });
    const ctx = { actor: ada };
    await desk.execute(
      ticket.id,
      { type: 'assign', assigneeId: 'ada', teamId: 'desk' },
      ctx,
    );
    await desk.execute(ticket.id, { type: 'start' }, ctx);
    await desk.execute(
      ticket.id,
      { type: 'note', body: `internal: called ${email}, secret runbook` },
      ctx,
    );
    const r = await desk.execute(
      ticket.id,
      { type: 'resolve', code: 'fixed', note },
      ctx,
    );
    return r.ticket;
  };
  return { desk, clock, store, kb, resolved };
}
