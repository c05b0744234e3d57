import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Target } from './guard.js';

/** One POST to a checked address. */
export interface TransportRequest {
  target: Target;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** What came back: the status and the headers retries read. */
export interface TransportResponse {
  status: number;
  retryAfter: string | null;
}

/**
 * Sends one request. The default connects to `target.address` only,
 * never resolving the name again; tests inject their own.
 */
export type Transport = (
  request: TransportRequest,
) => Promise<TransportResponse>;

/** A lookup that answers with the address the guard already checked. */
function pinned(address: string, family: 4 | 6): LookupFunction {
  return ((
    _host: string,
    options: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

/**
 * Node's http/https client pinned to the checked address: the name is
 * kept for the Host header and TLS (SNI, certificate), but the socket
 * goes to the address, so a second DNS answer cannot swap it.
 * Redirects are not followed.
 */
export const nodeTransport: Transport = ({
  target,
  headers,
  body,
  timeoutMs,
}) =>
  new Promise((resolve, reject) => {
    const secure = target.url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const req = send({
      protocol: target.url.protocol,
      hostname: target.host,
      port: target.url.port || (secure ? 443 : 80),
      path: `${target.url.pathname}${target.url.search}`,
      method: 'POST',
      headers: {
        ...headers,
        'content-length': String(Buffer.byteLength(body)),
      },
      lookup: pinned(target.address, target.family),
      agent: false,
      timeout: timeoutMs,
      ...(secure &&
        target.host !== target.address && { servername: target.host }),
    });
    req.on('response', (res) => {
      const retryAfter = res.headers['retry-after'] ?? null;
      // The body is not read: drain it so the socket closes.
      res.resume();
      res.on('error', () => {});
      resolve({ status: res.statusCode ?? 0, retryAfter });
    });
    req.on('timeout', () =>
      req.destroy(new Error(`no answer within ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(body);
  });
