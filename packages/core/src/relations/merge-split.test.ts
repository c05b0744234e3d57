import { describe, expect, it } from 'vitest';
import { ada, relationsDesk } from './test-support.js';
import type { MergeReceivedData } from './thread.js';

const asRequester = (t: { requesterId: string }) => ({
  actor: { role: 'requester', id: t.requesterId } as const,
});

describe('merge', () => {
  it('copies every message with where it came from, once, and interleaves the public ones in time', async () => {
    const { desk, clock, relations, submit } = await relationsDesk();
    const target = await submit('Mail bounces');
    const merged = await submit('Mail to partners bounces');
    await desk.note(merged.id, { body: 'Checked MX records.' }, { actor: ada });
    clock.advance(60_000);
    await desk.reply(target.id, { body: 'Looking into it.' }, { actor: ada });
    clock.advance(60_000);
    await desk.reply(
      merged.id,
      { body: 'Still bouncing.' },
      asRequester(merged),
    );
    await relations.merge(merged.id, target.id, { actor: ada });
    await relations.receiveMerge(merged.id, ada);
    await relations.idle();

    const events = await desk.events(target.id);
    const received = events.filter((e) => e.type === 'ticket.merge_received');
    expect(received).toHaveLength(1);
    const data = received[0]!.data as unknown as MergeReceivedData;
    expect(received[0]!.actor).toEqual(ada);
    const sourceIds = (await desk.events(merged.id)).map((e) => e.id);
    expect(data.messages.map((m) => m.body)).toEqual([
      'Mail to partners bounces.',
      'Checked MX records.',
      'Still bouncing.',
    ]);
    for (const m of data.messages) {
      expect(sourceIds).toContain(m.sourceEventId);
    }
    const view = await desk.publicView(target.id);
    expect(view.messages.map((m) => m.body)).toEqual([
      'Mail bounces.',
      'Mail to partners bounces.',
      'Looking into it.',
      'Still bouncing.',
    ]);
  });

  it('refuses a merge into itself or into a merged ticket', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const [a, b, c] = [await submit('A'), await submit('B'), await submit('C')];
    await expect(
      relations.merge(a.id, a.id, { actor: ada }),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    await relations.merge(b.id, c.id, { actor: ada });
    await expect(
      relations.merge(a.id, b.id, { actor: ada }),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect((await desk.get(a.id))?.status).toBe('new');
  });
});

describe('split', () => {
  it('makes a ticket from the description with a default subject', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const source = await submit('Two problems');
    const [submitted] = await desk.events(source.id);
    const { created } = await relations.split(
      source.id,
      submitted!.id,
      {},
      ada,
    );
    expect(created.subject).toBe(`${source.ref}: Two problems`);
    const [first, split] = await desk.events(created.id);
    expect(first?.actor).toEqual(ada);
    expect(split?.data).toMatchObject({
      messageId: submitted!.id,
      from: source.id,
      into: created.id,
    });
  });

  it('splits a message that came in with a merge', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const target = await submit('Target');
    const merged = await submit('Merged');
    await relations.merge(merged.id, target.id, { actor: ada });
    const received = (await desk.events(target.id)).at(-1)!;
    const data = received.data as unknown as MergeReceivedData;
    const { created } = await relations.split(
      target.id,
      data.messages[0]!.messageId,
      { subject: 'From the merged one' },
      ada,
    );
    expect(created.description).toBe('Merged.');
    expect(created.links).toEqual([
      { type: 'split_from', ticketId: target.id },
    ]);
  });

  it('refuses internal notes, unknown messages and requesters', async () => {
    const { desk, relations, submit } = await relationsDesk();
    const source = await submit('Mixed');
    const { event } = await desk.note(
      source.id,
      { body: 'Secret.' },
      { actor: ada },
    );
    const noteId = (event.data as { messageId: string }).messageId;
    await expect(
      relations.split(source.id, noteId, {}, ada),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      relations.split(source.id, 'no-such-message', {}, ada),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const requester = asRequester(source).actor;
    await expect(
      relations.split(source.id, noteId, {}, requester),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await desk.list({})).items).toHaveLength(1);
  });
});
