import { describe, expect, it } from 'vitest';
import { rebuildTicket } from '../desk/rebuild.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { SlaConfigInput } from './registry.js';
import {
  berlinOffice,
  clockOf,
  slaDesk as makeDesk,
  type slaDesk,
  standardPolicy,
  triaged,
} from './test-support.js';

const H = 3_600_000;
type SlaSetup = Omit<SlaConfigInput, 'calendars'>;
type Env = Awaited<ReturnType<typeof slaDesk>>;
const requester = (t: { requesterId: string }) =>
  ({ actor: { role: 'requester', id: t.requesterId } }) as const;

/** Triaged at Monday 09:00 Berlin, started and paused at 11:00. */
async function pausedAfterTwoHours(env: Env, reason = 'requester' as const) {
  const t = await triaged(env);
  env.clock.set('2024-03-04T10:00:00Z');
  await env.desk.assign(t.id, { assigneeId: 'ada' }, env.ada);
  await env.desk.start(t.id, {}, env.ada);
  return (await env.desk.pend(t.id, { reason }, env.ada)).ticket;
}

describe('deadlines on a submitted ticket', () => {
  it('records the policy, version and calendar and stores deadlines as instants', async () => {
    const env = await makeDesk();
    const t = await triaged(env);
    expect(t.sla).toMatchObject({
      policyId: 'standard',
      policyVersion: 1,
      calendarId: 'berlin-office',
      priority: 'moderate',
    });
    // 4 h from Monday 09:00 with lunch 12–13: 14:00 Berlin.
    expect(clockOf(t, 'firstResponse')?.dueAt).toBe('2024-03-04T13:00:00.000Z');
    // 16 h: Monday 7 h, Tuesday 7 h, Wednesday 09–11.
    expect(clockOf(t, 'resolution')?.dueAt).toBe('2024-03-06T10:00:00.000Z');
    // dueAt is the earliest timer: the 75% warning, 3 h in.
    expect(t.dueAt).toBe('2024-03-04T11:00:00.000Z');
    expect(t.dueAt).toBe(t.sla?.timers[0]?.at);
  });

  it('shows one deadline as the same instant in every time zone', async () => {
    const env = await makeDesk();
    const due = new Date(clockOf(await triaged(env), 'firstResponse')!.dueAt!);
    const read = (timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'shortOffset',
      }).format(due);
    expect(read('Europe/Berlin')).toBe('14:00 GMT+1');
    expect(read('America/New_York')).toBe('08:00 GMT-5');
    expect(read('Asia/Tokyo')).toBe('22:00 GMT+9');
    expect(
      env.desk.sla?.calendar('berlin-office').wallTime(due.getTime()),
    ).toBe('2024-03-04T14:00');
  });

  it('starts the clocks at the next opening for a ticket sent on a Saturday', async () => {
    const env = await makeDesk();
    env.clock.set('2024-03-09T14:00:00Z');
    const t = await triaged(env);
    expect(clockOf(t, 'firstResponse')?.dueAt).toBe('2024-03-11T13:00:00.000Z');
  });

  it('skips Good Friday, the DST weekend and Easter Monday for a ticket sent on the holiday', async () => {
    const env = await makeDesk();
    env.clock.set('2024-03-29T09:00:00Z');
    const t = await triaged(env);
    // 4 h from Tuesday 09:00 CEST (07:00Z): 13:00 + lunch = 14:00 CEST.
    expect(clockOf(t, 'firstResponse')?.dueAt).toBe('2024-04-02T12:00:00.000Z');
  });
});

