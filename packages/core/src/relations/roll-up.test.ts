import { describe, expect, it } from 'vitest';
import type { TicketryError } from '../errors.js';
import { ada, relationsDesk, sam } from './test-support.js';

const fix = { code: 'fixed', note: 'Done.' };
const DAY = 86_400_000;

async function family(rollUp: 'block' | 'auto' | 'none', children = 2) {
  const env = await relationsDesk({ rollUp });
  const parent = await env.submit('Onboard the new team');
  const kids = [];
  for (let i = 0; i < children; i++) {
    const child = await env.submit(`Laptop ${i + 1}`);
    await env.relations.link(
      parent.id,
      { type: 'parent_of', ticketId: child.id },
      ada,
    );
    kids.push(child);
  }
  return { ...env, parent, kids };
}

describe("the roll-up policy 'block'", () => {
  it('refuses to resolve a parent with an open child, with CHILDREN_OPEN', async () => {
    const { desk, parent, kids } = await family('block');
    await desk.resolve(kids[0]!.id, fix, { actor: ada });
    const error = await desk
      .resolve(parent.id, fix, { actor: ada })
      .catch((e: TicketryError) => e);
    expect(error).toMatchObject({
      code: 'CHILDREN_OPEN',
      details: { children: [{ id: kids[1]!.id, ref: kids[1]!.ref }] },
    });
    await desk.resolve(kids[1]!.id, fix, { actor: ada });
    const { ticket } = await desk.resolve(parent.id, fix, { actor: ada });
    expect(ticket.status).toBe('resolved');
  });

  it('lets a supervisor force it and records the force; an agent may not', async () => {
    const { desk, parent } = await family('block');
    const forced = { ...fix, force: true };
    await expect(
      desk.resolve(parent.id, forced, { actor: ada }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { ticket, event } = await desk.resolve(parent.id, forced, {
      actor: sam,
    });
    expect(ticket.status).toBe('resolved');
    expect(event.data).toEqual({ force: true });
    await expect(
      desk.close(parent.id, {}, { actor: ada }),
    ).rejects.toMatchObject({ code: 'CHILDREN_OPEN' });
    const closed = await desk.close(parent.id, { force: true }, { actor: sam });
    expect(closed.event.data).toEqual({ force: true });
  });

  it("does not stop the system's auto-close of a resolved parent", async () => {
    const { desk, clock, parent } = await family('block');
    await desk.resolve(parent.id, { ...fix, force: true }, { actor: sam });
    clock.advance(6 * DAY);
    await desk.tick();
    expect((await desk.get(parent.id))?.status).toBe('closed');
  });
});

describe("the roll-up policy 'auto'", () => {
  it('resolves the parent as the system when its last child resolves', async () => {
    const { desk, relations, parent, kids } = await family('auto', 3);
    await desk.resolve(kids[0]!.id, fix, { actor: ada });
    await desk.cancel(kids[1]!.id, { reason: 'duplicate' }, { actor: ada });
    await relations.idle();
    expect((await desk.get(parent.id))?.status).toBe('new');
    await desk.resolve(kids[2]!.id, fix, { actor: ada });
    await relations.idle();
    const after = await desk.get(parent.id);
    expect(after?.status).toBe('resolved');
    expect(after?.resolution?.code).toBe('children_resolved');
    expect(after?.resolution?.note).toContain(kids[2]!.ref);
    const last = (await desk.events(parent.id)).at(-1);
    expect(last).toMatchObject({
      type: 'ticket.resolved',
      actor: { role: 'system', id: null },
    });
  });

  it('leaves a parent alone when every child was only cancelled', async () => {
    const { desk, relations, parent, kids } = await family('auto', 1);
    await desk.cancel(kids[0]!.id, { reason: 'withdrawn' }, { actor: ada });
    await relations.idle();
    expect((await desk.get(parent.id))?.status).toBe('new');
  });
});

describe("the roll-up policy 'none'", () => {
  it('neither blocks nor resolves parents', async () => {
    const { desk, relations, parent, kids } = await family('none', 1);
    await desk.resolve(parent.id, fix, { actor: ada });
    await desk.resolve(kids[0]!.id, fix, { actor: ada });
    await relations.idle();
    const events = await desk.events(parent.id);
    expect(events.filter((e) => e.type === 'ticket.resolved')).toHaveLength(1);
  });
});
