import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/desk.js';
import type { TicketryError } from '../errors.js';
import { createMemoryStore } from '../store/memory-store.js';
import { ada, relationsDesk } from './test-support.js';

const codeOf = async (work: Promise<unknown>) =>
  work.then(
    () => 'resolved',
    (e: TicketryError) => `${e.code}:${e.details.reason ?? ''}`,
  );

describe('links', () => {
  it('records related both ways with one audited event on each ticket', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const [a, b] = [await submit('Wifi slow'), await submit('Wifi drops')];
    const { events } = await relations.link(
      a.id,
      { type: 'related', ticketId: b.id },
      ada,
    );
    expect(events.map((e) => [e.ticketId, e.type, e.actor.id])).toEqual([
      [a.id, 'ticket.linked', 'ada'],
      [b.id, 'ticket.linked', 'ada'],
    ]);
    expect(events[1]?.data).toMatchObject({
      link: { type: 'related', ticketId: b.id },
      origin: a.id,
      holder: b.id,
    });
    expect((await desk.get(b.id))?.links).toEqual([
      { type: 'related', ticketId: a.id },
    ]);
  });

  it('refuses a self link, a merged ticket and a second parent', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const [a, b, c, d] = [
      await submit('One'),
      await submit('Two'),
      await submit('Three'),
      await submit('Four'),
    ];
    expect(
      await codeOf(
        relations.link(a.id, { type: 'related', ticketId: a.id }, ada),
      ),
    ).toBe('LINK_NOT_ALLOWED:self');
    await relations.link(a.id, { type: 'child_of', ticketId: b.id }, ada);
    expect(
      await codeOf(
        relations.link(c.id, { type: 'parent_of', ticketId: a.id }, ada),
      ),
    ).toBe('LINK_NOT_ALLOWED:has_child_of');
    await desk.merge(d.id, { intoId: c.id }, { actor: ada });
    expect(
      await codeOf(
        relations.link(a.id, { type: 'related', ticketId: d.id }, ada),
      ),
    ).toBe('LINK_NOT_ALLOWED:merged');
    expect((await desk.get(a.id))?.links).toEqual([
      { type: 'child_of', ticketId: b.id },
    ]);
  });

  it('refuses a depends-on loop however it is written', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const [a, b, c] = [await submit('A'), await submit('B'), await submit('C')];
    await relations.link(a.id, { type: 'depends_on', ticketId: b.id }, ada);
    await relations.link(c.id, { type: 'blocks', ticketId: b.id }, ada);
    // a → b → c; "a blocks c" would make c depend on a.
    const refused = await codeOf(
      relations.link(a.id, { type: 'blocks', ticketId: c.id }, ada),
    );
    expect(refused).toBe('LINK_CYCLE:');
    expect((await desk.get(c.id))?.links).toEqual([
      { type: 'blocks', ticketId: b.id },
    ]);
  });

  it("answers NOT_FOUND for another site's ticket and writes nothing", async () => {
    const store = createMemoryStore();
    const { desk, relations, submit } = await relationsDesk({}, { store });
    const elsewhere = createDesk({ store, siteId: 'other' });
    const theirs = await elsewhere.submit({
      subject: 'Theirs',
      description: 'x',
      requester: { email: 'x@example.com' },
    });
    const mine = await submit('Mine');
    const code = await codeOf(
      relations.link(
        mine.id,
        { type: 'related', ticketId: theirs.ticket.id },
        ada,
      ),
    );
    expect(code).toBe('NOT_FOUND:');
    expect((await desk.get(mine.id))?.version).toBe(1);
  });

  it('lets only active agents link', async () => {
    const { relations, submit } = await relationsDesk();
    const [a, b] = [await submit('A'), await submit('B')];
    const requester = { role: 'requester', id: a.requesterId } as const;
    const link = { type: 'related', ticketId: b.id } as const;
    expect(await codeOf(relations.link(a.id, link, requester))).toBe(
      'FORBIDDEN:',
    );
    const ghost = { role: 'agent', id: 'nobody' } as const;
    expect(await codeOf(relations.link(a.id, link, ghost))).toBe('FORBIDDEN:');
    const merged = { type: 'merged_from', ticketId: b.id } as never;
    expect(await codeOf(relations.link(a.id, merged, ada))).toBe(
      'VALIDATION_FAILED:',
    );
  });

  it('keeps every link when several are added to one ticket at once', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const hub = await submit('Outage');
    const others = [];
    for (let i = 0; i < 4; i++) others.push(await submit(`Report ${i}`));
    await Promise.all(
      others.map((o) =>
        relations.link(o.id, { type: 'related', ticketId: hub.id }, ada),
      ),
    );
    const links = (await desk.get(hub.id))?.links.map((l) => l.ticketId);
    expect(links?.sort()).toEqual(others.map((o) => o.id).sort());
  });

  it('unlinks both sides and says NOT_FOUND for a link that is not there', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const [a, b] = [await submit('A'), await submit('B')];
    const link = { type: 'duplicate_of', ticketId: b.id } as const;
    await relations.link(a.id, link, ada);
    expect((await desk.get(b.id))?.links).toEqual([
      { type: 'duplicated_by', ticketId: a.id },
    ]);
    const { events } = await relations.unlink(a.id, link, ada);
    expect(events.map((e) => e.type)).toEqual([
      'ticket.unlinked',
      'ticket.unlinked',
    ]);
    expect((await desk.get(b.id))?.links).toEqual([]);
    expect(await codeOf(relations.unlink(a.id, link, ada))).toBe('NOT_FOUND:');
  });
});
