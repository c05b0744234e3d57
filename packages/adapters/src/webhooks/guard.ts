import { lookup as dnsLookup } from 'node:dns/promises';
import { TicketryError } from '@ticketry/core';
import {
  type Cidr,
  deniedBecause,
  type Ip,
  inCidr,
  parseCidr,
  parseIp,
} from './address.js';

/** Every address a name resolves to, as `dns.lookup(name, { all: true })` gives them. */
export type LookupAll = (
  hostname: string,
) => Promise<{ address: string; family: number }[]>;

/** Where a delivery connects: the URL and the checked address. */
export interface Target {
  url: URL;
  /** The host name as in the URL, without IPv6 brackets. */
  host: string;
  address: string;
  family: 4 | 6;
}

/** Options of the address guard. */
export interface AddressGuardOptions {
  /**
   * Hosts (exact names) and networks (`10.1.0.0/16`, `127.0.0.1`,
   * `::1/128`) an administrator allows although they are private or
   * local. @default none
   */
  allow?: readonly string[];
  /** @default node:dns lookup with `all: true` */
  lookup?: LookupAll;
}

const systemLookup: LookupAll = (host) =>
  dnsLookup(host, { all: true, verbatim: true });

const refused = (url: string, why: string) =>
  new TicketryError(
    'DESTINATION_REFUSED',
    `webhook to ${url.slice(0, 200)} refused: ${why}`,
    {
      details: { reason: why },
    },
  );

/** Splits an allow-list into networks and host names; throws on junk. */
export function parseAllowList(allow: readonly string[] = []) {
  const nets: Cidr[] = [];
  const hosts = new Set<string>();
  for (const entry of allow) {
    const net = parseCidr(entry.trim());
    if (net) nets.push(net);
    else if (/^[a-z0-9.-]{1,253}$/i.test(entry) && !entry.includes('/')) {
      hosts.add(entry.toLowerCase());
    } else
      throw new TypeError(
        `allow: ${JSON.stringify(entry)} is neither a host nor a network`,
      );
  }
  return { nets, hosts };
}

/**
 * The address guard: resolves a URL's host, checks every address and
 * returns one to connect to, or throws DESTINATION_REFUSED. Only http
 * and https; no credentials in the URL; loopback, private, link-local
 * (cloud metadata), CGNAT, multicast and reserved addresses are refused
 * unless allow-listed. IP literals are never looked up.
 */
export function createAddressGuard(options: AddressGuardOptions = {}) {
  const { nets, hosts } = parseAllowList(options.allow);
  const lookup = options.lookup ?? systemLookup;
  const allowed = (ip: Ip) => nets.some((net) => inCidr(ip, net));

  function check(raw: string, ip: Ip | null, hostAllowed: boolean) {
    if (!ip)
      throw refused(
        raw,
        'the name resolved to something that is not an address',
      );
    if (hostAllowed || allowed(ip)) return;
    const why = deniedBecause(ip);
    if (why) throw refused(raw, `${why} address`);
  }

  return async function resolveTarget(raw: string): Promise<Target> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw refused(raw, 'not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw refused(raw, 'only http and https');
    }
    if (url.username || url.password)
      throw refused(raw, 'credentials in the URL');
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = parseIp(host);
    if (literal) {
      check(raw, literal, false);
      return { url, host, address: host, family: literal.family };
    }
    const hostAllowed = hosts.has(host.toLowerCase().replace(/\.$/, ''));
    const found = await lookup(host).catch((cause: unknown) => {
      throw new TicketryError('DESTINATION_REFUSED', `cannot resolve ${host}`, {
        cause,
      });
    });
    if (found.length === 0) throw refused(raw, `${host} has no address`);
    // Every answer must pass: a mixed answer is how rebinding starts.
    for (const a of found) check(raw, parseIp(a.address), hostAllowed);
    const first = found[0]!;
    return {
      url,
      host,
      address: first.address,
      family: first.family === 6 ? 6 : 4,
    };
  };
}
