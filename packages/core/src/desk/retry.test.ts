import { describe, expect, it } from 'vitest';
import { ConflictError, TicketryError } from '../errors.js';
import { roundRobin } from '../routing/round-robin.js';
import { createRoutingService } from '../routing/service.js';
import { teamRules } from '../routing/team-rules.js';
import { agent, routingDesk, ticket } from '../routing/test-support.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { TicketStore } from '../store/types.js';
import { retryOnConflict, retryWhileConflict } from './retry.js';

const toDesk = teamRules({
  rules: [],
  fallbackTeamId: 'desk',
  pick: roundRobin(),
});

describe('retryOnConflict', () => {
  it('writes on the ticket as reloaded after another writer got in first', async () => {
    const { desk } = await routingDesk();
    const t = await ticket(desk);
    const system = desk.core.system;
    let calls = 0;
    const done = await retryOnConflict(desk.core, t.id, async (now) => {
      calls += 1;
      // The first time, a rival writes between our read and our write.
      if (calls === 1) {
        await desk.core.execute(
          t.id,
          { type: 'update', tags: ['rival'] },
          { actor: system, expectedVersion: now.version },
        );
      }
      const tags = [...now.tags, 'mine'];
      return desk.core.execute(
        t.id,
        { type: 'update', tags },
        { actor: system, expectedVersion: now.version },
      );
    });
    expect(calls).toBe(2);
    expect(done?.ticket.tags).toEqual(['rival', 'mine']);
  });

  it('answers null without writing when the work is no longer needed', async () => {
    const { desk } = await routingDesk();
    const t = await ticket(desk);
    const done = await retryOnConflict(desk.core, t.id, () => null);
    expect(done).toBeNull();
    expect((await desk.get(t.id))?.version).toBe(t.version);
  });

  it('throws the conflict after the last attempt and other errors at once', async () => {
    const { desk } = await routingDesk();
    const t = await ticket(desk);
    let calls = 0;
    const losing = retryOnConflict(
      desk.core,
      t.id,
      () => {
        calls += 1;
        throw new ConflictError(t.id, 1, 2);
      },
      { attempts: 4, baseDelayMs: 1 },
    );
    await expect(losing).rejects.toBeInstanceOf(ConflictError);
    expect(calls).toBe(4);
    let other = 0;
    const failing = retryWhileConflict(async () => {
      other += 1;
      throw new TicketryError('VALIDATION_FAILED', 'no');
    });
    await expect(failing).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(other).toBe(1);
  });
});

/** A store whose writes to one ticket always lose the race. */
function alwaysConflicting(store: TicketStore, ticketId: () => string | null) {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'commit') return Reflect.get(target, key, receiver);
      return (write: Parameters<TicketStore['commit']>[0]) => {
        const id = ticketId();
        const routingWrite =
          write.event.type === 'ticket.assigned' &&
          (id === '*' || write.ticket.id === id);
        if (routingWrite) {
          throw new ConflictError(write.ticket.id, write.expectedVersion, -1);
        }
        return target.commit(write);
      };
    },
  });
}

describe('routing after lost races', () => {
  it('queues the ticket with the reason and tells onError; sweep routes it later', async () => {
    let victim: string | null = null;
    const store = alwaysConflicting(createMemoryStore(), () => victim);
    const { desk } = await routingDesk(store);
    await agent(desk, 'ada');
    const errors: string[] = [];
    const routing = createRoutingService(desk, {
      router: toDesk,
      onError: (error, id) => errors.push(`${id}:${(error as Error).name}`),
    });
    // The next ticket's id is not known before it is submitted: conflict
    // every assignment until the test lets go.
    victim = '*';
    const t = await desk.submit({
      subject: 'Badge reader',
      description: 'The badge reader rejects every badge.',
      requester: { email: 'grace@example.com' },
    });
    victim = t.ticket.id;
    await routing.idle();
    const queued = (await desk.events(t.ticket.id)).find(
      (e) => e.type === 'ticket.routing_queued',
    );
    expect(queued?.data).toMatchObject({ failed: true });
    expect(errors).toEqual([`${t.ticket.id}:ConflictError`]);
    expect((await desk.get(t.ticket.id))?.assigneeId).toBeNull();

    victim = null;
    const swept = await routing.sweep();
    expect(swept.map((o) => o.ticketId)).toEqual([t.ticket.id]);
    expect((await desk.get(t.ticket.id))?.assigneeId).toBe('ada');
    routing.stop();
  });

  it('sweep routes an open ticket nobody holds that routing never saw', async () => {
    const { desk } = await routingDesk();
    await agent(desk, 'ada');
    // Submitted while no routing service listened.
    const missed = await ticket(desk);
    const routing = createRoutingService(desk, { router: toDesk });
    const swept = await routing.sweep();
    expect(swept.map((o) => o.ticketId)).toEqual([missed.id]);
    expect((await desk.get(missed.id))?.assigneeId).toBe('ada');
    // A service that does not route by itself leaves such tickets alone.
    const other = await ticket(desk);
    routing.stop();
    const manual = createRoutingService(desk, { router: toDesk, auto: false });
    expect(await manual.sweep()).toEqual([]);
    expect((await desk.get(other.id))?.assigneeId).toBeNull();
  });
});
