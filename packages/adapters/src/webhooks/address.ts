import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 for IPv6. */
export interface Ip {
  family: 4 | 6;
  bits: bigint;
}

/** A network: an address and how many leading bits are fixed. */
export interface Cidr {
  family: 4 | 6;
  bits: bigint;
  prefix: number;
}

function parseV4(text: string): bigint {
  return text
    .split('.')
    .reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** Expands an IPv6 text (`::`, a dotted IPv4 tail) to 8 groups. */
function groupsOf(text: string): number[] {
  let tail: number[] = [];
  let head = text;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = Number(parseV4(text.slice(lastColon + 1)));
    tail = [v4 >>> 16, v4 & 0xffff];
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const [left = '', right] = head.split('::');
  const parse = (s: string) =>
    s ? s.split(':').map((g) => parseInt(g, 16)) : [];
  const l = parse(left);
  const r = [...parse(right ?? ''), ...tail];
  if (right === undefined) return [...l, ...tail];
  return [...l, ...new Array(8 - l.length - r.length).fill(0), ...r];
}

/**
 * Parses an IP address in its plain text form: dotted IPv4, or IPv6
 * with or without brackets and a zone (`fe80::1%eth0`). Anything else,
 * host names included, is null.
 */
export function parseIp(text: string): Ip | null {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return { family: 4, bits: parseV4(bare) };
  if (!isIPv6(bare)) return null;
  const bits = groupsOf(bare).reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
  return { family: 6, bits };
}

/** Parses `10.0.0.0/8`, `fc00::/7`, or one address (a /32 or /128). */
export function parseCidr(text: string): Cidr | null {
  const [address = '', prefixText] = text.split('/');
  const ip = parseIp(address);
  if (!ip) return null;
  const width = ip.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? '0') || prefix > width) return null;
  return { ...ip, prefix };
}

/** Whether an address lies in a network of its own family. */
export function inCidr(ip: Ip, net: Cidr): boolean {
  if (ip.family !== net.family) return false;
  const shift = BigInt((ip.family === 4 ? 32 : 128) - net.prefix);
  return ip.bits >> shift === net.bits >> shift;
}

const cidr = (text: string) => parseCidr(text)!;

/** IPv4 networks no webhook goes to, with the reason given. */
const V4_DENIED: [Cidr, string][] = [
  [cidr('0.0.0.0/8'), 'this-network (0.0.0.0/8)'],
  [cidr('10.0.0.0/8'), 'private (10/8)'],
  [cidr('100.64.0.0/10'), 'shared CGNAT (100.64/10)'],
  [cidr('127.0.0.0/8'), 'loopback'],
  [cidr('169.254.0.0/16'), 'link-local or cloud metadata (169.254/16)'],
  [cidr('172.16.0.0/12'), 'private (172.16/12)'],
  [cidr('192.0.0.0/24'), 'IETF protocol assignments'],
  [cidr('192.0.2.0/24'), 'documentation'],
  [cidr('192.88.99.0/24'), '6to4 relay'],
  [cidr('192.168.0.0/16'), 'private (192.168/16)'],
  [cidr('198.18.0.0/15'), 'benchmarking'],
  [cidr('198.51.100.0/24'), 'documentation'],
  [cidr('203.0.113.0/24'), 'documentation'],
  [cidr('224.0.0.0/4'), 'multicast'],
  [cidr('240.0.0.0/4'), 'reserved or broadcast'],
];

/** IPv6 networks no webhook goes to; mapped and NAT64 are checked inside. */
const V6_DENIED: [Cidr, string][] = [
  [cidr('::/128'), 'unspecified (::)'],
  [cidr('::1/128'), 'loopback'],
  [cidr('::/96'), 'IPv4-compatible'],
  [cidr('64:ff9b:1::/48'), 'local NAT64'],
  [cidr('100::/64'), 'discard'],
  [cidr('2001::/32'), 'Teredo'],
  [cidr('2001:10::/28'), 'ORCHID'],
  [cidr('2001:db8::/32'), 'documentation'],
  [cidr('2002::/16'), '6to4'],
  [cidr('fc00::/7'), 'unique local (fc00::/7)'],
  [cidr('fe80::/10'), 'link-local (fe80::/10)'],
  [cidr('fec0::/10'), 'site-local'],
  [cidr('ff00::/8'), 'multicast'],
];

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits. */
const EMBEDDING = [cidr('::ffff:0:0/96'), cidr('64:ff9b::/96')];

/**
 * Why no webhook may go to this address (loopback, private, link-local,
 * metadata, CGNAT, multicast, reserved…), or null for a public one.
 * IPv4-mapped and NAT64 IPv6 addresses are judged by their IPv4 part.
 */
export function deniedBecause(ip: Ip): string | null {
  if (ip.family === 6 && EMBEDDING.some((net) => inCidr(ip, net))) {
    const inner = deniedBecause({ family: 4, bits: ip.bits & 0xffffffffn });
    return inner && `${inner}, inside IPv6`;
  }
  const table = ip.family === 4 ? V4_DENIED : V6_DENIED;
  return table.find(([net]) => inCidr(ip, net))?.[1] ?? null;
}
