import { readFileSync } from 'node:fs';
import { createIntentRecognizer } from './packages/core/src/assistant/recognizer.ts';
const rows = readFileSync('data/support-qa-stackexchange/askubuntu-webapps-qa.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
for (const site of ['askubuntu.com','webapps.stackexchange.com']) {
  const r = rows.filter(x=>x.site===site);
  const train = r.filter(x=>x.corpus_training_flag).map(x=>({text:x.question,intent:x.category}));
  const test = r.filter(x=>!x.corpus_training_flag).map(x=>({text:x.question,intent:x.category}));
  for (const precision of [0.8,0.9,0.95]) {
  const m = createIntentRecognizer({threshold:{precision}}); const t0=performance.now(); m.train(train); const ms=performance.now()-t0;
  const res = test.map(t=>({r:m.recognize(t.text), y:t.intent}));
  const acc = res.filter(x=>x.r.best===x.y).length/res.length;
  const ans = res.filter(x=>x.r.intent!==null);
  console.log(site, precision, 'acc',acc.toFixed(3),'thr',m.threshold.toFixed(3),'coverage',(ans.length/res.length).toFixed(3),'acc@cov',(ans.filter(x=>x.r.intent===x.y).length/ans.length).toFixed(3), ms.toFixed(0)+'ms', JSON.stringify(m.toJSON()).length);
  }
}
