import { readFileSync } from 'node:fs';
import { countFeatures, idfOf, tfidf } from './packages/core/src/classify/features.ts';
import { fitSoftmax, probabilities } from './packages/core/src/classify/softmax.ts';
import { intentFeatures } from './packages/core/src/assistant/intent-features.ts';
const rows = readFileSync('data/support-qa-stackexchange/askubuntu-webapps-qa.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
function fit(train, opts, l2, iterations, rate) {
  const labels=[...new Set(train.map(t=>t.label))];
  const counts = train.map(t=>countFeatures(intentFeatures(t.text, opts)));
  const df=new Map(); for (const c of counts) for (const f of c.keys()) df.set(f,(df.get(f)??0)+1);
  const vec=(c)=>tfidf(c,(f)=>idfOf(df.get(f)??0,train.length));
  const m = fitSoftmax(counts.map((c,i)=>({x:vec(c),y:labels.indexOf(train[i].label)})),{labels:labels.length,iterations,rate,l2});
  return (text)=>{ const p=probabilities(m, vec(countFeatures(intentFeatures(text,opts))), labels.length); const b=p.indexOf(Math.max(...p)); return {label:labels[b], confidence:p[b]}; };
}
const configs = [];
for (const chars of [[], [3,4,5], [2,3,4], [3,4], [4]]) for (const bigrams of [false,true]) for (const l2 of [0, 0.0003, 0.001]) configs.push({opts:{chars,bigrams},l2});
for (const c of configs) {
  const out=[];
  for (const site of ['askubuntu.com','webapps.stackexchange.com']) {
    const r = rows.filter(x=>x.site===site);
    const train = r.filter(x=>x.corpus_training_flag).map(x=>({text:x.question,label:x.category}));
    const test = r.filter(x=>!x.corpus_training_flag).map(x=>({text:x.question,label:x.category}));
    const cl = fit(train, c.opts, c.l2, 200, 3);
    out.push((test.filter(t=>cl(t.text).label===t.label).length/test.length).toFixed(3));
  }
  console.log(JSON.stringify(c), out.join(' '));
}
