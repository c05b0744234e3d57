import { TicketryError } from '@ticketry/core';

/** Bounds on a request's head, checked before anything else runs. */
export interface RequestShapeLimits {
  /** Longest URL (path and query), in characters. @default 8192 */
  maxUrlLength?: number;
  /** Most distinct header names. @default 100 */
  maxHeaders?: number;
  /** Most bytes of header names and values together. @default 16384 */
  maxHeaderBytes?: number;
}

const DEFAULTS: Required<RequestShapeLimits> = {
  maxUrlLength: 8192,
  maxHeaders: 100,
  maxHeaderBytes: 16_384,
};

/**
 * The check of a request's head: a URL over `maxUrlLength` is 414
 * `URI_TOO_LONG`; more than `maxHeaders` headers or `maxHeaderBytes` of
 * them is 431 `HEADERS_TOO_LARGE`. `serveNode` refuses oversized heads
 * in Node's parser already (431); this holds on every runtime.
 */
export function createShapeCheck(limits: RequestShapeLimits = {}) {
  const max = { ...DEFAULTS };
  for (const name of Object.keys(DEFAULTS) as (keyof RequestShapeLimits)[]) {
    const value = limits[name];
    if (value === undefined) continue;
    if (!(Number.isSafeInteger(value) && value > 0)) {
      throw new TypeError(
        `createHttpHandler: \`${name}\` must be a positive whole number`,
      );
    }
    max[name] = value;
  }

  return (request: Request, url: URL): void => {
    const length = url.pathname.length + url.search.length;
    if (length > max.maxUrlLength) {
      throw new TicketryError(
        'URI_TOO_LONG',
        `the URL is longer than ${max.maxUrlLength} characters`,
        { details: { maxLength: max.maxUrlLength } },
      );
    }
    let count = 0;
    let bytes = 0;
    for (const [name, value] of request.headers) {
      count++;
      bytes += name.length + value.length;
    }
    if (count > max.maxHeaders || bytes > max.maxHeaderBytes) {
      throw new TicketryError(
        'HEADERS_TOO_LARGE',
        `send at most ${max.maxHeaders} headers and ${max.maxHeaderBytes} bytes of them`,
      );
    }
  };
}
