import { it } from 'vitest';
import { XSS_PAYLOADS } from '../../../../widget/test/xss-payloads.js';
import { runAttackSuite } from './run.js';

it('scratch full', async () => {
  const started = Date.now();
  const report = await runAttackSuite({ payloads: XSS_PAYLOADS.map((p) => p.text) });
  console.log(`${report.tried} tried ${report.refused} refused ${report.leaked} leaks ${report.known} known\n${report.table}\n${report.leaks.slice(0, 30).map((l) => l.what).join('\n')}\ntickets ${report.tickets} events ${report.events} in ${(Date.now() - started) / 1000}s`);
}, 900_000);