describe('pauses', () => {
  it('pauses in a pending state and shifts deadlines by the paused business time', async () => {
    const env = await makeDesk();
    const paused = await pausedAfterTwoHours(env);
    const resolution = clockOf(paused, 'resolution')!;
    expect(resolution.elapsedMs).toBe(2 * H);
    expect(resolution.dueAt).toBeNull();
    expect(paused.sla?.pauses).toEqual([
      { from: '2024-03-04T10:00:00.000Z', to: null, reason: 'requester' },
    ]);
    env.clock.set('2024-03-05T10:00:00Z');
    const { ticket } = await env.desk.resume(paused.id, {}, env.ada);
    // 14 h left from Tuesday 11:00: Tuesday 5 h, Wednesday 7 h, Thursday 2 h.
    expect(clockOf(ticket, 'resolution')?.dueAt).toBe(
      '2024-03-07T10:00:00.000Z',
    );
  });

  it('resumes on any exit from pending, whatever the next status', async () => {
    for (const exit of ['resume', 'reply', 'assign'] as const) {
      const env = await makeDesk();
      const paused = await pausedAfterTwoHours(env);
      env.clock.set('2024-03-05T10:00:00Z');
      const { ticket } =
        exit === 'resume'
          ? await env.desk.resume(paused.id, {}, env.ada)
          : exit === 'reply'
            ? await env.desk.reply(
                paused.id,
                { body: 'Done' },
                requester(paused),
              )
            : await env.desk.assign(paused.id, { assigneeId: 'sam' }, env.sam);
      expect(ticket.status, exit).not.toBe('pending');
      expect(clockOf(ticket, 'resolution')?.dueAt, exit).toBe(
        '2024-03-07T10:00:00.000Z',
      );
      expect(ticket.sla?.pauses[0]?.to, exit).toBe('2024-03-05T10:00:00.000Z');
    }
  });

  it('keeps counting for a pending reason the policy does not pause on', async () => {
    const env = await makeDesk();
    const t = await pausedAfterTwoHours(env, 'change' as 'requester');
    expect(t.sla?.pauses).toEqual([]);
    expect(clockOf(t, 'resolution')?.dueAt).toBe('2024-03-06T10:00:00.000Z');
  });

  it('keeps the paused time accrued through a priority change during the pause', async () => {
    const env = await makeDesk();
    const paused = await pausedAfterTwoHours(env);
    env.clock.set('2024-03-04T14:00:00Z');
    const raised = await env.desk.update(
      paused.id,
      { priority: 'high', priorityReason: 'Whole floor affected' },
      env.ada,
    );
    const during = clockOf(raised.ticket, 'resolution')!;
    expect(during.targetMs).toBe(8 * H);
    expect(during.elapsedMs).toBe(2 * H);
    expect(during.dueAt).toBeNull();
    env.clock.set('2024-03-05T10:00:00Z');
    const { ticket } = await env.desk.resume(paused.id, {}, env.ada);
    // 6 h left from Tuesday 11:00: Tuesday 5 h, Wednesday 09–10.
    expect(clockOf(ticket, 'resolution')?.dueAt).toBe(
      '2024-03-06T09:00:00.000Z',
    );
  });

  it('keeps the paused time accrued through a policy migration during the pause', async () => {
    const v2 = {
      ...standardPolicy,
      version: 2,
      targets: { moderate: { resolution: '10h' } },
    };
    const env = await makeDesk({
      sla: { calendars: [berlinOffice], policies: [standardPolicy, v2] },
    });
    const paused = await pausedAfterTwoHours(env);
    expect(paused.sla?.policyVersion).toBe(2);
    const { ticket, event } = await env.desk.migrateSla(
      paused.id,
      { policyId: 'standard', version: 1 },
      env.sam,
    );
    expect(event.type).toBe('ticket.sla_migrated');
    expect(event.data).toEqual({
      from: { policyId: 'standard', version: 2 },
      to: { policyId: 'standard', version: 1 },
    });
    expect(ticket.sla?.policyVersion).toBe(1);
    expect(clockOf(ticket, 'resolution')).toMatchObject({
      elapsedMs: 2 * H,
      targetMs: 16 * H,
      dueAt: null,
    });
  });

  it('counts no paused time when a ticket is resolved straight from pending', async () => {
    const env = await makeDesk();
    const paused = await pausedAfterTwoHours(env);
    env.clock.set('2024-03-11T10:00:00Z');
    const { ticket } = await env.desk.resolve(
      paused.id,
      { code: 'fixed', note: 'It came back on its own' },
      env.ada,
    );
    expect(clockOf(ticket, 'resolution')).toMatchObject({
      elapsedMs: 2 * H,
      met: true,
      breachedAt: null,
      stoppedAt: '2024-03-11T10:00:00.000Z',
    });
    expect(ticket.sla?.pauses[0]?.to).toBe('2024-03-11T10:00:00.000Z');
    expect(ticket.sla?.timers).toEqual([]);
  });
});

