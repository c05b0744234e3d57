/**
 * Memory of the core: bytes per stored ticket (with its events, its
 * requester and the store's indexes) and per idle loaded ticket, next
 * to an idle started XState actor. Needs `--expose-gc`.
 */
import { lifecycleMachine, type Ticket } from '@ticketry/core';
import { createActor, type Actor as XActor } from 'xstate';
import {
  AGENT,
  createBenchDesk,
  startTicket,
  submission,
} from './core-fixtures.ts';
import type { BenchFigure } from './types.ts';
import { figure, settledHeap } from './util.ts';

/** What a measurement holds on to until the heap after it is read. */
const alive: unknown[] = [];

/** Bytes per ticket after storing `count` of them the way `fill` does. */
async function storedBytes(
  count: number,
  fill: (
    desk: Awaited<ReturnType<typeof createBenchDesk>>,
    i: number,
  ) => Promise<unknown>,
): Promise<number> {
  const desk = await createBenchDesk();
  alive.push(desk);
  const before = settledHeap();
  for (let i = 0; i < count; i++) await fill(desk, i);
  const after = settledHeap();
  alive.length = 0;
  return (after - before) / count;
}

/** A ticket with a typical history: seven events, submit to close. */
async function fullHistory(
  desk: Awaited<ReturnType<typeof createBenchDesk>>,
  i: number,
) {
  const { ticket } = await desk.submit(submission(i));
  await startTicket(desk, ticket.id, ticket.requesterId);
  const ctx = { actor: AGENT };
  await desk.reply(ticket.id, { body: 'We are on it.' }, ctx);
  await desk.resolve(ticket.id, { code: 'fixed', note: 'Replaced it.' }, ctx);
  await desk.close(ticket.id, {}, ctx);
}

async function loadedBytes(count: number) {
  const desk = await createBenchDesk();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await desk.submit(submission(i))).ticket.id);
  }
  alive.push(desk, ids);
  const before = settledHeap();
  const held: Ticket[] = [];
  alive.push(held);
  for (const id of ids) held.push((await desk.get(id))!);
  const after = settledHeap();
  alive.length = 0;
  return (after - before) / count;
}

function actorBytes(count: number) {
  const snapshot = lifecycleMachine.resolveState({
    value: 'in_progress',
    context: {},
  });
  const before = settledHeap();
  const held: XActor<typeof lifecycleMachine>[] = [];
  alive.push(held);
  for (let i = 0; i < count; i++) {
    held.push(createActor(lifecycleMachine, { snapshot }).start());
  }
  const after = settledHeap();
  for (const actor of held) actor.stop();
  alive.length = 0;
  return (after - before) / count;
}

/** The memory figures, each over `repeats` fresh desks of `count` tickets. */
export async function memoryFigures(
  count: number,
  repeats: number,
): Promise<BenchFigure[]> {
  const submitted: number[] = [];
  const history: number[] = [];
  const loaded: number[] = [];
  const actors: number[] = [];
  for (let r = 0; r < repeats; r++) {
    submitted.push(
      await storedBytes(count, (desk, i) => desk.submit(submission(i))),
    );
    history.push(await storedBytes(count, fullHistory));
    loaded.push(await loadedBytes(count));
    actors.push(actorBytes(count));
  }
  return [
    figure({
      name: 'memory per stored ticket, submitted (1 event)',
      unit: 'bytes',
      samples: submitted,
    }),
    figure({
      name: 'memory per stored ticket, submit to close (7 events)',
      unit: 'bytes',
      samples: history,
    }),
    figure({
      name: 'memory per idle loaded ticket (held after desk.get)',
      unit: 'bytes',
      samples: loaded,
      baseline: { name: 'an idle started XState actor', samples: actors },
    }),
  ];
}
