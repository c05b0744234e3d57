import { describe, expect, it } from 'vitest';
import { staffedDesk, ticketIn } from '../../test/desk-fixture.js';
import { LIMITS } from '../public/limits.js';
import { replyInputSchema, submissionSchema } from '../public/submission.js';
import type { AttachmentInfo } from '../public/ticket-view.js';
import { threadOf } from '../relations/thread.js';

const log: AttachmentInfo = {
  id: 'att_0123456789abcdef0123456789abcdef',
  name: 'app.log',
  size: 9,
  type: 'text/plain',
};
const shot: AttachmentInfo = {
  id: 'att_fedcba9876543210fedcba9876543210',
  name: 'screen.png',
  size: 16,
  type: 'image/png',
};

describe('replies with attachments', () => {
  it('records a requester reply’s files on its event and shows them on that message', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'in_progress');
    const { event } = await env.desk.reply(
      ticket.id,
      { body: 'Here is the log.', attachments: [log, shot] },
      { actor: env.actorFor('requester', ticket) },
    );
    expect(event.data).toMatchObject({
      visibility: 'public',
      attachments: [log, shot],
    });

    const view = await env.desk.publicView(ticket.id);
    expect(view.messages).toHaveLength(2);
    expect(view.messages[0]?.attachments).toBeUndefined();
    expect(view.messages[1]).toMatchObject({
      author: 'requester',
      body: 'Here is the log.',
      attachments: [log, shot],
    });
    const thread = threadOf(await env.desk.events(ticket.id));
    expect(thread[1]?.attachments).toEqual([log, shot]);
  });

  it('shows an agent’s reply files the same way, and none for a reply without any', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'in_progress');
    const agent = { actor: env.staff.agent };
    await env.desk.reply(ticket.id, { body: 'Try this patch.' }, agent);
    const { event } = await env.desk.reply(
      ticket.id,
      { body: 'And this one.', attachments: [] },
      agent,
    );
    expect(event.data).not.toHaveProperty('attachments');
    await env.desk.reply(
      ticket.id,
      { body: 'The screenshot.', attachments: [shot] },
      agent,
    );
    const view = await env.desk.publicView(ticket.id);
    expect(view.messages.map((m) => m.attachments)).toEqual([
      undefined,
      undefined,
      undefined,
      [shot],
    ]);
    expect(view.messages[3]?.author).toBe('agent');
  });

  it('refuses malformed or too many files and writes nothing', async () => {
    const env = await staffedDesk();
    const ticket = await ticketIn(env, 'in_progress');
    const actor = { actor: env.actorFor('requester', ticket) };
    const tooMany = Array.from({ length: LIMITS.attachments + 1 }, () => log);
    await expect(
      env.desk.reply(ticket.id, { body: 'Many.', attachments: tooMany }, actor),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const malformed = [
      { id: log.id, name: 'x' },
    ] as unknown as AttachmentInfo[];
    await expect(
      env.desk.reply(
        ticket.id,
        { body: 'Odd.', attachments: malformed },
        actor,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await env.desk.get(ticket.id))?.version).toBe(ticket.version);
  });

  it('carries the files onto the follow-up ticket a reply to a closed ticket opens', async () => {
    const env = await staffedDesk({ closedReplyPolicy: 'new_ticket' });
    const ticket = await ticketIn(env, 'closed');
    const { ticket: follow } = await env.desk.reply(
      ticket.id,
      { body: 'It broke again.', attachments: [shot] },
      { actor: env.actorFor('requester', ticket) },
    );
    expect(follow.id).not.toBe(ticket.id);
    const view = await env.desk.publicView(follow.id);
    expect(view.messages[0]).toMatchObject({
      body: 'It broke again.',
      attachments: [shot],
    });
  });
});

describe('replyInputSchema attachments', () => {
  it('takes attachment ids under the submission’s rules and messages', () => {
    const ok = replyInputSchema.safeParse({
      body: 'Log',
      attachments: [log.id],
    });
    expect(ok.success && ok.data.attachments).toEqual([log.id]);
    expect(replyInputSchema.safeParse({ body: 'No files' }).success).toBe(true);

    const messageOf = (schema: typeof replyInputSchema, ids: string[]) => {
      const result = schema.safeParse({ body: 'Log', attachments: ids });
      return result.error?.issues.map((i) => [i.path, i.message]);
    };
    const submissionMessages = (ids: string[]) =>
      submissionSchema
        .safeParse({
          subject: 'Printer',
          description: 'Jams',
          requester: { email: 'ada@example.com' },
          attachments: ids,
        })
        .error?.issues.map((i) => [i.path, i.message]);

    const bad = ['../etc/passwd'];
    expect(messageOf(replyInputSchema, bad)).toEqual([
      [['attachments', 0], 'not an attachment id'],
    ]);
    const many = Array.from({ length: LIMITS.attachments + 1 }, () => log.id);
    expect(messageOf(replyInputSchema, many)).toEqual([
      [['attachments'], `at most ${LIMITS.attachments} attachments`],
    ]);
    expect(messageOf(replyInputSchema, bad)).toEqual(submissionMessages(bad));
    expect(messageOf(replyInputSchema, many)).toEqual(submissionMessages(many));
  });
});
