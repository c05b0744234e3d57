import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayFile } from './replay-file.ts';
import { DATA, HELPDESK_LOG, replayDesk } from './test-support.ts';

const FULL = process.env['TICKETRY_REPLAY_FULL'] === '1';
const stats = JSON.parse(readFileSync(join(DATA, 'stats.json'), 'utf8'));
const SERVICENOW_LOG = join(
  DATA,
  'servicenow-uci-incident-log/incident_event_log_full_restored.csv.gz',
);

// The whole logs take 15–30 s; set TICKETRY_REPLAY_FULL=1 to run them.
describe.skipIf(!FULL)('replaying the full logs against stats.json', () => {
  it('reproduces the ServiceNow figures in under a minute', async () => {
    const expected = stats.uci_servicenow;
    const started = Date.now();
    const { desk } = replayDesk({ closedReplyPolicy: 'reopen' });
    const report = await replayFile(desk, SERVICENOW_LOG);
    expect(Date.now() - started).toBeLessThan(60_000);

    expect(report.tickets).toBe(expected.incidents);
    expect(report.rows).toBe(expected.events);
    const resolved = report.openToResolvedHoursRecorded;
    expect(resolved.n).toBe(expected.opened_to_resolved_hours.n);
    expect(resolved.median).toBeCloseTo(
      expected.opened_to_resolved_hours.median,
      1,
    );
    expect(resolved.mean! / expected.opened_to_resolved_hours.mean).toBeCloseTo(
      1,
      2,
    );
    expect(report.resolveToCloseDaysRecorded.median).toBeCloseTo(
      expected.resolved_to_closed_days.median,
      2,
    );
    const five = expected.resolved_to_closed_days_hist['5'];
    expect(report.closeAboutFiveDaysShare! * resolved.n).toBeCloseTo(five, -1);
    expect(report.reopenShare).toBeCloseTo(0.011, 3);
  }, 120_000);

  it('reproduces the helpdesk last resolve → close median', async () => {
    const expected = stats.helpdesk_italian;
    const { desk } = replayDesk({ closedReplyPolicy: 'reopen' });
    const report = await replayFile(desk, HELPDESK_LOG);
    expect(report.tickets).toBe(expected.cases);
    expect(report.resolveToCloseDays.n).toBe(
      expected.last_resolve_to_last_close_days.n,
    );
    expect(report.resolveToCloseDays.median).toBeCloseTo(
      expected.last_resolve_to_last_close_days.median,
      1,
    );
  }, 120_000);
});
