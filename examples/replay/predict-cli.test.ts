import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HELPDESK_LOG, SERVICENOW_SAMPLE, writeTemp } from './test-support.ts';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '../..');

/** Runs the replay command; answers its exit code and both outputs. */
async function replay(...argv: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=@ticketry/source',
        '--import',
        'tsx',
        join(here, 'cli.ts'),
        ...argv,
      ],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The help desk log's first 2,000 rows: it carries no SLA outcome. */
const helpdeskSlice = () =>
  writeTemp(
    'helpdesk-slice.csv',
    readFileSync(HELPDESK_LOG, 'utf8').split('\n').slice(0, 2001).join('\n'),
  );

describe('the replay command with --risk', () => {
  it('refuses --risk on a log without an SLA outcome, naming --sla, before any report', async () => {
    const { code, stdout, stderr } = await replay(helpdeskSlice(), '--risk');
    expect(code).toBe(2);
    expect(stderr).toMatch(/\[NO_SLA_OUTCOME\]: --risk needs an SLA outcome/);
    expect(stderr).toContain('--sla <policy.json>');
    expect(stdout).not.toMatch(/ROC AUC|NaN/);
  }, 60_000);

  it('prints one JSON document keyed by report with --json', async () => {
    const { code, stdout } = await replay(
      SERVICENOW_SAMPLE,
      '--risk',
      '--json',
    );
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc).sort()).toEqual(['replay', 'risk']);
    expect(doc.replay).toMatchObject({ mapping: 'servicenow', cases: 984 });
    expect(doc.risk.train + doc.risk.test).toBe(984);
  }, 90_000);
});
