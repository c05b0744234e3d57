import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDesk,
  createManualClock,
  createMemoryStore,
  type DeskOptions,
} from '@ticketry/core';
import { SERVICENOW_COLUMNS } from './servicenow.ts';

/** The data folder of the repository. */
export const DATA = new URL('../../data/', import.meta.url).pathname;

/** The ServiceNow sample shipped in `data/`: 984 incidents. */
export const SERVICENOW_SAMPLE = join(
  DATA,
  'servicenow-uci-incident-log/incident_event_log_sample_every25th.csv',
);

/** The full helpdesk log shipped in `data/`. */
export const HELPDESK_LOG = join(
  DATA,
  'helpdesk-italian-company/helpdesk_full_finale.csv',
);

/** A memory-store desk on a manual clock, as the replay needs. */
export function replayDesk(options: Partial<DeskOptions> = {}) {
  const store = options.store ?? createMemoryStore();
  const clock = createManualClock('1970-01-01T00:00:00Z');
  return { store, clock, desk: createDesk({ clock, ...options, store }) };
}

/** Writes a file in a fresh temporary folder and answers its path. */
export function writeTemp(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ticketry-replay-')), name);
  writeFileSync(path, content);
  return path;
}

/**
 * A small ServiceNow-shaped CSV: one line per row as
 * `[number, state, updatedAt, assignedTo]`, every row of an incident
 * sharing `opened_at`, `resolved_at` and `closed_at` as the log does.
 */
export function serviceNowCsv(
  incident: { opened: string; resolved: string; closed: string },
  rows: [string, string, string, string][],
): string {
  const lines = rows.map(([number, state, at, agent], i) =>
    [
      number,
      state,
      i,
      'Caller 5',
      incident.opened,
      at,
      'Phone',
      'Location 1',
      'Category 1',
      'Subcategory 1',
      'Symptom 1',
      '2 - Medium',
      '2 - Medium',
      'Group 1',
      agent,
      'code 6',
      incident.resolved,
      incident.closed,
      'true',
    ].join(','),
  );
  return [SERVICENOW_COLUMNS.join(','), ...lines].join('\n') + '\n';
}
