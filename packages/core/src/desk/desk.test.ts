import { describe, expect, it } from 'vitest';
import { staffedDesk, ticketIn } from '../../test/desk-fixture.js';
import { ConflictError, TicketryError, ValidationError } from '../errors.js';
import { LIMITS } from '../public/limits.js';

const DAY = 86_400_000;
const submission = {
  subject: 'Laptop will not boot',
  description: 'Black screen after the BIOS logo.',
  requester: { email: 'grace@example.com', name: 'Grace' },
};

describe('submitting', () => {
  it('writes version 1 with exactly one event that holds no personal data', async () => {
    const { desk } = await staffedDesk();
    const { ticket, event } = await desk.submit(submission);
    expect(ticket.version).toBe(1);
    expect(await desk.events(ticket.id)).toHaveLength(1);
    expect(JSON.stringify(event)).not.toContain('grace@example.com');
    expect(JSON.stringify(event)).not.toContain('Grace');
    const requester = await desk.store.getRequester(
      desk.siteId,
      ticket.requesterId,
    );
    expect(requester?.email).toBe('grace@example.com');
  });

  it('returns the first ticket for a retried idempotency key', async () => {
    const { desk } = await staffedDesk();
    const first = await desk.submit(submission, {
      idempotencyKey: 'click-123456',
    });
    const again = await desk.submit(submission, {
      idempotencyKey: 'click-123456',
    });
    expect(again.replayed).toBe(true);
    expect(again.ticket.id).toBe(first.ticket.id);
    expect((await desk.list()).items).toHaveLength(1);
  });

  it('refuses an idempotency key reused with another body', async () => {
    const { desk } = await staffedDesk();
    await desk.submit(submission, { idempotencyKey: 'click-123456' });
    const other = { ...submission, subject: 'Something else' };
    await expect(
      desk.submit(other, { idempotencyKey: 'click-123456' }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('names the field when a subject is empty or a description too long', async () => {
    const { desk } = await staffedDesk();
    const empty = desk.submit({ ...submission, subject: '   ' });
    await expect(empty).rejects.toBeInstanceOf(ValidationError);
    await expect(empty).rejects.toMatchObject({
      issues: [{ path: ['subject'] }],
    });
    const long = desk.submit({
      ...submission,
      description: 'x'.repeat(LIMITS.body + 1),
    });
    await expect(long).rejects.toMatchObject({
      issues: [{ path: ['description'] }],
    });
    expect((await desk.list()).items).toHaveLength(0);
  });

  it('keeps an imported ticket source number as externalId', async () => {
    const { desk } = await staffedDesk();
    const { ticket } = await desk.submit({
      ...submission,
      externalId: 'INC0000045',
      channel: 'import',
    });
    expect(ticket.externalId).toBe('INC0000045');
  });
});

describe('commands', () => {
  it('refuses a stale version with a conflict and writes nothing', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'open');
    await env.desk.note(
      ticket.id,
      { body: 'first' },
      { actor: env.staff.agent, expectedVersion: ticket.version },
    );
    const stale = env.desk.note(
      ticket.id,
      { body: 'second' },
      {
        actor: env.staff.agent,
        expectedVersion: ticket.version,
      },
    );
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(await env.desk.events(ticket.id)).toHaveLength(ticket.version + 1);
  });

  it('derives priority from impact and urgency', async () => {
    const env = await staffedDesk();
    const { ticket } = await env.desk.submit(submission);
    const { ticket: triaged } = await env.desk.triage(
      ticket.id,
      { impact: 'high', urgency: 'high', teamId: 'service-desk' },
      { actor: env.staff.agent },
    );
    expect(triaged).toMatchObject({ status: 'open', priority: 'critical' });
  });

  it('records only what changed in each event', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'assigned');
    const { event } = await env.desk.start(
      ticket.id,
      {},
      { actor: env.staff.agent },
    );
    expect(event.changes).toEqual({ status: 'in_progress' });
    expect(event.type).toBe('ticket.started');
  });

  it('assigns only an active agent of the ticket team', async () => {
    const env = await staffedDesk();
    await env.desk.createTeam({ id: 'network', name: 'Network' });
    await env.desk.createAgent({
      id: 'nia',
      name: 'Nia',
      role: 'agent',
      teamIds: ['network'],
    });
    await env.desk.createAgent({
      id: 'old',
      name: 'Old',
      role: 'agent',
      teamIds: ['service-desk'],
      active: false,
    });
    const ticket = await ticketIn(env, 'open');
    for (const assigneeId of ['nia', 'old', 'nobody']) {
      await expect(
        env.desk.assign(ticket.id, { assigneeId }, { actor: env.staff.agent }),
      ).rejects.toMatchObject({ code: 'INELIGIBLE_ASSIGNEE' });
    }
    const unteamed = (await env.desk.submit(submission)).ticket;
    await expect(
      env.desk.assign(
        unteamed.id,
        { assigneeId: 'ada' },
        { actor: env.staff.agent },
      ),
    ).rejects.toMatchObject({ code: 'INELIGIBLE_ASSIGNEE' });
  });

  it('needs a resolution code and note to resolve', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'in_progress');
    const missing = env.desk.execute(
      ticket.id,
      { type: 'resolve', code: 'fixed' } as never,
      {
        actor: env.staff.agent,
      },
    );
    await expect(missing).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lets only the ticket requester act as requester', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'resolved');
    const stranger = { role: 'requester' as const, id: 'someone-else' };
    await expect(
      env.desk.accept(ticket.id, {}, { actor: stranger }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('resolution, reopen and closing', () => {
  it('reopens on reject inside the window and refuses after it', async () => {
    const env = await staffedDesk({ reopenWindowMs: 2 * DAY });
    const ticket = await ticketIn(env, 'resolved');
    const requester = env.actorFor('requester', ticket);
    const { ticket: reopened } = await env.desk.reject(
      ticket.id,
      { reason: 'still broken' },
      { actor: requester },
    );
    expect(reopened).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      resolvedAt: null,
    });
    await env.desk.resolve(
      ticket.id,
      { code: 'fixed', note: 'again' },
      { actor: env.staff.agent },
    );
    env.clock.advance(3 * DAY);
    await expect(
      env.desk.reject(ticket.id, {}, { actor: requester }),
    ).rejects.toMatchObject({
      code: 'REOPEN_WINDOW_CLOSED',
    });
  });

  it('closes resolved tickets when their auto-close is due, once', async () => {
    const env = await staffedDesk({ autoCloseAfterMs: 5 * DAY });
    await ticketIn(env, 'resolved');
    env.clock.advance(4 * DAY);
    expect(await env.desk.tick()).toHaveLength(0);
    env.clock.advance(1 * DAY);
    const closed = await env.desk.tick();
    expect(closed.map((c) => c.ticket.status)).toEqual(['closed']);
    expect(closed[0]?.event.actor).toEqual({ role: 'system', id: null });
    expect(await env.desk.tick()).toHaveLength(0);
  });

  it('follows the closed-reply policy', async () => {
    for (const policy of ['reopen', 'reject', 'new_ticket'] as const) {
      const env = await staffedDesk({ closedReplyPolicy: policy });
      const ticket = await ticketIn(env, 'closed');
      const reply = env.desk.reply(
        ticket.id,
        { body: 'It broke again' },
        {
          actor: env.actorFor('requester', ticket),
        },
      );
      if (policy === 'reject') {
        await expect(reply).rejects.toMatchObject({
          code: 'TRANSITION_NOT_ALLOWED',
        });
        continue;
      }
      const { ticket: result } = await reply;
      if (policy === 'reopen')
        expect(result).toMatchObject({ id: ticket.id, status: 'in_progress' });
      if (policy === 'new_ticket') {
        expect(result.id).not.toBe(ticket.id);
        expect(result.links).toEqual([
          { type: 'follow_up_of', ticketId: ticket.id },
        ]);
        expect((await env.desk.get(ticket.id))?.status).toBe('closed');
      }
    }
  });

  it('tells subscribers about every accepted command', async () => {
    const env = await staffedDesk();
    const seen: string[] = [];
    const stop = env.desk.subscribe((event) => seen.push(event.type));
    const ticket = await ticketIn(env, 'assigned');
    stop();
    await env.desk.start(ticket.id, {}, { actor: env.staff.agent });
    expect(seen).toEqual([
      'ticket.submitted',
      'ticket.triaged',
      'ticket.assigned',
    ]);
  });

  it('shows requesters the public conversation without internal notes', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'in_progress');
    await env.desk.note(
      ticket.id,
      { body: 'secret' },
      { actor: env.staff.agent },
    );
    await env.desk.reply(
      ticket.id,
      { body: 'On it' },
      { actor: env.staff.agent },
    );
    const view = await env.desk.publicView(ticket.id);
    expect(view.messages.map((m) => m.body)).toEqual([
      'Made by the test fixture.',
      'On it',
    ]);
    expect(JSON.stringify(view)).not.toContain('secret');
    expect(JSON.stringify(view)).not.toContain('ada');
  });

  it('throws NOT_FOUND for an unknown ticket', async () => {
    const env = await staffedDesk();
    const run = env.desk.start('nope', {}, { actor: env.staff.agent });
    await expect(run).rejects.toBeInstanceOf(TicketryError);
    await expect(run).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('text and ids', () => {
  it('refuses control characters in subjects, bodies, names and ids', async () => {
    const env = await staffedDesk();
    await expect(
      env.desk.submit({ ...submission, subject: 'bad\u0000subject' }),
    ).rejects.toMatchObject({ issues: [{ path: ['subject'] }] });
    const ticket = await ticketIn(env, 'open');
    await expect(
      env.desk.update(
        ticket.id,
        { subject: '\u0000' },
        { actor: env.staff.agent },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      env.desk.reply(
        ticket.id,
        { body: 'ring \u0007' },
        { actor: env.staff.agent },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    for (const id of ['../../etc', 'a\u0000b', '<script>', '']) {
      await expect(
        env.desk.createTeam({ id, name: 'Team' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
    await expect(
      env.desk.createTeam({ id: 't', name: '\u0000' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('keeps tabs and line breaks in a description', async () => {
    const env = await staffedDesk();
    const description = 'line one\n\tline two\r\nend';
    const { ticket } = await env.desk.submit({ ...submission, description });
    expect(ticket.description).toBe(description);
  });
});

describe('custom fields', () => {
  it('caps the merged fields of updates at the submission limit', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'open');
    const many = (from: number) =>
      Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`f${from + i}`, i]),
      );
    const { ticket: once } = await env.desk.update(
      ticket.id,
      { fields: many(0) },
      {
        actor: env.staff.agent,
      },
    );
    expect(Object.keys(once.fields)).toHaveLength(30);
    await expect(
      env.desk.update(
        ticket.id,
        { fields: many(30) },
        { actor: env.staff.agent },
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { path: ['fields'] },
    });
    expect((await env.desk.get(ticket.id))?.version).toBe(once.version);
  });
});
