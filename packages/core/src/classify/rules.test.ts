import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { TicketryError } from '../errors.js';
import { applyRules, parseClassifyRules } from './rules.js';

async function ticket(extra: Record<string, unknown> = {}) {
  const { desk } = await staffedDesk();
  const { ticket } = await desk.submit({
    subject: 'VPN drops every hour',
    description: 'The Wi-Fi is fine; the VPN client disconnects.',
    requester: { email: 'ada@Finance.example.com' },
    channel: 'email',
    tags: ['remote'],
    fields: { site: 'Berlin' },
    ...extra,
  });
  return ticket;
}

describe('classification rules', () => {
  it('match whole words in the text and say which rule and why', async () => {
    const rules = parseClassifyRules([
      {
        id: 'net',
        any: [{ field: 'text', contains: ['vpn', 'wifi'] }],
        set: { category: 'Network' },
      },
      {
        id: 'lan',
        any: [{ field: 'text', contains: ['lan'] }],
        set: { category: 'LAN' },
      },
    ]);
    const out = applyRules(rules, await ticket());
    expect(out.actions).toEqual({ category: 'Network' });
    expect(out.matched).toEqual([
      { ruleId: 'net', because: ['text contains "vpn"'] },
    ]);
  });

  it('need every `all` condition and one `any` condition', async () => {
    const rules = parseClassifyRules([
      {
        id: 'finance-remote',
        all: [
          { field: 'requester.domain', equals: 'finance.example.com' },
          { field: 'channel', in: ['email', 'web'] },
          { field: 'tags', equals: 'remote' },
          { field: 'fields.site', equals: 'berlin' },
        ],
        any: [{ field: 'subject', matches: '^vpn\\b' }],
        set: { teamId: 'service-desk', urgency: 'high', tags: ['finance'] },
      },
      {
        id: 'never',
        all: [{ field: 'channel', equals: 'web' }],
        set: { impact: 'high' },
      },
    ]);
    const t = await ticket();
    const out = applyRules(rules, t, {
      requesterEmail: 'ada@Finance.example.com',
    });
    expect(out.matched.map((m) => m.ruleId)).toEqual(['finance-remote']);
    expect(out.matched[0]!.because).toHaveLength(5);
    expect(out.actions).toEqual({
      teamId: 'service-desk',
      urgency: 'high',
      tags: ['finance'],
    });
    expect(applyRules(rules, t).matched).toEqual([]);
  });

  it('let the first rule win a field, add tags up, and stop on `stop`', async () => {
    const rules = parseClassifyRules([
      {
        id: 'a',
        any: [{ field: 'text', contains: ['vpn'] }],
        set: { category: 'A', tags: ['x'] },
      },
      {
        id: 'b',
        any: [{ field: 'text', contains: ['client'] }],
        set: { category: 'B', impact: 'low', tags: ['y'] },
        stop: true,
      },
      {
        id: 'c',
        any: [{ field: 'text', contains: ['vpn'] }],
        set: { urgency: 'high' },
      },
    ]);
    const out = applyRules(rules, await ticket());
    expect(out.actions).toEqual({
      category: 'A',
      impact: 'low',
      tags: ['x', 'y'],
    });
    expect(out.matched.map((m) => m.ruleId)).toEqual(['a', 'b']);
  });

  it('do not match part of a word', async () => {
    const rules = parseClassifyRules([
      {
        id: 'pn',
        any: [{ field: 'text', contains: ['pn'] }],
        set: { category: 'X' },
      },
    ]);
    expect(applyRules(rules, await ticket()).matched).toEqual([]);
  });

  it('are refused with the rule named when malformed', () => {
    const bad = [
      [{ id: 'x', set: {} }],
      [{ id: 'x', any: [{ field: 'text', matches: '(' }], set: {} }],
      [{ id: 'x', any: [{ field: 'owner', equals: 'a' }], set: {} }],
      [
        {
          id: 'x',
          any: [{ field: 'text', contains: ['a'] }],
          set: { impact: 'huge' },
        },
      ],
    ];
    for (const rules of bad) {
      expect(() => parseClassifyRules(rules)).toThrow(TicketryError);
    }
  });
});
