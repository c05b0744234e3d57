/**
 * Server: the demo server (SQLite) and the same API over PostgreSQL,
 * under autocannon on 127.0.0.1: submits and reads per second with p50
 * and p99 latency, beside a bare node:http server measured in the same
 * run. Each run sends a fixed number of requests over a fixed number
 * of connections and must finish inside a fixed time.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon, { type Options } from 'autocannon';
import type { HostReady } from './server-host.ts';
import { POSTGRES_ADAPTER } from './server-host.ts';
import type { BenchContext, BenchFigure, BenchSectionRun } from './types.ts';
import { figure, formatNumber, percentile } from './util.ts';

const HOST = fileURLToPath(new URL('./server-host.ts', import.meta.url));
const CONNECTIONS = 10;

interface Plan {
  requests: number;
  repeats: number;
  /** A run that takes longer than this is stopped and fails the section. */
  limitSeconds: number;
}

const plan = (quick: boolean): Plan =>
  quick
    ? { requests: 500, repeats: 3, limitSeconds: 90 }
    : { requests: 5000, repeats: 5, limitSeconds: 300 };

interface Host {
  ready: HostReady;
  stop(): Promise<void>;
}

function startHost(kind: 'demo' | 'postgres' | 'bare'): Promise<Host> {
  const child: ChildProcess = fork(HOST, [kind], {
    execArgv: ['--conditions=@ticketry/source', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.send('stop');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return new Promise((done, fail) => {
    child.once('message', (m: { ok: boolean; error?: string } & HostReady) => {
      if (m.ok) done({ ready: m, stop });
      else fail(new Error(`the ${kind} server did not start: ${m.error}`));
    });
    child.once('exit', (code) =>
      fail(new Error(`the ${kind} server exited with ${code} before serving`)),
    );
  });
}

/** Requests per second and latencies (ms) of one fixed-size run. */
interface Load {
  perSecond: number;
  p50: number;
  p99: number;
}

async function load(options: Options, p: Plan, amount: number): Promise<Load> {
  const latencies: number[] = [];
  const started = performance.now();
  let last = started;
  const instance = autocannon({
    ...options,
    connections: CONNECTIONS,
    amount,
    timeout: 10,
  });
  (instance as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      last = performance.now();
    },
  );
  const limit = setTimeout(() => instance.stop(), p.limitSeconds * 1000);
  const result = await instance;
  clearTimeout(limit);
  const bad = result.non2xx + result.errors;
  if (bad > 0 || latencies.length < amount) {
    const codes = JSON.stringify(result.statusCodeStats);
    throw new Error(
      `${options.method ?? 'GET'} ${options.url}: ${latencies.length} of ${amount} answered in ${p.limitSeconds} s, ${bad} failed (status counts ${codes})`,
    );
  }
  latencies.sort((a, b) => a - b);
  return {
    perSecond: (latencies.length * 1000) / (last - started),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

const submitBody = JSON.stringify({
  subject: 'Docking station not detected',
  description: 'The dock stopped charging the laptop this morning.',
  requester: { email: 'grace@example.com', name: 'Grace' },
});

/** The three loads of one store: bare, submits, reads, interleaved. */
async function measureStore(
  ctx: BenchContext,
  label: string,
  server: HostReady,
  bare: HostReady,
  p: Plan,
) {
  let next = 0;
  const ids = server.ids;
  if (ids.length === 0) throw new Error(`${label}: no tickets to read`);
  const runs = {
    bare: (n: number) => load({ url: `${bare.url}/` }, p, n),
    submit: (n: number) =>
      load(
        {
          url: `${server.url}/api/v1/tickets`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: submitBody,
        },
        p,
        n,
      ),
    read: (n: number) =>
      load(
        {
          url: server.url,
          requests: [
            {
              method: 'GET',
              headers: { authorization: `Bearer ${server.apiKey}` },
              setupRequest: (request) => ({
                ...request,
                path: `/api/v1/tickets/${ids[next++ % ids.length]}`,
              }),
            },
          ],
        },
        p,
        n,
      ),
  };
  ctx.progress(`server: ${label}, warming up`);
  for (const go of Object.values(runs)) await go(Math.min(500, p.requests));
  const out = {
    bare: [] as Load[],
    submit: [] as Load[],
    read: [] as Load[],
  };
  for (let i = 0; i < p.repeats; i++) {
    ctx.progress(`server: ${label}, repeat ${i + 1} of ${p.repeats}`);
    for (const [k, go] of Object.entries(runs)) {
      out[k as keyof typeof out].push(await go(p.requests));
    }
  }
  return out;
}

function storeFigures(
  label: string,
  r: Awaited<ReturnType<typeof measureStore>>,
): BenchFigure[] {
  const bareName = 'bare node:http, fixed JSON, same load';
  const pick = (loads: Load[], k: keyof Load) => loads.map((x) => x[k]);
  const figures: BenchFigure[] = [];
  for (const [kind, what] of [
    ['submit', 'submits'],
    ['read', 'reads (agent key, GET /tickets/:id)'],
  ] as const) {
    figures.push(
      figure({
        name: `${label}: ${what} per second`,
        unit: 'req/s',
        samples: pick(r[kind], 'perSecond'),
        baseline: { name: bareName, samples: pick(r.bare, 'perSecond') },
      }),
      figure({
        name: `${label}: ${kind} latency p50`,
        unit: 'ms',
        samples: pick(r[kind], 'p50'),
        baseline: { name: bareName, samples: pick(r.bare, 'p50') },
      }),
      figure({
        name: `${label}: ${kind} latency p99`,
        unit: 'ms',
        samples: pick(r[kind], 'p99'),
        baseline: { name: bareName, samples: pick(r.bare, 'p99') },
      }),
    );
  }
  return figures;
}

/** Why PostgreSQL is skipped, or null when it can run. */
async function postgresSkipReason(): Promise<string | null> {
  if (!process.env.TICKETRY_PG_URL) {
    return 'TICKETRY_PG_URL is not set, so the PostgreSQL server figures were skipped';
  }
  try {
    await import(POSTGRES_ADAPTER);
    return null;
  } catch (error) {
    return `${POSTGRES_ADAPTER} could not be loaded (${(error as Error).message}), so the PostgreSQL server figures were skipped`;
  }
}

/** The server section. */
export const run: BenchSectionRun = async (ctx) => {
  const p = plan(ctx.quick);
  const notes = [
    `autocannon 8.0.0 in this process, the server in a child process of its own (the machine's two cores are not shared between them), both on 127.0.0.1. Every run sends exactly ${formatNumber(p.requests)} requests over ${CONNECTIONS} connections and must finish within ${p.limitSeconds} s; ${p.repeats} repeats, interleaved with the bare server. Rates count answered requests over the time to the last answer; latencies are per request.`,
    'The demo server (examples/server/demo.ts) runs on a temp SQLite file seeded with the ServiceNow sample, as `npm start` does. A submit is POST /api/v1/tickets without credentials: validation, the requester record, the ticket and its event, an access token and the public view, as the widget sends it. A read is GET /api/v1/tickets/:id with an agent API key, rotating over 200 replayed tickets. The issue sets no target for the server.',
  ];
  ctx.progress('server: starting the bare and demo servers');
  const bare = await startHost('bare');
  const figures: BenchFigure[] = [];
  try {
    const demo = await startHost('demo');
    try {
      figures.push(
        ...storeFigures(
          'SQLite (demo server)',
          await measureStore(ctx, 'SQLite', demo.ready, bare.ready, p),
        ),
      );
    } finally {
      await demo.stop();
    }
    const skip = await postgresSkipReason();
    if (skip) {
      notes.push(skip);
    } else {
      ctx.progress('server: starting the PostgreSQL server (seeding it)');
      const pg = await startHost('postgres');
      try {
        figures.push(
          ...storeFigures(
            'PostgreSQL',
            await measureStore(ctx, 'PostgreSQL', pg.ready, bare.ready, p),
          ),
        );
        notes.push(
          'PostgreSQL: the same handler and desk as the demo over the PostgreSQL store (a pg pool of 10 on TICKETRY_PG_URL, a schema of its own, dropped after), seeded with the same sample.',
        );
      } finally {
        await pg.stop();
      }
    }
  } finally {
    await bare.stop();
  }
  return { title: 'Server: the HTTP API under load', figures, notes };
};
