import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { requesterExportSchema } from './requester-data.js';
import { verifyAudit } from './verify.js';

async function deskWithRequester() {
  const env = await staffedDesk();
  const ada = { actor: env.staff.agent };
  const submit = (subject: string, email: string) =>
    env.desk.submit({
      subject,
      description: `${subject}: tray 2 jams.`,
      requester: { email, name: 'Grace Hopper' },
    });
  const first = (await submit('Printer jams', 'grace@example.com')).ticket;
  const second = (await submit('Scanner too', 'GRACE@example.com')).ticket;
  const other = (await submit('Not hers', 'ada@example.com')).ticket;
  await env.desk.reply(first.id, { body: 'Which printer?' }, ada);
  await env.desk.note(first.id, { body: 'Grace again, sigh.' }, ada);
  await env.desk.reply(
    first.id,
    { body: 'The one by the door.' },
    { actor: { role: 'requester', id: first.requesterId } },
  );
  return { ...env, first, second, other, requesterId: first.requesterId };
}

describe('desk.exportRequester', () => {
  it('gives their record and each of their tickets as they see it', async () => {
    const { desk, first, second, requesterId, clock } =
      await deskWithRequester();
    const data = await desk.exportRequester(requesterId);
    expect(requesterExportSchema.safeParse(data).success).toBe(true);
    expect(data.exportedAt).toBe(clock.now().toISOString());
    expect(data.requester).toEqual({
      id: requesterId,
      email: 'grace@example.com',
      name: 'Grace Hopper',
      createdAt: first.createdAt,
    });
    expect(data.tickets.map((t) => t.id)).toEqual([first.id, second.id]);
    expect(data.tickets[0]!.messages.map((m) => [m.author, m.body])).toEqual([
      ['requester', 'Printer jams: tray 2 jams.'],
      ['agent', 'Which printer?'],
      ['requester', 'The one by the door.'],
    ]);
    expect(JSON.stringify(data)).not.toMatch(/sigh|ada@example/);
  });

  it('refuses an unknown requester with NOT_FOUND', async () => {
    const { desk } = await deskWithRequester();
    await expect(desk.exportRequester('nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('desk.eraseRequester', () => {
  it('replaces email and name, keeps every chain verifying', async () => {
    const { desk, requesterId, clock } = await deskWithRequester();
    const before = await verifyAudit(desk.store, desk.siteId);
    clock.advance(60_000);
    const result = await desk.eraseRequester(requesterId);
    expect(result).toEqual({
      requesterId,
      erasedAt: clock.now().toISOString(),
      changed: true,
      tickets: 2,
    });
    const stored = await desk.store.getRequester(desk.siteId, requesterId);
    expect(stored).toMatchObject({
      email: `erased-${requesterId}@erased.invalid`,
      name: null,
      erasedAt: result.erasedAt,
    });
    expect(JSON.stringify(stored)).not.toMatch(/grace|Hopper/i);
    expect(
      await desk.store.findRequesterByEmail(desk.siteId, 'grace@example.com'),
    ).toBeNull();

    const after = await verifyAudit(desk.store, desk.siteId);
    expect(after.ok).toBe(true);
    expect(after.heads).toEqual(before.heads);
  });

  it('is idempotent, and the address comes back as a new requester', async () => {
    const { desk, requesterId, clock } = await deskWithRequester();
    const first = await desk.eraseRequester(requesterId);
    clock.advance(60_000);
    const again = await desk.eraseRequester(requesterId);
    expect(again).toEqual({ ...first, changed: false });
    const { ticket } = await desk.submit({
      subject: 'Back again',
      description: 'A new ticket from the same address.',
      requester: { email: 'grace@example.com' },
    });
    expect(ticket.requesterId).not.toBe(requesterId);
    const exported = await desk.exportRequester(requesterId);
    expect(exported.requester.email).toBe(
      `erased-${requesterId}@erased.invalid`,
    );
    expect(exported.tickets).toHaveLength(2);
  });

  it('refuses an unknown requester with NOT_FOUND', async () => {
    const { desk } = await deskWithRequester();
    await expect(desk.eraseRequester('nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
