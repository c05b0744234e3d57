import { it } from 'vitest';
import { XSS_PAYLOADS } from '../../../../widget/test/xss-payloads.js';
import { mailAttacks } from './mail-attacks.js';
import { startMailSide } from './mail-world.js';
import { mailXssAttacks } from './mail-xss.js';
import { figuresTable, type Leak } from './tally.js';
import { startWorld } from './world.js';

it('scratch', async () => {
  const world = await startWorld();
  const mail = await startMailSide(world.sites[0]);
  const leaks: Leak[] = [];
  const n = Number(process.env.N ?? 20);
  const groups = [
    await mailAttacks(world, mail, leaks),
    await mailXssAttacks(world, mail, leaks, XSS_PAYLOADS.map((p) => p.text).slice(0, n)),
  ];
  await mail.close();
  await world.close();
  console.log(figuresTable(groups));
  console.log(leaks.slice(0, 40).map((l) => l.what).join('\n'));
}, 600_000);
