/**
 * Why the SQLite store turns some capabilities off, for the
 * conformance suite's `capabilityReasons` and for anyone printing them.
 */
export const SQLITE_CAPABILITY_REASONS = Object.freeze({
  changeNotifications:
    'SQLite pushes nothing to other connections, so writes made by another process never reach this one; poll readFeed(after, limit), whose seq is handed out under the write lock so a poller never skips an event',
  fullText:
    'the store contract has no text query yet; an FTS5 index on subject and description would come as a migration together with it',
});