describe('responses', () => {
  it('runs a next-response clock from each requester message to the agent answer', async () => {
    const env = await makeDesk();
    const t = await triaged(env);
    env.clock.set('2024-03-04T09:00:00Z');
    const answered = await env.desk.reply(t.id, { body: 'Looking' }, env.ada);
    expect(clockOf(answered.ticket, 'firstResponse')).toMatchObject({
      met: true,
      elapsedMs: H,
    });
    env.clock.set('2024-03-04T10:00:00Z');
    const asked = await env.desk.reply(
      t.id,
      { body: 'Any news?' },
      requester(t),
    );
    expect(clockOf(asked.ticket, 'nextResponse')).toMatchObject({
      cycle: 1,
      startedAt: '2024-03-04T10:00:00.000Z',
      dueAt: '2024-03-04T15:00:00.000Z',
    });
    env.clock.set('2024-03-04T16:30:00Z');
    const late = await env.desk.reply(t.id, { body: 'Sorry' }, env.ada);
    expect(clockOf(late.ticket, 'nextResponse')).toMatchObject({
      met: false,
      breachedAt: '2024-03-04T15:00:00.000Z',
      tally: { met: 0, missed: 1 },
    });
    const again = await env.desk.reply(t.id, { body: 'Thanks' }, requester(t));
    expect(clockOf(again.ticket, 'nextResponse')?.cycle).toBe(2);
  });

  it('treats a requester reply sent as a command and as a method the same', async () => {
    const results = [];
    for (const how of ['method', 'execute'] as const) {
      const env = await makeDesk();
      const paused = await pausedAfterTwoHours(env);
      env.clock.set('2024-03-05T10:00:00Z');
      const { event } =
        how === 'method'
          ? await env.desk.reply(paused.id, { body: 'Here' }, requester(paused))
          : await env.desk.execute(
              paused.id,
              { type: 'reply', body: 'Here' },
              requester(paused),
            );
      results.push(event.changes);
    }
    expect(results[0]).toEqual(results[1]);
  });

  it('resumes the resolution clock where it stopped when a resolution is rejected', async () => {
    const env = await makeDesk();
    const t = await triaged(env);
    env.clock.set('2024-03-04T10:00:00Z');
    await env.desk.resolve(t.id, { code: 'fixed', note: 'Reset' }, env.ada);
    env.clock.set('2024-03-05T10:00:00Z');
    const { ticket } = await env.desk.reject(t.id, {}, requester(t));
    const clock = clockOf(ticket, 'resolution')!;
    expect(clock).toMatchObject({
      elapsedMs: 2 * H,
      stoppedAt: null,
      met: null,
    });
    expect(clock.runs.map((r) => r.from)).toEqual([
      '2024-03-04T08:00:00.000Z',
      '2024-03-05T10:00:00.000Z',
    ]);
    expect(clock.dueAt).toBe('2024-03-07T10:00:00.000Z');
  });
});

