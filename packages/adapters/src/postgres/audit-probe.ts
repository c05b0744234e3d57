import type { AuditEvent } from '@ticketry/core';
import type { AuditProbe } from '@ticketry/core/testing';
import type { TestDatabase } from './test-support.js';

/**
 * Raw changes to a schema's events with plain SQL, around the store,
 * as someone with database access would make them: for the audit
 * checks of the conformance suite, which expect the append-only
 * triggers (migration 2) to refuse both.
 */
export function postgresAuditProbe(
  db: TestDatabase,
  schema: string,
): AuditProbe {
  const events = `"${schema}".events`;
  const where = 'WHERE site_id = $1 AND ticket_id = $2 AND version = $3';
  return {
    refusesEventChanges: true,
    async editEvent(siteId, ticketId, version, edit) {
      const [row] = await db.query<{ body: string }>(
        `SELECT body FROM ${events} ${where}`,
        [siteId, ticketId, version],
      );
      if (!row) throw new Error(`no event ${ticketId} v${version}`);
      const event = JSON.parse(row.body) as AuditEvent;
      edit(event);
      await db.query(`UPDATE ${events} SET body = $4 ${where}`, [
        siteId,
        ticketId,
        version,
        JSON.stringify(event),
      ]);
    },
    async deleteEvent(siteId, ticketId, version) {
      await db.query(`DELETE FROM ${events} ${where}`, [
        siteId,
        ticketId,
        version,
      ]);
    },
  };
}
