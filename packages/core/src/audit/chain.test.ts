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

  it('writes what sorting every object afresh writes, through the shape cache', () => {
    // The plain definition: keys sorted at every depth, JSON spelling.
    const plain = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map(plain).join(',')}]`;
      if (v === null || typeof v !== 'object') return JSON.stringify(v);
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${plain(o[k])}`).join(',')}}`;
    };
    // Keys that join alike ("a\0b","c" and "a","b\0c") and over 512 shapes.
    const key = fc.oneof(
      fc.constantFrom('a', 'b', 'c', 'a\u0000b', 'b\u0000c', '\u0000', ''),
      fc.string(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 0 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), (values) => {
        for (const v of values) expect(hashText(v)).toBe(plain(v));
      }),
      { numRuns: 400 },
    );
    expect(hashText({ 'a\u0000b': 1, c: 2 })).toBe('{"a\\u0000b":1,"c":2}');
    expect(hashText({ a: 1, 'b\u0000c': 2 })).toBe('{"a":1,"b\\u0000c":2}');
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
