import { startDemo } from './server/demo.ts';
import { createLogger } from './server/log.ts';
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
const demo = await startDemo({ port: 0, dbFile: '/tmp/demo-mail-check/demo.sqlite', seed: false, routing: false, logger: createLogger({ quiet: true }) });
const out = execSync(`printf 'From: Ada <ada@example.com>\\r\\nSubject: Monitor flickers\\r\\nMessage-ID: <m1@example.com>\\r\\n\\r\\nThe left monitor flickers.\\r\\n' | curl -s -H "Authorization: Bearer ${demo.apiKey}" -H 'Content-Type: message/rfc822' --data-binary @- ${demo.url}/api/v1/mail/inbound`).toString();
console.log(out);
await demo.close();
console.log(readdirSync('/tmp/demo-mail-check/outbox'));
