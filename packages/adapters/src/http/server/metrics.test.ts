import { createMetrics } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-setup.js';

const sam = { actor: { role: 'supervisor', id: 'sam' } } as const;

describe('GET /metrics and /metrics.csv', () => {
  let t: TestServer;
  let requesterToken: string;

  beforeAll(async () => {
    t = await startServer();
    await t.desk.createAgent({
      id: 'ops',
      name: 'Ops',
      role: 'agent',
      teamIds: ['network'],
    });
    const first = await t.submit();
    requesterToken = first.token;
    await t.desk.triage(
      first.id,
      { impact: 'high', urgency: 'high', teamId: 'network' },
      sam,
    );
    await t.desk.assign(
      first.id,
      { assigneeId: 'ops', teamId: 'network' },
      sam,
    );
    const second = await t.submit({ subject: 'VPN drops' });
    await t.desk.assign(
      second.id,
      { assigneeId: 'ada', teamId: 'service-desk' },
      sam,
    );
  });
  afterAll(() => t.close());

  it('gives supervisors the report folded from the desk, with everyone’s workload', async () => {
    const response = await t.call('/metrics', { token: t.keys.supervisor });
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.tickets).toBe(2);
    expect(report.backlog.open).toBe(2);
    expect(report.workload.agents.map((a: { id: string }) => a.id)).toEqual([
      'ada',
      'ops',
    ]);
  });

  it('shows an agent their own workload row only', async () => {
    const report = await (
      await t.call('/metrics', { token: t.keys.agent })
    ).json();
    expect(report.workload.agents).toEqual([
      { id: 'ada', openAssigned: 1, resolved: 0 },
    ]);
    expect(report.tickets).toBe(2);
  });

  it('refuses requesters and anonymous callers', async () => {
    expect((await t.call('/metrics')).status).toBe(401);
    expect((await t.call('/metrics', { token: requesterToken })).status).toBe(
      403,
    );
  });

  it('applies filters and the zone from the query string', async () => {
    const query = '?team=network&priority=critical&zone=Asia/Tokyo';
    const report = await (
      await t.call(`/metrics${query}`, { token: t.keys.supervisor })
    ).json();
    expect(report.tickets).toBe(1);
    expect(report.filters).toEqual({ teamId: 'network', priority: 'critical' });
    expect(report.period.zone).toBe('Asia/Tokyo');
    expect(report.period.from).toMatch(/T15:00:00\.000Z$/);
  });

  it('answers 422 naming the parameter for a bad query', async () => {
    for (const [query, path] of [
      ['zone=Mars/Olympus', 'zone'],
      ['priority=urgent', 'priority'],
      ['from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z', 'to'],
      ['colour=red', ''],
    ]) {
      const response = await t.call(`/metrics?${query}`, {
        token: t.keys.supervisor,
      });
      expect(response.status).toBe(422);
      const body = await response.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.issues[0].path.join('.')).toBe(path);
    }
  });

  it('sees events committed after the first request', async () => {
    const before = await (
      await t.call('/metrics', { token: t.keys.supervisor })
    ).json();
    await t.submit({ subject: 'Screen flickers' });
    const after = await (
      await t.call('/metrics', { token: t.keys.supervisor })
    ).json();
    expect(after.tickets).toBe(before.tickets + 1);
  });

  it('exports a section as a CSV attachment', async () => {
    const response = await t.call('/metrics.csv?section=workload-agents', {
      token: t.keys.supervisor,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'text/csv; charset=utf-8',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="metrics-workload-agents-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('id,open_assigned,resolved');
    expect(lines.slice(1)).toEqual(['ada,1,0', 'ops,1,0', '']);
    const missing = await t.call('/metrics.csv', { token: t.keys.supervisor });
    expect(missing.status).toBe(422);
  });
});

describe('a configured metrics service', () => {
  it('answers instead of folding the desk', async () => {
    const metrics = createMetrics({ zone: 'Europe/Lisbon' });
    const t = await startServer({ services: { metrics } });
    try {
      await t.submit();
      const report = await (
        await t.call('/metrics', { token: t.keys.supervisor })
      ).json();
      // Nothing was fed to this service, so it knows of no ticket.
      expect(report.tickets).toBe(0);
      expect(report.period.zone).toBe('Europe/Lisbon');
    } finally {
      await t.close();
    }
  });
});
