/** Probe (not a section): desk commands on SQLite for `node --cpu-prof`. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deskBatch, seeded } from './sqlite-commands.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-probe-'));
const { store, ids } = await seeded(join(dir, 'p.sqlite'), 'NORMAL', 1000);
if (process.env.CKPT)
  store.database.pragma(`wal_autocheckpoint = ${process.env.CKPT}`);
const batch = deskBatch(store, ids, 3000);
for (let r = 0; r < 8; r++) {
  const used = process.cpuUsage();
  const t = performance.now();
  await batch();
  const c = process.cpuUsage(used);
  console.log(
    `${Math.round(3000000 / (performance.now() - t))}/s wall, ${Math.round((3000 * 1e6) / (c.user + c.system))}/CPU-s`,
  );
}
await store.close();
