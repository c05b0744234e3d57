import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createCsvParser } from './examples/replay/csv.ts';
import { parseDayMonthYear } from './examples/replay/time.ts';
import { backtest } from './packages/core/src/predict/backtest.ts';
import { dailyCounts } from './packages/core/src/predict/series.ts';
const records: string[][] = [];
const p = createCsvParser((f) => records.push(f));
p.push(gunzipSync(readFileSync('data/servicenow-uci-incident-log/incident_event_log_full_restored.csv.gz')).toString('utf8')); p.end();
const [h, ...rows] = records; const c = (n: string) => h!.indexOf(n);
const seen = new Set<string>(); const arr:any[]=[];
for (const r of rows) { if (seen.has(r[c('number')]!)) continue; seen.add(r[c('number')]!); arr.push({ticketId:r[c('number')], at: parseDayMonthYear(r[c('opened_at')]!).getTime(), category:r[c('category')], teamId:r[c('assignment_group')]}); }
const s = dailyCounts(arr,'UTC',Date.parse('2016-02-29'),Date.parse('2016-06-01'));
console.log(backtest(s.counts.get('*')!));
const cat = dailyCounts(arr,'UTC',Date.parse('2016-02-29'),Date.parse('2016-06-01'),'category');
const top=[...cat.counts].sort((a,b)=>b[1].reduce((x,y)=>x+y)-a[1].reduce((x,y)=>x+y)).slice(0,3);
for (const [k,y] of top) console.log(k, JSON.stringify(backtest(y)));
// italian
const it: string[][]=[]; const p2=createCsvParser((f)=>it.push(f)); p2.push(readFileSync('data/helpdesk-italian-company/helpdesk_full_finale.csv','utf8')); p2.end();
console.log(it[0], it[1]);