describe('policies and calendars', () => {
  const network = {
    id: 'network',
    version: 1,
    match: { teamIds: ['network'], types: ['incident' as const] },
    targets: { moderate: { resolution: '2h' } },
  };

  it('chooses the first policy whose conditions the ticket meets, when they change', async () => {
    const env = await makeDesk({
      sla: {
        calendars: [berlinOffice],
        policies: [network, standardPolicy],
        teamCalendars: { network: 'berlin-office' },
      },
    });
    await env.desk.createTeam({ id: 'network', name: 'Network' });
    const { ticket } = await env.desk.submit({
      subject: 'Switch down',
      description: 'Floor 3',
      requester: { email: 'r@example.com' },
      ticketType: 'incident',
    });
    expect(ticket.sla?.policyId).toBe('standard');
    const moved = await env.desk.triage(
      ticket.id,
      { impact: 'medium', urgency: 'medium', teamId: 'network' },
      env.ada,
    );
    expect(moved.ticket.sla).toMatchObject({
      policyId: 'network',
      calendarId: 'berlin-office',
    });
    expect(clockOf(moved.ticket, 'resolution')?.dueAt).toBe(
      '2024-03-04T10:00:00.000Z',
    );
  });

  it('takes the policy calendar first, then the team calendar, the default, then 24/7', async () => {
    const nyc = { ...berlinOffice, id: 'nyc', timeZone: 'America/New_York' };
    const bare = {
      id: 'bare',
      version: 1,
      targets: { moderate: { resolution: '1h' } },
    };
    const cases: [SlaSetup, string][] = [
      [
        {
          policies: [standardPolicy],
          teamCalendars: { 'service-desk': 'nyc' },
        },
        'berlin-office',
      ],
      [
        {
          policies: [bare],
          teamCalendars: { 'service-desk': 'nyc' },
          defaultCalendarId: 'berlin-office',
        },
        'nyc',
      ],
      [
        { policies: [bare], defaultCalendarId: 'berlin-office' },
        'berlin-office',
      ],
      [{ policies: [bare] }, '24x7'],
    ];
    for (const [setup, expected] of cases) {
      const env = await makeDesk({
        sla: { calendars: [berlinOffice, nyc], ...setup },
      });
      expect((await triaged(env)).sla?.calendarId).toBe(expected);
    }
  });

  it('applies a new version to new tickets only', async () => {
    const store = createMemoryStore();
    const before = await makeDesk({ store });
    const old = await triaged(before);
    const v2 = { ...standardPolicy, version: 2 };
    const after = await makeDesk({
      store,
      sla: { calendars: [berlinOffice], policies: [standardPolicy, v2] },
    });
    const fresh = await triaged(after);
    expect(fresh.sla?.policyVersion).toBe(2);
    const touched = await after.desk.note(
      old.id,
      { body: 'still v1' },
      after.ada,
    );
    expect(touched.ticket.sla?.policyVersion).toBe(1);
  });

  it('refuses a setup that names a calendar it does not have', async () => {
    await expect(
      makeDesk({ sla: { policies: [standardPolicy] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('explain', () => {
  it('lists the counted segments, the holiday and the pause behind a deadline', async () => {
    const env = await makeDesk();
    env.clock.set('2024-03-28T08:00:00Z'); // Thursday 09:00 before Easter
    const t = await triaged(env);
    env.clock.set('2024-03-28T10:00:00Z');
    await env.desk.assign(t.id, { assigneeId: 'ada' }, env.ada);
    await env.desk.start(t.id, {}, env.ada);
    await env.desk.pend(t.id, { reason: 'vendor' }, env.ada);
    env.clock.set('2024-03-28T12:00:00Z');
    await env.desk.resume(t.id, {}, env.ada);
    const why = await env.desk.explain(t.id);
    expect(why).toMatchObject({
      policy: { id: 'standard', version: 1, name: 'Standard support' },
      calendar: { id: 'berlin-office', timeZone: 'Europe/Berlin' },
      priority: 'moderate',
      paused: false,
    });
    const resolution = why!.clocks.find((c) => c.target === 'resolution')!;
    const working = resolution.timeline.filter((e) => e.type === 'working');
    const counted = working.reduce((n, e) => n + e.ms, 0);
    expect(counted).toBe(resolution.targetMs);
    expect(working[0]).toMatchObject({
      localFrom: '2024-03-28T09:00',
      ms: 2 * H,
    });
    expect(resolution.timeline).toContainEqual({
      type: 'paused',
      from: '2024-03-28T10:00:00.000Z',
      to: '2024-03-28T12:00:00.000Z',
      reason: 'vendor',
    });
    const holiday = resolution.timeline.find(
      (e) => e.type === 'closed' && e.reason === 'holiday',
    );
    expect(holiday).toMatchObject({
      holidays: [
        { date: '2024-03-29', name: 'Good Friday' },
        { date: '2024-04-01', name: 'Easter Monday' },
      ],
    });
    expect(resolution.elapsedMs).toBe(2 * H);
    expect(resolution.remainingMs).toBe(14 * H);
  });
});

describe('what a requester sees', () => {
  it('shows the running deadlines and hides them while the ticket waits', async () => {
    const env = await makeDesk();
    const t = await triaged(env);
    expect((await env.desk.publicView(t.id)).expectation).toEqual({
      firstResponseBy: '2024-03-04T13:00:00.000Z',
      nextResponseBy: null,
      resolutionBy: '2024-03-06T10:00:00.000Z',
      paused: false,
    });
    const paused = await pausedAfterTwoHours(env);
    expect((await env.desk.publicView(paused.id)).expectation).toMatchObject({
      resolutionBy: null,
      paused: true,
    });
  });
});

describe('the audit log', () => {
  it('rebuilds the SLA state from the events alone', async () => {
    const env = await makeDesk();
    const paused = await pausedAfterTwoHours(env);
    env.clock.set('2024-03-06T10:00:00Z');
    await env.desk.resume(paused.id, {}, env.ada);
    env.clock.set('2024-03-08T10:00:00Z');
    await env.desk.tick();
    const stored = await env.desk.get(paused.id);
    expect(rebuildTicket(await env.desk.events(paused.id))).toEqual(stored);
  });
});
