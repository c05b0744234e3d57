import { describe, expect, it } from 'vitest';
import {
  BROKEN_STORES,
  brokenHarness,
  describeStoreConformance,
  memoryHarness,
  runConformance,
} from './index.js';

describeStoreConformance('memory', memoryHarness());

/**
 * What each broken store must fail: a check's name, and where the
 * message matters (the check passed before it was made strict), a
 * pattern for the message.
 */
const expected: Record<string, { name: RegExp; message?: RegExp }> = {
  'no version check': {
    name: /stale version is a conflict|exactly one wins|lose no update/,
  },
  'no idempotency': { name: /same key|findIdempotency/ },
  'no idempotency look-up': { name: /findIdempotency reads a used key/ },
  'ticket and event not written together': { name: /cannot be written/ },
  'idempotency check split from the write': { name: /duplicate submits/ },
  'version check split from the write': {
    name: /exactly one wins|lose no update/,
  },
  'text normalised on write': { name: /never normalised|combining marks/ },
  'conflict not a ConflictError': {
    name: /stale version is a conflict/,
    message:
      /must be a ConflictError from the same @ticketry\/core, got TicketryError/,
  },
  'seq as a string everywhere': {
    name: /reads back equal by id/,
    message: /createTicket: seq must be a positive whole number, is string 1/,
  },
  'seq as a bigint in the feed': {
    name: /the feed returns every event/,
    message: /readFeed: seq must be a positive whole number, is bigint/,
  },
  'list and feed arguments not validated': {
    name: /malformed list query is refused/,
    message:
      /an unknown sort: expected error VALIDATION_FAILED, nothing thrown/,
  },
  'commit on a missing ticket creates it': {
    name: /commit on a missing ticket is a ConflictError/,
  },
  'a used ticket id is overwritten': {
    name: /a second ticket with a used id or ref is refused/,
    message: /a second ticket with a used id was accepted/,
  },
  'ticket numbers start at 1': {
    name: /ticket numbers start at 1001/,
    message: /the first number of a site is 1, not 1001/,
  },
  'one ticket counter for every site': {
    name: /ticket numbers start at 1001 in each site/,
    message: /site-b's first number is 1023/,
  },
  'writes accepted after close': {
    name: /a closed store refuses reads and writes/,
    message: /a closed store answered a write/,
  },
  'a write under way at close is answered and dropped': {
    name: /a write under way when close\(\) is called/,
    message: /answered but is not persisted/,
  },
  'ref counter kept per store object': {
    name: /two stores open on the same data/,
    message: /two stores handed out one number twice/,
  },
  'email look-up answers the latest put': {
    name: /requesters, agents, teams/,
    message:
      /first holder of an email: differs at \$\.email: expected "Ada@Example.com", got "ADA@example.com"/,
  },
  'an added key on read': {
    name: /reads back equal by id/,
    message: /by id: differs at \$\.sla: expected no such key, got null/,
  },
  '-createdAt ascends': { name: /every sort orders by its value/ },
  'updatedAt sorts by createdAt': { name: /every sort orders by its value/ },
  '-updatedAt ascends': { name: /every sort orders by its value/ },
  'ties broken by id the other way': {
    name: /every sort orders by its value/,
    message: /createdAt order: differs at \$\[0\]: expected "t-02", got "t-07"/,
  },
  'record version ignored': {
    name: /a stale write or a create over a record/,
    message:
      /a write at a stale version: expected error VERSION_CONFLICT, nothing thrown/,
  },
  'record version check split from the write': {
    name: /record writes at one version exactly one wins|lose no increment/,
  },
  'record delete ignores the version': {
    name: /a stale one is a ConflictError/,
    message: /a delete at a stale version: expected error VERSION_CONFLICT/,
  },
  'records shared between sites': {
    name: /separated by site and by kind/,
  },
  'records listed in write order': {
    name: /records list in key order/,
    message: /every key, in order: differs at \$\[0\]: expected "A", got "b"/,
  },
  'record list limit ignored': {
    name: /at most 100 records unless told/,
    message: /120 records by default/,
  },
  'record values not validated': {
    name: /malformed record, address or query/,
    message:
      /putRecord with an undefined value: expected error VALIDATION_FAILED, nothing thrown/,
  },
};

describe('the conformance suite', () => {
  it('passes the memory store outside a test runner too', async () => {
    expect(await runConformance(memoryHarness())).toEqual([]);
  });

  it('knows what each broken store should fail', () => {
    expect(Object.keys(expected).sort()).toEqual(
      Object.keys(BROKEN_STORES).sort(),
    );
  });

  for (const name of Object.keys(BROKEN_STORES)) {
    it(`fails a store with ${name}`, async () => {
      const failures = await runConformance(brokenHarness(name));
      const want = expected[name]!;
      const hit = failures.filter((f) => want.name.test(f.name));
      expect(failures.map((f) => f.name).join('\n')).toMatch(want.name);
      if (want.message) {
        expect(hit.map((f) => f.message).join('\n')).toMatch(want.message);
      }
    });
  }

  it('fails the idempotency race only when submits run concurrently', async () => {
    const failures = await runConformance(
      brokenHarness('idempotency check split from the write'),
    );
    expect(failures.map((f) => f.name)).toEqual([
      '1000 duplicate submits, 16 at a time, make one ticket',
    ]);
  });

  it('fails the record version race only when writes run concurrently', async () => {
    const failures = await runConformance(
      brokenHarness('record version check split from the write'),
    );
    expect(failures.map((f) => f.name)).toEqual([
      'of 8 concurrent record writes at one version exactly one wins',
      '8 writers doing 10 read-modify-write increments each lose no increment',
    ]);
  });

  it('fails each strict order mistake only in the order check', async () => {
    for (const name of [
      '-createdAt ascends',
      'updatedAt sorts by createdAt',
      '-updatedAt ascends',
      'ties broken by id the other way',
    ]) {
      const failures = await runConformance(brokenHarness(name));
      expect(failures.map((f) => f.name)).toEqual([
        'every sort orders by its value, then id the same way, tickets without dueAt last',
      ]);
    }
  });
});
