import { describeStoreConformance } from '@ticketry/core/testing';
import { afterAll, afterEach } from 'vitest';
import { sqliteAuditProbe } from './audit-probe.js';
import { SQLITE_CAPABILITY_REASONS, sqliteStore } from './index.js';
import { sqliteProbe, tempFiles } from './test-support.js';

const files = tempFiles();
const probes: { close(): void }[] = [];

function open(filename: string) {
  const store = sqliteStore({ filename });
  const read = sqliteProbe(filename);
  const raw = sqliteAuditProbe(filename);
  probes.push(read, raw);
  return { store, probe: { ...read, ...raw } };
}

afterEach(() => {
  for (const probe of probes.splice(0)) probe.close();
});
afterAll(() => files.remove());

describeStoreConformance('sqlite', {
  async create() {
    const filename = files.file();
    return { ...open(filename), reopen: async () => open(filename) };
  },
  capabilityReasons: SQLITE_CAPABILITY_REASONS,
});
