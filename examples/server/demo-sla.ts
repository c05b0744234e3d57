import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createSlaRegistry,
  type SlaConfigInput,
  type SlaRegistry,
} from '@ticketry/core';

const here = dirname(fileURLToPath(import.meta.url));

/** The replay's policy for the ServiceNow incidents (24/7, ITIL priorities). */
export const SERVICENOW_SLA_FILE = `${here}/../replay/servicenow-sla.json`;

/**
 * The demo's SLA policies: the replay's ServiceNow policy for incidents
 * (the seeded history and new incidents), then the same targets for
 * every other ticket, so a request from the widget also runs a
 * first-response and a resolution clock. Both desks of the demo, the
 * one that seeds the history and the one that serves, take the same
 * registry, so replayed and new tickets are measured alike.
 */
export function demoSla(): SlaRegistry {
  const file = JSON.parse(
    readFileSync(SERVICENOW_SLA_FILE, 'utf8'),
  ) as SlaConfigInput & { policies: SlaConfigInput['policies'] };
  const incident = file.policies[0]!;
  return createSlaRegistry({
    ...file,
    policies: [
      ...file.policies,
      {
        id: 'demo-service-desk',
        version: 1,
        name: 'Every other request, same targets, 24/7',
        targets: incident.targets,
        pauseOn: ['requester'],
      },
    ],
  });
}
