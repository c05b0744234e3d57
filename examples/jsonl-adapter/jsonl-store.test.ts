import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreConformance } from '@ticketry/core/testing';
import { afterAll } from 'vitest';
import {
  JSONL_CAPABILITY_REASONS,
  jsonlProbe,
  jsonlStore,
} from './src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-jsonl-'));
let count = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(path: string) {
  return { store: await jsonlStore({ path }), probe: jsonlProbe(path) };
}

describeStoreConformance('jsonl', {
  capabilityReasons: JSONL_CAPABILITY_REASONS,
  async create() {
    // A new, empty file for every check.
    const path = join(dir, `check-${++count}.jsonl`);
    return { ...(await open(path)), reopen: () => open(path) };
  },
});
