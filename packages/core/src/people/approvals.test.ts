import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { rebuildTicket } from '../desk/rebuild.js';
import type { ApprovalRule } from './approval-rules.js';
import { createApprovals } from './approvals.js';

const change = {
  subject: 'Open port 8443 on the DMZ firewall',
  description: 'The new partner portal needs it.',
  requester: { email: 'grace@example.com' },
  ticketType: 'change' as const,
};

async function setup(
  rules: ApprovalRule[] = [{ ticketType: 'change', approvers: ['kim'] }],
) {
  const env = await staffedDesk();
  await env.desk.createAgent({ id: 'kim', name: 'Kim', role: 'agent' });
  const approvals = createApprovals(env.desk, { rules });
  const kim = { role: 'agent', id: 'kim' } as const;
  return { ...env, approvals, kim };
}

describe('approvals', () => {
  it('sends a submitted ticket of a gated type to wait for approval', async () => {
    const { desk, approvals } = await setup();
    const { ticket } = await desk.submit(change);
    await approvals.idle();

    const stored = await desk.get(ticket.id);
    expect(stored?.status).toBe('pending');
    expect(stored?.pendingReason).toBe('approval');
    expect(stored?.approval?.status).toBe('pending');
    const events = await desk.events(ticket.id);
    expect(events.map((e) => e.type).slice(1)).toEqual([
      'ticket.pended',
      'ticket.approval_requested',
    ]);
    expect(events[1]?.actor.role).toBe('system');
    expect(rebuildTicket(events)).toEqual(stored);
  });

  it('leaves other types alone and gates a type set at triage', async () => {
    const { desk, staff, approvals } = await setup();
    const { ticket } = await desk.submit({ ...change, ticketType: undefined });
    await approvals.idle();
    expect((await desk.get(ticket.id))?.status).toBe('new');

    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', ticketType: 'change' },
      { actor: staff.agent },
    );
    await approvals.idle();
    expect((await desk.get(ticket.id))?.pendingReason).toBe('approval');
  });

  it('sends an assigned ticket typed at triage back to the queue to wait', async () => {
    const { desk, staff, approvals, kim } = await setup();
    const { ticket } = await desk.submit({ ...change, ticketType: undefined });
    const ctx = { actor: staff.agent };
    const team = { assigneeId: 'ada', teamId: 'service-desk' };
    await desk.assign(ticket.id, team, ctx);
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', ticketType: 'change' },
      ctx,
    );
    await approvals.idle();

    const waiting = await desk.get(ticket.id);
    expect(waiting).toMatchObject({
      status: 'pending',
      pendingReason: 'approval',
      assigneeId: null,
    });
    const done = await approvals.approve(ticket.id, {}, kim);
    expect(done.ticket).toMatchObject({ status: 'open', assigneeId: null });
    const events = await desk.events(ticket.id);
    expect(rebuildTicket(events)).toEqual(await desk.get(ticket.id));
  });

  it('lets no work start while waiting', async () => {
    const { desk, staff, approvals } = await setup();
    const { ticket } = await desk.submit(change);
    await approvals.idle();
    const ctx = { actor: staff.supervisor };

    await expect(
      desk.assign(ticket.id, { assigneeId: 'ada' }, ctx),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    await expect(desk.resume(ticket.id, {}, ctx)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      desk.pend(ticket.id, { reason: 'vendor' }, ctx),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    await expect(
      desk.resolve(ticket.id, { code: 'done', note: 'Did it anyway' }, ctx),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('refuses work that races ahead of the gate, then gates on demand', async () => {
    const env = await staffedDesk();
    const approvals = createApprovals(env.desk, {
      rules: [{ ticketType: 'change', approvers: ['sam'] }],
      watch: false,
    });
    const { desk, staff } = env;
    const { ticket } = await desk.submit(change);
    await expect(
      desk.assign(
        ticket.id,
        { assigneeId: 'ada', teamId: 'service-desk' },
        { actor: staff.agent },
      ),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });

    expect((await approvals.gate(ticket.id))?.ticket.pendingReason).toBe(
      'approval',
    );
    expect(await approvals.gate(ticket.id)).toBeNull();
    await approvals.approve(ticket.id, {}, staff.supervisor);
    const assigned = await desk.assign(
      ticket.id,
      { assigneeId: 'ada', teamId: 'service-desk' },
      { actor: staff.agent },
    );
    expect(assigned.ticket.status).toBe('assigned');
    approvals.stop();
  });

  it('resumes to open on approval, with who and why in the audit', async () => {
    const { desk, approvals, kim } = await setup();
    const { ticket } = await desk.submit(change);
    await approvals.idle();
    const done = await approvals.approve(
      ticket.id,
      { reason: 'Security reviewed it' },
      kim,
    );

    expect(done.ticket.status).toBe('open');
    expect(done.ticket.approval).toMatchObject({
      status: 'approved',
      decidedBy: 'kim',
    });
    const events = await desk.events(ticket.id);
    const granted = events.find((e) => e.type === 'ticket.approval_granted');
    expect(granted?.actor).toEqual(kim);
    expect(granted?.data).toEqual({
      approverId: 'kim',
      reason: 'Security reviewed it',
    });
    expect(events.at(-1)?.type).toBe('ticket.resumed');

    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', ticketType: 'change' },
      { actor: { role: 'agent', id: 'ada' } },
    );
    await approvals.idle();
    expect((await desk.get(ticket.id))?.status).toBe('open');
  });

  it('cancels as rejected on refusal, and a refusal needs a reason', async () => {
    const { desk, approvals, kim } = await setup();
    const { ticket } = await desk.submit(change);
    await approvals.idle();
    await expect(approvals.reject(ticket.id, {}, kim)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const done = await approvals.reject(
      ticket.id,
      { reason: 'Use the VPN instead' },
      kim,
    );

    expect(done.ticket.status).toBe('cancelled');
    expect(done.event.data).toMatchObject({ reason: 'rejected' });
    const events = await desk.events(ticket.id);
    const refused = events.find((e) => e.type === 'ticket.approval_refused');
    expect(refused?.data).toEqual({
      approverId: 'kim',
      reason: 'Use the VPN instead',
    });
  });

  it('refuses non-approvers, the system and requesters with FORBIDDEN', async () => {
    const { desk, staff, approvals } = await setup();
    const { ticket } = await desk.submit(change);
    await approvals.idle();
    const requester = { role: 'requester', id: ticket.requesterId } as const;
    for (const actor of [
      staff.agent,
      staff.supervisor,
      staff.system,
      requester,
    ]) {
      await expect(
        approvals.approve(ticket.id, {}, actor),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await desk.get(ticket.id))?.pendingReason).toBe('approval');
  });

  it('lets the team supervisor decide under team_supervisor', async () => {
    const { desk, staff, approvals } = await setup([
      { ticketType: 'change', approvers: 'team_supervisor' },
    ]);
    await desk.createTeam({ id: 'net', name: 'Network' });
    await desk.createAgent({
      id: 'noor',
      name: 'Noor',
      role: 'supervisor',
      teamIds: ['net'],
    });
    const { ticket } = await desk.submit({ ...change, ticketType: undefined });
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', ticketType: 'change', teamId: 'net' },
      { actor: staff.agent },
    );
    await approvals.idle();
    const noor = { role: 'supervisor', id: 'noor' } as const;

    expect((await approvals.listPending({ actor: noor })).items).toHaveLength(
      1,
    );
    expect(
      (await approvals.listPending({ actor: staff.supervisor })).items,
    ).toHaveLength(0);
    await expect(
      approvals.approve(ticket.id, {}, staff.supervisor),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const done = await approvals.approve(ticket.id, {}, noor);
    expect(done.ticket.status).toBe('open');
  });

  it('lets a supervisor decide a ticket retyped while it waits', async () => {
    const { desk, staff, approvals } = await setup();
    const { ticket } = await desk.submit(change);
    await approvals.idle();
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', ticketType: 'incident' },
      { actor: staff.agent },
    );
    await expect(
      approvals.approve(ticket.id, {}, staff.agent),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const done = await approvals.approve(ticket.id, {}, staff.supervisor);
    expect(done.ticket.status).toBe('open');
  });

  it('refuses a decision on a ticket that is not waiting', async () => {
    const { desk, approvals, kim } = await setup();
    const { ticket } = await desk.submit({ ...change, ticketType: 'incident' });
    await expect(approvals.approve(ticket.id, {}, kim)).rejects.toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
  });

  it('refuses rules that name a type twice', async () => {
    const { desk } = await setup();
    const rule = { ticketType: 'change' as const, approvers: ['kim'] };
    expect(() => createApprovals(desk, { rules: [rule, rule] })).toThrow(
      /one approval rule per ticket type/,
    );
  });
});
