import { readFileSync } from 'node:fs';
import { createArrivalLog } from './packages/core/src/predict/series.ts';
import { evaluateSurges, plannedSpikes } from './packages/core/src/predict/surge-eval.ts';
for (const f of ['/tmp/sn-events.json', '/tmp/it-events.json']) {
  const events = JSON.parse(readFileSync(f, 'utf8'));
  const log = createArrivalLog(); for (const e of events) log.add(e);
  let arr = log.list(); if (f.includes('sn')) arr = arr.filter(a => a.at < Date.parse('2016-06-01'));
  const spikes = plannedSpikes(arr);
  for (const [threshold, shift] of [[6, 3], [5, 3], [6, 2]]) {
    const r = evaluateSurges(arr, spikes, { threshold, shift });
    console.log(f, threshold, shift, JSON.stringify({ ...r, delays: undefined }));
  }
}
