import { describe, expect, it } from 'vitest';
import { replayFile } from './replay-file.ts';
import { replayDesk, serviceNowCsv, writeTemp } from './test-support.ts';

const INCIDENT = {
  opened: '1/3/2016 09:00',
  resolved: '3/3/2016 10:00',
  closed: '8/3/2016 10:00',
};

async function replayRows(
  rows: [string, string, string, string][],
  options: Parameters<typeof replayDesk>[0] = {},
  incident = INCIDENT,
) {
  const file = writeTemp('incident.csv', serviceNowCsv(incident, rows));
  const { desk } = replayDesk(options);
  const report = await replayFile(desk, file);
  const [ticket] = (await desk.list()).items;
  const events = await desk.events(ticket!.id);
  return { report, desk, types: events.map((e) => e.type.slice(7)) };
}

describe('steering commands from the log', () => {
  it('reassigns a waiting incident and puts it back to wait', async () => {
    const { types, report } = await replayRows([
      ['INC1', 'Active', '1/3/2016 09:10', 'Resolver 1'],
      ['INC1', 'Awaiting User Info', '1/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Awaiting User Info', '2/3/2016 10:00', 'Resolver 2'],
      ['INC1', 'Resolved', '3/3/2016 10:00', 'Resolver 2'],
      ['INC1', 'Closed', '8/3/2016 10:00', 'Resolver 2'],
    ]);
    expect(types).toEqual([
      'submitted',
      'triaged',
      'assigned',
      'started',
      'pended',
      'assigned',
      'started',
      'pended',
      'resolved',
      'closed',
    ]);
    expect(report.commands.refused).toBe(0);
  });

  it('makes agents members of the teams they appear with', async () => {
    const { desk } = await replayRows([
      ['INC1', 'Active', '1/3/2016 09:10', 'Resolver 1'],
    ]);
    const agent = await desk.getAgent('servicenow-resolver-1');
    expect(agent).toMatchObject({
      role: 'agent',
      teamIds: ['servicenow-group-1'],
    });
  });

  it('reopens a resolved incident by the requester rejecting it', async () => {
    const { types, report } = await replayRows([
      ['INC1', 'Active', '1/3/2016 09:10', 'Resolver 1'],
      ['INC1', 'Resolved', '2/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Active', '2/3/2016 12:00', 'Resolver 1'],
      ['INC1', 'Resolved', '3/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Closed', '8/3/2016 10:00', 'Resolver 1'],
    ]);
    expect(types.slice(4)).toEqual([
      'resolved',
      'rejected',
      'resolved',
      'closed',
    ]);
    expect(report.reopenedTickets).toBe(1);
  });

  it('replays a reopen the log shows even after the requester window', async () => {
    const rows: [string, string, string, string][] = [
      ['INC1', 'Active', '1/3/2016 09:10', 'Resolver 1'],
      ['INC1', 'Resolved', '2/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Active', '10/3/2016 12:00', 'Resolver 1'],
      ['INC1', 'Resolved', '11/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Closed', '16/3/2016 10:00', 'Resolver 1'],
    ];
    const late = {
      ...INCIDENT,
      resolved: '11/3/2016 10:00',
      closed: '16/3/2016 10:00',
    };
    const { report } = await replayRows(rows, {}, late);
    expect(report.refusals).toEqual({});
    expect(report.reopenedTickets).toBe(1);
  });

  it('reopens a closed incident under the reopen policy, else follows up', async () => {
    const rows: [string, string, string, string][] = [
      ['INC1', 'Active', '1/3/2016 09:10', 'Resolver 1'],
      ['INC1', 'Resolved', '2/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Closed', '3/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Active', '4/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Resolved', '5/3/2016 10:00', 'Resolver 1'],
      ['INC1', 'Closed', '8/3/2016 10:00', 'Resolver 1'],
    ];
    const incident = { ...INCIDENT, resolved: '5/3/2016 10:00' };
    const reopened = await replayRows(
      rows,
      { closedReplyPolicy: 'reopen' },
      incident,
    );
    expect(reopened.report.tickets).toBe(1);
    expect(reopened.report.finalStatus).toEqual({ closed: 1 });
    expect(reopened.types).toContain('replied');

    const followed = await replayRows(rows, {}, incident);
    expect(followed.report.followUps).toBe(1);
    expect(followed.report.tickets).toBe(2);
  });

  it('refuses to start an incident nobody is assigned to', async () => {
    const { report, types } = await replayRows([
      ['INC1', 'Active', '1/3/2016 09:10', '?'],
      ['INC1', 'Resolved', '3/3/2016 10:00', '?'],
      ['INC1', 'Closed', '8/3/2016 10:00', '?'],
    ]);
    expect(Object.keys(report.refusals)).toEqual([
      'TRANSITION_NOT_ALLOWED: start in open',
    ]);
    expect(types).toEqual(['submitted', 'triaged', 'resolved', 'closed']);
  });
});
