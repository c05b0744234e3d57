import { describe, expect, it } from 'vitest';
import { SPLIT_KIND } from './split-once.js';
import { ada, relationsDesk } from './test-support.js';

describe('split is done once per message', () => {
  it('refuses a second split of the same message with ALREADY_SPLIT naming the ticket made', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const source = await submit('Two problems');
    const [submitted] = await desk.events(source.id);
    const { created } = await relations.split(
      source.id,
      submitted!.id,
      {},
      ada,
    );
    const before = (await desk.list({})).items.length;
    const again = relations.split(source.id, submitted!.id, {}, ada);
    await expect(again).rejects.toMatchObject({
      code: 'ALREADY_SPLIT',
      status: 409,
      details: { ticketId: created.id, ref: created.ref },
    });
    await expect(again).rejects.toThrow(created.ref);
    expect((await desk.list({})).items).toHaveLength(before);
  });

  it('makes one ticket when the same message is split twice at once', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const source = await submit('Racing');
    const [submitted] = await desk.events(source.id);
    const results = await Promise.allSettled([
      relations.split(source.id, submitted!.id, {}, ada),
      relations.split(source.id, submitted!.id, {}, ada),
    ]);
    const made = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(made).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'ALREADY_SPLIT',
    });
    const links = (await desk.get(source.id))!.links;
    expect(links.filter((l) => l.type === 'split_into')).toHaveLength(1);
  });

  it('recognises a split recorded only in events (before split records)', async () => {
    const { desk, store, relations, submit } = await relationsDesk();
    const source = await submit('Old split');
    const [submitted] = await desk.events(source.id);
    const { created } = await relations.split(
      source.id,
      submitted!.id,
      {},
      ada,
    );
    const key = `${source.id}/${submitted!.id}`;
    const mark = await store.getRecord(desk.siteId, SPLIT_KIND, key);
    await store.deleteRecord(desk.siteId, SPLIT_KIND, key, mark!.version);
    await expect(
      relations.split(source.id, submitted!.id, {}, ada),
    ).rejects.toMatchObject({
      code: 'ALREADY_SPLIT',
      details: { ref: created.ref },
    });
  });

  it('lets another message of the same ticket be split', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const source = await submit('Many');
    const { event } = await desk.reply(
      source.id,
      { body: 'Another problem.' },
      { actor: { role: 'requester', id: source.requesterId } },
    );
    const [submitted] = await desk.events(source.id);
    await relations.split(source.id, submitted!.id, {}, ada);
    const reply = (event.data as { messageId: string }).messageId;
    const { created } = await relations.split(source.id, reply, {}, ada);
    expect(created.description).toBe('Another problem.');
  });
});
