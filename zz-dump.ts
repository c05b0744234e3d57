import { writeFileSync } from 'node:fs';
import { replayFile } from './examples/replay/replay-file.ts';
import { replayDesk } from './examples/replay/test-support.ts';
const file = process.argv[2]!; const out = process.argv[3]!;
const { desk, store } = replayDesk({ closedReplyPolicy: 'reopen' });
const t0 = Date.now();
await replayFile(desk, file);
const events: unknown[] = [];
for (let cursor = 0; ; ) { const page = await store.readFeed(cursor, 5000); events.push(...page.events); if (page.events.length < 5000) break; cursor = page.cursor; }
console.log('replayed', events.length, Date.now() - t0, 'ms');
writeFileSync(out, JSON.stringify(events));
