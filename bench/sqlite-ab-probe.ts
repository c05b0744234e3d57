/** Probe (not a section): before/after A/B of the SQLite store, alternating. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStore as after } from '@ticketry/adapters/sqlite';
import { benchItems } from './postgres-data.ts';
import { sqliteStore as before } from './sqlite-before-tmp/index.ts';
import { deskBatch } from './sqlite-commands.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-ab-'));
const cpu = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};
const mode = process.argv[2] ?? 'commands';
const makers = { before, after } as Record<string, typeof after>;
const rates: Record<string, { wall: number[]; cpu: number[] }> = {};
if (mode === 'commands') {
  const batches: Record<string, () => Promise<number>> = {};
  for (const [who, make] of Object.entries(makers)) {
    const store = make({ filename: join(dir, `${who}.sqlite`) });
    const items = benchItems(1000, 0, 'open');
    await store.importTickets(items);
    batches[who] = deskBatch(
      store,
      items.map((i) => i.ticket.id),
      3000,
    );
    rates[who] = { wall: [], cpu: [] };
  }
  for (let r = 0; r < 9; r++) {
    for (const who of r % 2 ? ['after', 'before'] : ['before', 'after']) {
      const c = cpu();
      const t = performance.now();
      const n = await batches[who]!();
      if (r < 2) continue;
      rates[who]!.wall.push((n * 1000) / (performance.now() - t));
      rates[who]!.cpu.push((n * 1e6) / (cpu() - c));
    }
  }
} else {
  const batch = Number(process.argv[3] ?? 10000);
  const stores = Object.fromEntries(
    Object.entries(makers).map(([who, make]) => {
      rates[who] = { wall: [], cpu: [] };
      return [who, make({ filename: join(dir, `imp-${who}.sqlite`) })];
    }),
  );
  for (let r = 0; r < 7; r++) {
    const items = benchItems(batch, r * batch);
    for (const who of r % 2 ? ['after', 'before'] : ['before', 'after']) {
      const c = cpu();
      const t = performance.now();
      await stores[who]!.importTickets(items);
      if (r === 0) continue;
      rates[who]!.wall.push((batch * 1000) / (performance.now() - t));
      rates[who]!.cpu.push((batch * 1e6) / (cpu() - c));
    }
  }
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
for (const [who, r] of Object.entries(rates)) {
  console.log(
    `${mode} ${who}: ${Math.round(median(r.wall))}/s wall, ${Math.round(median(r.cpu))}/CPU-s (wall ${r.wall.map(Math.round).join(' ')})`,
  );
}
