import { readFileSync } from 'node:fs';
import { createArrivalLog } from './packages/core/src/predict/series.ts';
import { evaluateSurges, plannedSpikes } from './packages/core/src/predict/surge-eval.ts';
const f='/tmp/sn-events.json';
  const events = JSON.parse(readFileSync(f, 'utf8'));
  const log = createArrivalLog(); for (const e of events) log.add(e);
  let arr = log.list().filter(a => a.at < Date.parse('2016-06-01'));
  const spikes = plannedSpikes(arr);
  for (const [threshold, shift] of [[8,3],[12,3],[12,4],[16,4]]) {
    const r = evaluateSurges(arr, spikes, { threshold, shift });
    console.log(threshold, shift, JSON.stringify({ ...r, delays: undefined }));
  }
