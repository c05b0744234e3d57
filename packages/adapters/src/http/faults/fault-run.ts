import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpDesk, type RetryEvent } from '../client/index.js';
import { parseRetryAfter } from '../client/retry.js';
import { bundleFaultServer } from './fault-bundle.js';
import type { FaultStats } from './fault-handler.js';
import type { FaultServerMessage } from './fault-server.js';

/** Options of {@link runFaults}. */
export interface FaultRunOptions {
  submits: number;
  /** Submits in flight at once. */
  concurrency: number;
  seed: string;
  /** The client's per-attempt time limit; each hung try costs this. */
  timeoutMs: number;
  retries: number;
}

/** What a run did and what it found in the store. */
export interface FaultRun {
  stats: FaultStats;
  acknowledged: number;
  /** Submits that threw after every retry, with the error. */
  failed: { index: number; message: string }[];
  /** Acknowledged submits answered as replays of an earlier try. */
  replayed: number;
  retries: Record<RetryEvent['reason'], number>;
  /** Retries that waited for a Retry-After, as the client reports them. */
  retryAfterHonoured: number;
  /** Seen on the wire: next tries sent after, or before, the asked time. */
  retryAfterKept: number;
  retryAfterEarly: number;
  tickets: number;
  /** Submits with more than one ticket in the store. */
  duplicated: number;
  /** Acknowledged submits whose ticket is not in the store. */
  missing: number;
  /** Tickets in the store that no acknowledged submit reported. */
  unacknowledged: number;
  ms: number;
}

type Report = Extract<FaultServerMessage, { type: 'report' }>;

function nextMessage<T extends FaultServerMessage['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<FaultServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FaultServerMessage) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as Extract<FaultServerMessage, { type: T }>);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the fault server exited (${code}) before ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * A fetch that watches the wire for the client: after a 429 or 503 with
 * a Retry-After, the next try with the same Idempotency-Key must not
 * leave before the time asked (timers may fire 1 ms early).
 */
function retryAfterTap() {
  const due = new Map<string, number>();
  const seen = { kept: 0, early: 0 };
  const fetcher: typeof fetch = async (input, init) => {
    const key = new Headers(init?.headers).get('idempotency-key') ?? '';
    const at = due.get(key);
    if (at !== undefined) {
      due.delete(key);
      if (Date.now() >= at - 1) seen.kept++;
      else seen.early++;
    }
    const response = await fetch(input, init);
    if (response.status === 429 || response.status === 503) {
      const now = Date.now();
      const asked = parseRetryAfter(response.headers.get('retry-after'), now);
      if (asked !== null) due.set(key, now + asked);
    }
    return response;
  };
  return { fetcher, seen };
}

/** Counts what the server holds against what the client was told. */
function audit(report: Report, acks: Map<number, string>) {
  const byIndex = new Map<number, number>();
  for (const t of report.tickets) {
    const index = Number(t.subject.slice('Fault run '.length));
    byIndex.set(index, (byIndex.get(index) ?? 0) + 1);
  }
  const ids = new Set(report.tickets.map((t) => t.id));
  return {
    tickets: report.tickets.length,
    duplicated: [...byIndex.values()].filter((n) => n > 1).length,
    missing: [...acks.values()].filter((id) => !ids.has(id)).length,
    unacknowledged: [...byIndex.keys()].filter((i) => !acks.has(i)).length,
  };
}

/**
 * Sends `submits` submissions through the HTTP client to a server
 * process (fault-server.ts) that fails about 10% of requests, then
 * reads its store back. Each submission carries its number in the
 * subject and its own Idempotency-Key, so duplicates and losses are
 * counted exactly.
 */
export async function runFaults(options: FaultRunOptions): Promise<FaultRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ticketry-faults-'));
  const child = fork(await bundleFaultServer(dir), [options.seed], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { url } = await nextMessage(child, 'ready');
    const retries = { network: 0, timeout: 0, status: 0 };
    let retryAfterHonoured = 0;
    const tap = retryAfterTap();
    const client = createHttpDesk({
      baseUrl: `${url}/api/v1`,
      fetch: tap.fetcher,
      retries: options.retries,
      retryDelayMs: 50,
      maxRetryDelayMs: 2_500,
      timeoutMs: options.timeoutMs,
      onRetry: (event) => {
        retries[event.reason]++;
        if (event.retryAfterMs !== undefined) retryAfterHonoured++;
      },
    });

    const acks = new Map<number, string>();
    const failed: FaultRun['failed'] = [];
    let replayed = 0;
    let next = 0;
    const started = performance.now();
    async function worker() {
      for (let i = next++; i < options.submits; i = next++) {
        try {
          const result = await client.submit(
            {
              subject: `Fault run ${i}`,
              description: 'Submitted through a server that fails on purpose.',
              requester: { email: `r${i}@example.com` },
            },
            { idempotencyKey: `fault-${options.seed}-${i}` },
          );
          acks.set(i, result.ticket.id);
          if (result.replayed) replayed++;
        } catch (error) {
          failed.push({ index: i, message: String(error) });
        }
      }
    }
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const ms = performance.now() - started;

    child.send('report');
    const report = await nextMessage(child, 'report');
    return {
      stats: report.stats,
      acknowledged: acks.size,
      failed,
      replayed,
      retries,
      retryAfterHonoured,
      retryAfterKept: tap.seen.kept,
      retryAfterEarly: tap.seen.early,
      ...audit(report, acks),
      ms,
    };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const stuck = setTimeout(() => child.kill(), 5_000);
      child.send('stop');
      await exited;
      clearTimeout(stuck);
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/** The figures of a run on one line. */
export function describeRun(run: FaultRun): string {
  const faults = Object.entries(run.stats.faults)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const injected = Object.values(run.stats.faults).reduce((a, b) => a + b, 0);
  const { network, timeout, status } = run.retries;
  return [
    `${run.acknowledged} of ${run.acknowledged + run.failed.length} submits acknowledged`,
    `${run.stats.requests} requests`,
    `${injected} faults (${faults})`,
    `${network + timeout + status} retries (network ${network}, timeout ${timeout}, status ${status})`,
    `Retry-After sent ${run.stats.retryAfterSent}, honoured ${run.retryAfterHonoured}, early on the wire ${run.retryAfterEarly}`,
    `${run.replayed} replays (${run.stats.lostWork} submits had work done and the answer lost)`,
    `${run.tickets} tickets, ${run.duplicated} duplicated, ${run.missing} missing`,
    `${(run.ms / 1000).toFixed(1)} s`,
  ].join('; ');
}
