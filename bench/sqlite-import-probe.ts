/** Probe (not a section): import into a fresh file, for `node --cpu-prof`. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStore } from '@ticketry/adapters/sqlite';
import { benchItems } from './postgres-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-imp-'));
const batch = Number(process.argv[2] ?? 20000);
for (let r = 0; r < Number(process.argv[3] ?? 4); r++) {
  const store = sqliteStore({ filename: join(dir, `i${r}.sqlite`) });
  const items = benchItems(batch, 0);
  const used = process.cpuUsage();
  const t = performance.now();
  await store.importTickets(items);
  const c = process.cpuUsage(used);
  console.log(
    `${Math.round((batch * 1000) / (performance.now() - t))}/s wall, ${Math.round((batch * 1e6) / (c.user + c.system))}/CPU-s`,
  );
  await store.close();
}
