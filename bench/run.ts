/**
 * `npm run bench [-- --quick] [--only core,replay] [--out FILE]`
 *
 * Finds every bench/*.ts that exports `run` (a BenchSectionRun), runs
 * each in a child process of its own, prints a summary and writes
 * BENCHMARKS.md (a quick run writes to the temp folder unless --out is
 * given, so CI-size figures never replace the full ones). Exits 1 when
 * a section crashed or timed out; a missed target is a finding, not a
 * failure.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type RunInfo,
  renderMarkdown,
  type SectionOutcome,
  sectionSchema,
  terminalSummary,
} from './report.ts';
import type { BenchSectionRun } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** Sections first in this order; any other section after, by name. */
const ORDER = ['core.ts', 'replay.ts', 'server.ts'];
const NOT_SECTIONS = new Set(['run.ts', 'types.ts', 'util.ts', 'report.ts']);
const EXPORTS_RUN = /export\s+(?:const|let|(?:async\s+)?function)\s+run\b/;

/** Limits per section: a stuck section must not hold CI. */
const TIMEOUT_S = { quick: 180, full: 20 * 60 };

const CHILD_FLAGS = [
  '--conditions=@ticketry/source',
  '--import',
  'tsx',
  '--expose-gc',
  '--max-old-space-size=8192',
];

/** The section files of bench/, in running order. */
export function discoverSections(dir = here): string[] {
  const files = readdirSync(dir).filter(
    (f) =>
      f.endsWith('.ts') &&
      !f.endsWith('.d.ts') &&
      !f.endsWith('.test.ts') &&
      !NOT_SECTIONS.has(f) &&
      EXPORTS_RUN.test(readFileSync(join(dir, f), 'utf8')),
  );
  const rank = (f: string) =>
    ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length;
  return files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

type ChildMessage =
  | { ok: true; section: unknown; cpuSeconds: number }
  | { ok: false; error: string; cpuSeconds: number };

function runSection(file: string, quick: boolean): Promise<SectionOutcome> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  return new Promise((done) => {
    const child = fork(
      fileURLToPath(import.meta.url),
      ['--child', file, ...(quick ? ['--quick'] : [])],
      {
        cwd: root,
        execArgv: CHILD_FLAGS,
        stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      },
    );
    // Sections never print; anything a library prints goes to stderr.
    child.stdout?.pipe(process.stderr);
    let message: ChildMessage | undefined;
    child.on('message', (m) => {
      message = m as ChildMessage;
    });
    const limit = quick ? TIMEOUT_S.quick : TIMEOUT_S.full;
    const timer = setTimeout(() => child.kill('SIGKILL'), limit * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (message?.ok) {
        const parsed = sectionSchema.safeParse(message.section);
        if (parsed.success) {
          done({
            file,
            seconds: seconds(),
            cpuSeconds: message.cpuSeconds,
            ok: true,
            section: parsed.data,
          });
          return;
        }
        const issue = parsed.error.issues[0];
        done({
          file,
          seconds: seconds(),
          cpuSeconds: message.cpuSeconds,
          ok: false,
          error: `its result breaks bench/types.ts at ${issue?.path.join('.')}: ${issue?.message}`,
        });
        return;
      }
      const error =
        message?.ok === false
          ? message.error
          : signal === 'SIGKILL'
            ? `stopped after the ${limit} s limit`
            : `the child exited with ${signal ?? code} and sent no result`;
      done({
        file,
        seconds: seconds(),
        cpuSeconds: message?.cpuSeconds ?? null,
        ok: false,
        error,
      });
    });
  });
}

async function child(file: string, quick: boolean) {
  const cpuSeconds = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const send = (m: ChildMessage) =>
    new Promise<void>((sent) => process.send!(m, () => sent()));
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as {
      run?: BenchSectionRun;
    };
    if (typeof mod.run !== 'function') {
      throw new Error(`bench/${file} exports no run function`);
    }
    const section = await mod.run({
      quick,
      progress: (m) => process.stderr.write(`  ${m}\n`),
    });
    await send({ ok: true, section, cpuSeconds: cpuSeconds() });
  } catch (error) {
    const text =
      error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`bench/${file} failed: ${text}\n`);
    await send({
      ok: false,
      error: error instanceof Error ? error.message : text,
      cpuSeconds: cpuSeconds(),
    });
  }
  process.exit(0);
}

function machine(): RunInfo['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg(),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      child: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  if (values.child) return child(values.child, quick);

  const only = values.only
    ?.split(',')
    .map((s) => s.trim().replace(/(\.ts)?$/, '.ts'));
  const files = discoverSections().filter((f) => !only || only.includes(f));
  if (files.length === 0) throw new Error('no benchmark section to run');
  const info: RunInfo = {
    date: new Date(),
    quick,
    seconds: 0,
    machine: machine(),
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
  };
  const started = performance.now();
  const outcomes: SectionOutcome[] = [];
  for (const file of files) {
    process.stderr.write(`▶ bench/${file}${quick ? ' (quick)' : ''}\n`);
    const outcome = await runSection(file, quick);
    process.stderr.write(
      `  done in ${outcome.seconds.toFixed(1)} s${outcome.ok ? '' : `: FAILED (${outcome.error})`}\n`,
    );
    outcomes.push(outcome);
  }
  info.seconds = (performance.now() - started) / 1000;
  info.machine.loadAverageAtEnd = os.loadavg();

  const profiles = readFileSync(join(here, 'profiles.md'), 'utf8');
  const out =
    values.out ??
    (quick
      ? join(os.tmpdir(), 'ticketry-bench', 'BENCHMARKS.quick.md')
      : join(root, 'BENCHMARKS.md'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderMarkdown(info, outcomes, profiles));
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify({ info, outcomes }, null, 2)}\n`,
    );
  }
  console.log(terminalSummary(outcomes));
  console.log(`\nwrote ${out} in ${info.seconds.toFixed(1)} s`);
  if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
}

const isMain =
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
