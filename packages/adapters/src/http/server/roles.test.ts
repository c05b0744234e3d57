import {
  type Actor,
  COMMAND_TYPES,
  type CommandInput,
  type Desk,
  lookupTransition,
  type MachineState,
  type Role,
  type Ticket,
} from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUESTER_COMMANDS } from './command-routes.js';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
let session: string;
beforeAll(async () => {
  t = await startServer();
  await t.desk.store.putAgent({
    ...(await t.desk.getAgent('sam'))!,
    email: 'sam@example.com',
  });
  await t.desk.setAgentPassword('sam', 'correct horse battery');
  // At the default scrypt cost (two hashes): the session is under test.
  session = (await t.desk.signIn('sam@example.com', 'correct horse battery'))
    .token;
});
afterAll(() => t.close());

const SUPERVISOR: Actor = { role: 'supervisor', id: 'sam' };

/** A valid body for each command. */
function payloadFor(type: CommandInput['type'], intoId: string): CommandInput {
  const payloads: Partial<Record<CommandInput['type'], CommandInput>> = {
    triage: {
      type: 'triage',
      impact: 'medium',
      urgency: 'low',
      teamId: 'service-desk',
    },
    update: { type: 'update', subject: 'Updated subject' },
    assign: { type: 'assign', assigneeId: 'ada', teamId: 'service-desk' },
    pend: { type: 'pend', reason: 'vendor' },
    reply: { type: 'reply', body: 'A public reply' },
    note: { type: 'note', body: 'An internal note' },
    resolve: { type: 'resolve', code: 'fixed', note: 'Replaced the cable' },
    rate: { type: 'rate', rating: 4 },
    cancel: { type: 'cancel', reason: 'withdrawn' },
    merge: { type: 'merge', intoId },
  };
  return payloads[type] ?? ({ type } as CommandInput);
}

const STEPS: Record<string, CommandInput['type'][]> = {
  new: [],
  in_progress: ['triage', 'assign', 'start'],
  resolved: ['triage', 'assign', 'start', 'resolve'],
};

async function ticketIn(desk: Desk, state: string): Promise<Ticket> {
  let { ticket } = await desk.submit({
    subject: `Heading to ${state}`,
    description: 'Made by the roles test.',
    requester: { email: 'requester@example.com' },
  });
  for (const type of STEPS[state]!) {
    ({ ticket } = await desk.execute(ticket.id, payloadFor(type, ''), {
      actor: SUPERVISOR,
    }));
  }
  return ticket;
}

/** What the server must answer, from the route's rule and the machine. */
function expectedStatus(
  state: string,
  type: CommandInput['type'],
  role: Role,
): number {
  if (role === 'requester' && !REQUESTER_COMMANDS.has(type)) return 403;
  const reason = type === 'pend' ? 'vendor' : undefined;
  const outcome = lookupTransition(state as MachineState, type, role, reason);
  if (outcome.ok) return 200;
  return outcome.code === 'FORBIDDEN' ? 403 : 409;
}

describe('every command route checks the caller against the machine', () => {
  const callers: { name: string; role: Role }[] = [
    { name: 'requester token', role: 'requester' },
    { name: 'agent API key', role: 'agent' },
    { name: 'supervisor session', role: 'supervisor' },
  ];
  for (const state of Object.keys(STEPS)) {
    it(`in ${state}, for each command and caller`, async () => {
      const into = await ticketIn(t.desk, 'new');
      const seen = new Set<number>();
      for (const type of COMMAND_TYPES.filter((c) => c !== 'submit')) {
        for (const { name, role } of callers) {
          const ticket = await ticketIn(t.desk, state);
          const token =
            role === 'requester'
              ? await t.desk.createAccessToken(ticket.id)
              : role === 'agent'
                ? t.keys.agent
                : session;
          const response = await t.call(`/tickets/${ticket.id}/commands`, {
            token,
            body: payloadFor(type, into.id),
            headers: { 'if-match': `"${ticket.version}"` },
          });
          const label = `${state} ${type} by ${name}`;
          const { error } =
            response.status === 200 ? {} : await response.json();
          const wanted = expectedStatus(state, type, role);
          expect(response.status, `${label}: ${error?.message}`).toBe(wanted);
          seen.add(wanted);
          const after = await t.desk.get(ticket.id);
          expect(after!.version, label).toBe(
            ticket.version + (wanted === 200 ? 1 : 0),
          );
        }
      }
      // Each state exercises refusals as well as successes.
      expect(seen.has(200) && seen.has(403)).toBe(true);
    });
  }
});
