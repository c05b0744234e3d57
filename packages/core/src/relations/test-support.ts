import { createManualClock } from '../clock.js';
import { createDesk } from '../desk/desk.js';
import type { DeskOptions } from '../desk/desk-types.js';
import type { Actor } from '../schemas/common.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createRelations, type RelationsOptions } from './relations.js';

/** An agent and a supervisor of the test desks. */
export const ada: Actor = { role: 'agent', id: 'ada' };
export const sam: Actor = { role: 'supervisor', id: 'sam' };

/** A memory desk with Ada (agent) and Sam (supervisor), and relations on it. */
export async function relationsDesk(
  options: RelationsOptions = {},
  deskOptions: Partial<DeskOptions> = {},
) {
  const clock = createManualClock('2024-03-04T09:00:00.000Z');
  const store = deskOptions.store ?? createMemoryStore();
  const desk = createDesk({ store, clock, ...deskOptions });
  await desk.createTeam({ id: 'desk', name: 'Service desk' });
  for (const [id, role] of [
    ['ada', 'agent'],
    ['sam', 'supervisor'],
  ] as const) {
    await desk.createAgent({ id, name: id, role, teamIds: ['desk'] });
  }
  const relations = createRelations(desk, { duplicates: false, ...options });
  const submit = async (subject: string, email = 'grace@example.com') => {
    clock.advance(60_000);
    const { ticket } = await desk.submit({
      subject,
      description: `${subject}.`,
      requester: { email },
    });
    return ticket;
  };
  return { desk, clock, store, relations, submit };
}
