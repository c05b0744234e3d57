/**
 * The check of a webhook URL when rules are saved, with or without a
 * sender: a literal loopback, private, link-local (cloud metadata),
 * CGNAT, multicast or reserved address, or an obviously internal name
 * (`localhost`, `*.localhost`, `*.local`, `*.internal`, `metadata`), is
 * refused unless the administrator's allow-list names it. Other names
 * are checked again after DNS when a sender (with its address guard)
 * sends.
 */
import { TicketryError } from '../errors.js';

const refused = (url: string, why: string) =>
  new TicketryError(
    'DESTINATION_REFUSED',
    `webhook to ${url.slice(0, 200)} refused: ${why}`,
    { details: { reason: why } },
  );

/** [first address, prefix length, reason] of IPv4 networks refused. */
const V4: [string, number, string][] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared CGNAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local or cloud metadata'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved or broadcast'],
];

const v4Number = (text: string) =>
  text.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);

function v4Denied(n: number): string | null {
  for (const [base, prefix, why] of V4) {
    const size = 2 ** (32 - prefix);
    if (Math.floor(n / size) === Math.floor(v4Number(base) / size)) return why;
  }
  return null;
}

/** The 8 groups of a compressed IPv6 text as the URL parser writes it. */
function v6Groups(text: string): number[] {
  const [left = '', right] = text.split('::');
  const parse = (s: string) =>
    s ? s.split(':').map((g) => parseInt(g, 16)) : [];
  const l = parse(left);
  if (right === undefined) return l;
  const r = parse(right);
  return [...l, ...new Array(8 - l.length - r.length).fill(0), ...r];
}

function v6Denied(text: string): string | null {
  const g = v6Groups(text);
  if (g.slice(0, 6).every((x) => x === 0)) {
    if (g[6] === 0 && g[7]! <= 1) return g[7] ? 'loopback' : 'unspecified';
    return 'IPv4-compatible';
  }
  const inner = g[6]! * 65536 + g[7]!;
  const zeros = (from: number, to: number) =>
    g.slice(from, to).every((x) => x === 0);
  const mapped = zeros(0, 5) && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6);
  if (mapped || nat64) {
    const why = v4Denied(inner);
    return why && `${why}, inside IPv6`;
  }
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'unique local';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'site-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  return null;
}

const INTERNAL_NAME = /(^|\.)(localhost|local|internal|localdomain)$/;

/**
 * Why a webhook URL is refused before any DNS, or null. `allow` holds
 * host names and literal addresses (exactly as in the URL's host) the
 * administrator permits.
 */
export function webhookUrlRefusal(
  raw: string,
  allow: readonly string[] = [],
): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'only http and https';
  }
  if (url.username || url.password) return 'credentials in the URL';
  // The URL parser already turned 2852039166 or 0xa9.0xfe… into dotted form.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  const lower = host.toLowerCase();
  if (
    allow.some((a) => a.toLowerCase().replace(/^\[(.*)\]$/, '$1') === lower)
  ) {
    return null;
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    const why = v4Denied(v4Number(host));
    return why && `${why} address`;
  }
  if (host.includes(':')) {
    const why = v6Denied(lower);
    return why && `${why} address`;
  }
  if (INTERNAL_NAME.test(lower) || lower === 'metadata') {
    return 'an internal host name';
  }
  return null;
}

/** Throws DESTINATION_REFUSED for a URL {@link webhookUrlRefusal} refuses. */
export function checkWebhookUrl(raw: string, allow?: readonly string[]): void {
  const why = webhookUrlRefusal(raw, allow);
  if (why) throw refused(raw, why);
}
