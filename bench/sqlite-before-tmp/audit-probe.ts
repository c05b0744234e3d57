import type { AuditEvent } from '@ticketry/core';
import type { AuditProbe } from '@ticketry/core/testing';
import Database from 'better-sqlite3';

/**
 * Raw changes to a store file's events over a connection of its own,
 * as someone holding the file would make them: for the audit checks
 * of the conformance suite, which expect the triggers of migration 4
 * to refuse both.
 */
export function sqliteAuditProbe(filename: string): AuditProbe & {
  close(): void;
} {
  const db = new Database(filename, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const where = 'WHERE site_id = ? AND ticket_id = ? AND version = ?';
  return {
    refusesEventChanges: true,
    async editEvent(siteId, ticketId, version, edit) {
      const row = db
        .prepare(`SELECT body FROM events ${where}`)
        .get(siteId, ticketId, version) as { body: string } | undefined;
      if (!row) throw new Error(`no event ${ticketId} v${version}`);
      const event = JSON.parse(row.body) as AuditEvent;
      edit(event);
      db.prepare(`UPDATE events SET body = ? ${where}`).run(
        JSON.stringify(event),
        siteId,
        ticketId,
        version,
      );
    },
    async deleteEvent(siteId, ticketId, version) {
      db.prepare(`DELETE FROM events ${where}`).run(siteId, ticketId, version);
    },
    close: () => db.close(),
  };
}
