import { readFileSync } from 'node:fs';
import { collectExamples, evaluateRisk } from './packages/core/src/predict/risk.ts';
import { madeSlaOutcome } from './packages/core/src/predict/risk-facts.ts';
const events = JSON.parse(readFileSync('/tmp/sn-events.json', 'utf8'));
let t0 = Date.now();
const ex = collectExamples(events, { outcome: madeSlaOutcome });
console.log('examples', ex.length, Date.now() - t0); t0 = Date.now();
console.log(ex[100]);
for (const opts of [{}, { l2: 1e-3 }, { epochs: 3 }, {rate:0.05}]) {
  const r = evaluateRisk(ex, 0.7, opts);
  console.log(JSON.stringify(opts), r.train, r.test, r.missRate.toFixed(3), r.auc.toFixed(3), r.priorityAuc.toFixed(3), Date.now() - t0); t0 = Date.now();
}
console.log(evaluateRisk(ex).calibration);
