import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFiles } from './test-support.js';
import { inspectFile, prepareFile } from './writers.js';

const files = tempFiles();
afterAll(() => files.remove());

// The multi-process and crash tests pass only if inspectFile finds
// nothing wrong, so it must find damage when there is some.
describe('inspectFile, the check behind the process and crash tests', () => {
  it('finds a lost event, an acked write never made, and a counter without its updates', async () => {
    const filename = files.file('inspect');
    const [first, second] = await prepareFile(filename, 2);
    const clean = inspectFile(filename, [], [first!, second!]);
    expect(clean).toMatchObject({ integrity: 'ok', uneven: [], lost: [] });

    const db = new Database(filename);
    const event = db
      .prepare('SELECT id FROM events WHERE ticket_id = ?')
      .pluck()
      .get(first) as string;
    db.pragma('foreign_keys = OFF');
    // Events are append-only (migration 4): damage needs the trigger gone.
    db.exec('DROP TRIGGER events_no_delete');
    db.prepare('DELETE FROM events WHERE id = ?').run(event);
    db.prepare(
      "UPDATE tickets SET body = json_set(body, '$.fields.counter', 3) WHERE id = ?",
    ).run(second);
    db.close();

    const acks = [
      { ticketId: first!, version: 1, eventId: event },
      { ticketId: second!, version: 2, eventId: 'never-written' },
    ];
    const found = inspectFile(filename, acks, [first!, second!]);
    expect(found.uneven).toEqual([{ id: first, version: 1, events: 0 }]);
    expect(found.lost).toEqual(acks);
    expect(found.counters).toEqual([
      { id: first, counter: 0, updates: 0 },
      { id: second, counter: 3, updates: 0 },
    ]);
  });
});
