import { describe, expect, it, vi } from 'vitest';
import { deniedBecause, parseIp } from './address.js';
import { createAddressGuard, type LookupAll } from './guard.js';
import { createWebhookSender } from './sender.js';
import type { Transport } from './transport.js';

/** A transport that must never be reached: it only counts calls. */
function forbiddenTransport() {
  const calls: string[] = [];
  const transport: Transport = async ({ target }) => {
    calls.push(target.address);
    throw new Error('a refused destination reached the transport');
  };
  return { transport, calls };
}

/** A fake DNS: names to fixed answers, every question recorded. */
function fakeDns(answers: Record<string, string[]>) {
  const asked: string[] = [];
  const lookup: LookupAll = async (host) => {
    asked.push(host);
    const found = answers[host];
    if (!found)
      throw Object.assign(new Error(`ENOTFOUND ${host}`), {
        code: 'ENOTFOUND',
      });
    return found.map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
  };
  return { lookup, asked };
}

const REFUSED_LITERALS = [
  'http://127.0.0.1/hook',
  'http://127.1.2.3:8080/hook',
  'http://2130706433/hook', // 127.0.0.1 as one decimal number
  'http://0x7f000001/hook', // hex
  'http://0177.0.0.1/hook', // octal
  'http://0/hook', // 0.0.0.0
  'http://0.0.0.0/hook',
  'http://10.0.0.5/hook',
  'http://172.16.3.4/hook',
  'http://172.31.255.255/hook',
  'http://192.168.1.1/hook',
  'http://100.64.0.1/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://2852039166/latest/meta-data/', // 169.254.169.254 as decimal
  'http://[::1]/hook',
  'http://[::]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::ffff:a9fe:a9fe]/hook', // mapped metadata
  'http://[64:ff9b::a9fe:a9fe]/hook', // NAT64 of the metadata address
  'http://[fd12:3456::1]/hook',
  'http://[fc00::1]/hook',
  'http://[fe80::1]/hook',
  'http://[ff02::1]/hook',
  'http://224.0.0.1/hook',
  'http://255.255.255.255/hook',
];

describe('the address guard', () => {
  it.each(REFUSED_LITERALS)(
    'refuses %s without a lookup or a connection',
    async (url) => {
      const { transport, calls } = forbiddenTransport();
      const dns = fakeDns({});
      const sender = createWebhookSender({
        secret: 's'.repeat(32),
        transport,
        lookup: dns.lookup,
      });
      const result = await sender.send({
        id: 'd1',
        url,
        event: 'ticket.submitted',
        payload: {},
      });
      expect(result).toMatchObject({ ok: false, refused: true, attempts: [] });
      expect(calls).toEqual([]);
      expect(dns.asked).toEqual([]);
    },
  );

  it('refuses names that resolve to a forbidden address, checking every answer', async () => {
    const { transport, calls } = forbiddenTransport();
    const dns = fakeDns({
      localhost: ['127.0.0.1', '::1'],
      'metadata.internal': ['169.254.169.254'],
      'rebind.example': ['93.184.216.34', '10.0.0.1'],
      'v6.example': ['::ffff:192.168.0.10'],
    });
    const sender = createWebhookSender({
      secret: 's'.repeat(32),
      transport,
      lookup: dns.lookup,
    });
    for (const host of [
      'localhost',
      'metadata.internal',
      'rebind.example',
      'v6.example',
    ]) {
      const result = await sender.send({
        id: 'd',
        url: `https://${host}/x`,
        event: 'e',
        payload: {},
      });
      expect(result.refused, host).toBe(true);
    }
    expect(dns.asked).toEqual([
      'localhost',
      'metadata.internal',
      'rebind.example',
      'v6.example',
    ]);
    expect(calls).toEqual([]);
  });

  it('refuses other schemes and credentials before anything else', async () => {
    const guard = createAddressGuard({ lookup: fakeDns({}).lookup });
    for (const url of [
      'ftp://example.com/x',
      'file:///etc/passwd',
      'gopher://x/',
      'https://u:p@example.com/',
      'not a url',
    ]) {
      await expect(guard(url), url).rejects.toMatchObject({
        code: 'DESTINATION_REFUSED',
      });
    }
  });

  it('connects a public name to the very address it checked', async () => {
    const dns = fakeDns({ 'hooks.example': ['93.184.216.34'] });
    const guard = createAddressGuard({ lookup: dns.lookup });
    const target = await guard('https://hooks.example/in?a=1');
    expect(target).toMatchObject({
      host: 'hooks.example',
      address: '93.184.216.34',
      family: 4,
    });
    const transport = vi.fn<Transport>(async () => ({
      status: 204,
      retryAfter: null,
    }));
    const sender = createWebhookSender({
      secret: 's'.repeat(32),
      transport,
      lookup: dns.lookup,
    });
    expect(
      (
        await sender.send({
          id: 'd',
          url: 'https://hooks.example/in',
          event: 'e',
          payload: {},
        })
      ).ok,
    ).toBe(true);
    expect(transport.mock.calls[0]![0].target.address).toBe('93.184.216.34');
  });

  it('lets an administrator allow a host or a network explicitly, and nothing more', async () => {
    const dns = fakeDns({
      'crm.internal': ['10.1.2.3'],
      'other.internal': ['10.9.9.9'],
    });
    const guard = createAddressGuard({
      allow: ['crm.internal', '192.168.50.0/24', '::1'],
      lookup: dns.lookup,
    });
    await expect(guard('http://crm.internal/x')).resolves.toMatchObject({
      address: '10.1.2.3',
    });
    await expect(guard('http://192.168.50.7/x')).resolves.toMatchObject({
      address: '192.168.50.7',
    });
    await expect(guard('http://[::1]:9000/x')).resolves.toMatchObject({
      address: '::1',
      family: 6,
    });
    await expect(guard('http://other.internal/x')).rejects.toMatchObject({
      code: 'DESTINATION_REFUSED',
    });
    await expect(guard('http://192.168.51.7/x')).rejects.toMatchObject({
      code: 'DESTINATION_REFUSED',
    });
    await expect(guard('http://127.0.0.1/x')).rejects.toMatchObject({
      code: 'DESTINATION_REFUSED',
    });
    expect(() => createAddressGuard({ allow: ['10.0.0.0/99'] })).toThrow(
      TypeError,
    );
  });
});

describe('address classes', () => {
  it('judge mapped and NAT64 IPv6 by their IPv4 part, and pass public addresses', () => {
    const reason = (text: string) => deniedBecause(parseIp(text)!);
    expect(reason('8.8.8.8')).toBeNull();
    expect(reason('2606:4700:4700::1111')).toBeNull();
    expect(reason('::ffff:8.8.8.8')).toBeNull();
    expect(reason('::ffff:10.0.0.1')).toMatch(/private/);
    expect(reason('64:ff9b::7f00:1')).toMatch(/loopback/);
    expect(reason('fe80::1%eth0')).toMatch(/link-local/);
    expect(reason('169.254.169.254')).toMatch(/metadata/);
    expect(reason('100.127.255.255')).toMatch(/CGNAT/);
    expect(reason('100.128.0.0')).toBeNull();
    expect(reason('172.32.0.1')).toBeNull();
    expect(parseIp('example.com')).toBeNull();
    expect(parseIp('1.2.3')).toBeNull();
  });
});
