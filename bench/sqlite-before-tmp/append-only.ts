/**
 * Migration step: the audit trail becomes append-only in the database
 * itself. Any UPDATE or DELETE of an event row fails, whoever sends it
 * (the store never does); rolling a transaction back still removes
 * rows it inserted. SQLite has no TRUNCATE, and a DELETE without WHERE
 * fires the trigger too. `DROP TABLE` and editing the file's bytes are
 * not stopped: `verifyAudit` is what finds those (docs/audit.md).
 */
export const APPEND_ONLY_EVENTS = `
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'ticketry events are append-only: UPDATE refused');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'ticketry events are append-only: DELETE refused');
END;
`;
