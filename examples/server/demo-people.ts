import {
  type Actor,
  createApprovals,
  createOrganizations,
  createWatchers,
  type Desk,
  TicketryError,
} from '@ticketry/core';
import { DEMO_MAIL_ADDRESS } from './demo-mail.ts';
import type { Logger } from './log.ts';

/** The demo's organization: everyone at example.com, sharing tickets. */
export const DEMO_ORG = {
  id: 'example-co',
  name: 'Example Co',
  domains: ['example.com'],
  shareTickets: true,
} as const;

/**
 * People for the demo: the Example Co organization (the demo user,
 * demo.user@example.com, reads colleagues' tickets at
 * GET /api/v1/me/organization/tickets), watchers, and approvals:
 * `change` tickets wait for the service desk's supervisor.
 */
export async function demoPeople(
  desk: Desk,
  log: Logger,
  supervisorId: string,
) {
  const organizations = createOrganizations(desk);
  const approvals = createApprovals(desk, {
    rules: [{ ticketType: 'change', approvers: 'team_supervisor' }],
    onError: (error, ticketId) =>
      log.error('approval gate failed', { ticketId, error }),
  });
  const watchers = createWatchers(desk, { ownAddresses: [DEMO_MAIL_ADDRESS] });
  const supervisor: Actor = { role: 'supervisor', id: supervisorId };

  /** Creates the demo organization once; the supervisor must exist. */
  async function ensureOrg() {
    try {
      await organizations.getOrganization(DEMO_ORG.id);
    } catch (error) {
      if (!(error instanceof TicketryError) || error.code !== 'NOT_FOUND') {
        throw error;
      }
      try {
        await organizations.createOrganization(
          { ...DEMO_ORG, domains: [...DEMO_ORG.domains] },
          supervisor,
        );
        log.info('demo organization created', { id: DEMO_ORG.id });
      } catch (raced) {
        // A second process on the same database made it first.
        const made = raced instanceof TicketryError;
        if (!made || raced.code !== 'ALREADY_EXISTS') throw raced;
      }
    }
  }

  return {
    services: { organizations, approvals, watchers },
    ensureOrg,
    /** Waits for gates and memberships started by the desk's events. */
    idle: async () => {
      await approvals.idle();
      await organizations.idle();
    },
    close() {
      approvals.stop();
      organizations.stop();
    },
  };
}
