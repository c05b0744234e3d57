/**
 * What the server knows about a request beyond the Request itself.
 * `serveNode` fills it from the socket; on other runtimes pass it as
 * the handler's second argument (e.g. Deno's `info.remoteAddr.hostname`).
 */
export interface RequestInfo {
  /** The peer's IP address, as the socket reports it. */
  clientAddress?: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(text: string): string | null {
  const parts = IPV4.exec(text)?.slice(1).map(Number);
  if (!parts || parts.some((n) => n > 255)) return null;
  return parts.join('.');
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(address: string): number[] | null {
  if (!/^[0-9a-f:.]{2,45}$/i.test(address)) return null;
  let text = address;
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4(dotted[2]!)?.split('.').map(Number);
    if (!v4) return null;
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
    text = `${dotted[1]}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  const left = split(halves[0]!);
  const right = halves.length === 2 ? split(halves[1]!) : null;
  const all = [...left, ...(right ?? [])];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  if (right === null ? all.length !== 8 : all.length > 7) return null;
  const zeros: string[] = new Array(8 - all.length).fill('0');
  const groups = right === null ? left : [...left, ...zeros, ...right];
  return groups.map((g) => Number.parseInt(g, 16));
}

/**
 * The key a client is limited under: an IPv4 address as is (IPv4-mapped
 * IPv6 too), an IPv6 address by its /64 network, since one subscriber
 * usually holds a whole /64. Null for anything that is not an address.
 */
export function addressKey(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.indexOf(':'));
  text = text.replace(/%[\w.-]+$/, '');
  const v4 = ipv4(text);
  if (v4) return v4;
  const groups = ipv6Groups(text);
  if (!groups) return null;
  const mapped =
    groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * How many proxies in front of the server to trust: `false` (or 0)
 * reads the socket only; `true` is one; a number is that many.
 */
export type TrustProxy = boolean | number;

const hopsOf = (trust: TrustProxy | undefined): number =>
  trust === true ? 1 : typeof trust === 'number' ? trust : 0;

/**
 * The address a request comes from, as a limiter key. From the socket
 * (`info.clientAddress`) unless `trustProxy` says proxies stand in
 * front: then from `X-Forwarded-For`, the entry the nearest trusted
 * proxy saw (the n-th from the right), so values a client wrote itself
 * further left are never believed. Null when unknown.
 */
export function clientAddressOf(
  request: Request,
  info: RequestInfo | undefined,
  trustProxy?: TrustProxy,
): string | null {
  const socket = info?.clientAddress ? addressKey(info.clientAddress) : null;
  const hops = hopsOf(trustProxy);
  const header = request.headers.get('x-forwarded-for');
  if (hops === 0 || !header) return socket;
  const chain = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = chain[Math.max(0, chain.length - hops)];
  return (entry && addressKey(entry)) ?? socket;
}
