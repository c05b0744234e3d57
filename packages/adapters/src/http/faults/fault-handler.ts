import type { HttpHandler } from '../server/index.js';

/**
 * How a request is failed. Before the handler: `error` (500, 502 or
 * 504), `busy` (503 with Retry-After), `throttle` (429 with
 * Retry-After), `hang` (no answer until the client leaves). After the
 * handler has done the work: `lost` (500 or 502 instead of the answer),
 * `lost-hang` (no answer) and `reset` (the connection drops mid-body).
 */
export type FaultKind =
  | 'error'
  | 'busy'
  | 'throttle'
  | 'hang'
  | 'lost'
  | 'lost-hang'
  | 'reset';

/** Share of all requests failed by each kind; they add up to 10%. */
export const FAULT_MIX: Readonly<Record<FaultKind, number>> = {
  error: 0.025,
  busy: 0.015,
  throttle: 0.01,
  hang: 0.01,
  lost: 0.02,
  'lost-hang': 0.01,
  reset: 0.01,
};

/** What the wrapper did, for the figures and the checks. */
export interface FaultStats {
  requests: number;
  faults: Record<FaultKind, number>;
  /** Answers sent with a Retry-After. */
  retryAfterSent: number;
  /** Keys whose work was done at least once while the answer was lost. */
  lostWork: number;
}

/** FNV-1a, then a round of mulberry32: a number in [0, 1). */
function unit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 15), h | 1);
  h ^= h + Math.imul(h ^ (h >>> 7), h | 61);
  return ((h ^ (h >>> 14)) >>> 0) / 2 ** 32;
}

function pick(draw: number): FaultKind | null {
  let edge = 0;
  for (const [kind, share] of Object.entries(FAULT_MIX)) {
    edge += share;
    if (draw < edge) return kind as FaultKind;
  }
  return null;
}

/** Waits until the client gives up on the request. */
const untilAborted = (request: Request) =>
  new Promise<Response>((resolve) => {
    const answer = () => resolve(new Response(null, { status: 599 }));
    if (request.signal.aborted) answer();
    else request.signal.addEventListener('abort', answer, { once: true });
  });

const errorBody = (status: number) =>
  Response.json(
    { error: { code: 'INTERNAL_ERROR', message: 'injected fault' } },
    { status },
  );

/** An answer whose body breaks off after a few bytes. */
function broken(response: Response): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"ticket":'));
    },
    pull(controller) {
      controller.error(new Error('injected reset'));
    },
  });
  return new Response(body, {
    status: response.status,
    headers: response.headers,
  });
}

/**
 * Wraps a handler so that about 10% of requests fail as {@link FAULT_MIX}
 * says. The choice is a hash of the seed, the request's Idempotency-Key
 * (or its arrival number) and how many times that key was seen, so a
 * run fails the same tries whatever the scheduling.
 */
export function withFaults(inner: HttpHandler, seed: string) {
  const stats: FaultStats = {
    requests: 0,
    faults: Object.fromEntries(
      Object.keys(FAULT_MIX).map((k) => [k, 0]),
    ) as Record<FaultKind, number>,
    retryAfterSent: 0,
    lostWork: 0,
  };
  const tries = new Map<string, number>();
  const lostWork = new Set<string>();

  /** Whole seconds (1 or 0) or, for some 503s, a date 1–2 s ahead. */
  function retryAfter(status: number, draw: number): Response {
    let value = draw < 0.5 ? '1' : '0';
    if (status === 503 && draw < 0.33) {
      const next = Math.ceil((Date.now() + 1000) / 1000) * 1000;
      value = new Date(next).toUTCString();
    }
    stats.retryAfterSent++;
    const response = errorBody(status);
    response.headers.set('retry-after', value);
    return response;
  }

  const handler: HttpHandler = async (request) => {
    stats.requests++;
    const key = request.headers.get('idempotency-key') ?? `#${stats.requests}`;
    const n = (tries.get(key) ?? 0) + 1;
    tries.set(key, n);
    const draw = unit(`${seed}:${key}:${n}`);
    const kind = pick(draw);
    if (!kind) return inner(request);
    stats.faults[kind]++;
    const second = unit(`${seed}:${key}:${n}:how`);

    if (kind === 'error') return errorBody([500, 502, 504][n % 3]!);
    if (kind === 'busy') return retryAfter(503, second);
    if (kind === 'throttle') return retryAfter(429, second);
    if (kind === 'hang') return untilAborted(request);

    const response = await inner(request);
    lostWork.add(key);
    stats.lostWork = lostWork.size;
    if (kind === 'reset') return broken(response);
    await response.body?.cancel();
    if (kind === 'lost') return errorBody(second < 0.5 ? 500 : 502);
    return untilAborted(request);
  };

  return { handler, stats };
}
