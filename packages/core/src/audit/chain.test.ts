import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../store/types.js';
import { hashText } from './canonical.js';
import { chainEvent, eventHash, GENESIS_HASH } from './chain.js';
import { sha256Hex, webSha256 } from './sha256.js';

const draft = (): NewEvent => ({
  id: 'e1',
  siteId: 'default',
  ticketId: 't1',
  version: 1,
  at: '2024-03-04T09:00:00.000Z',
  actor: { role: 'requester', id: 'r1' },
  type: 'ticket.submitted',
  changes: { subject: 'Printer jams', tags: ['hw'] },
  data: null,
});

describe('the text an audit hash covers', () => {
  it('sorts keys at every depth and leaves undefined members out', () => {
    expect(hashText({ b: 1, a: { d: [2, undefined], c: undefined } })).toBe(
      '{"a":{"d":[2,null]},"b":1}',
    );
  });

  it('is the same for a value and for that value after a JSON round trip', () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(
        fc.string(),
        fc.oneof(
          fc.jsonValue(),
          fc.date({ noInvalidDate: true }),
          fc.constant(undefined),
        ),
      ),
      fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))),
    );
    fc.assert(
      fc.property(value, (v) => {
        const copy = JSON.parse(JSON.stringify(v) ?? 'null');
        expect(hashText(copy)).toBe(hashText(v));
        expect(JSON.parse(hashText(v))).toEqual(copy);
      }),
      { numRuns: 500 },
    );
  });
});

describe('SHA-256', () => {
  it('gives the standard digest of "abc"', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('is the same through node:crypto and Web Crypto, lone surrogates too', async () => {
    for (const text of [
      '',
      'Ünïcødé 日本 🎫',
      'half \ud800 pair',
      'x'.repeat(70_000),
    ]) {
      expect(await webSha256(text)).toBe(await sha256Hex(text));
    }
  });
});

describe('chainEvent', () => {
  it('starts a chain at the genesis hash and covers prevHash', async () => {
    const first = await chainEvent(draft(), undefined);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await eventHash(first)).toBe(first.hash);

    const second = await chainEvent(
      { ...draft(), id: 'e2', version: 2 },
      first.hash,
    );
    expect(second.prevHash).toBe(first.hash);
    const relinked = await chainEvent(
      { ...draft(), id: 'e2', version: 2 },
      GENESIS_HASH,
    );
    expect(relinked.hash).not.toBe(second.hash);
  });

  it('changes the hash when any field changes, and not for seq', async () => {
    const base = await chainEvent(draft(), undefined);
    const edits: Partial<NewEvent>[] = [
      { id: 'e9' },
      { siteId: 'other' },
      { ticketId: 't9' },
      { version: 2 },
      { at: '2024-03-04T09:00:01.000Z' },
      { actor: { role: 'agent', id: 'ada' } },
      { type: 'ticket.noted' },
      { changes: { subject: 'Printer jams!', tags: ['hw'] } },
      { data: { note: 'x' } },
    ];
    for (const edit of edits) {
      expect(await eventHash({ ...base, ...edit })).not.toBe(base.hash);
    }
    expect(await eventHash({ ...base, seq: 42 } as NewEvent)).toBe(base.hash);
  });
});
